// Helpers for the upstream server's tests: a test PKI (scripts/test-pki), the real
// `simkyc-upstream serve` as a child process on loopback, a blocking HTTPS client that presents a
// chosen client certificate, signed submissions sealed to a carrier key, and CLI runs.
// Thread-safety: one instance per test.
#pragma once

#include "crypto/seal.h"
#include "crypto/signing.h"
#include "protocol/protocol.h"
#include "support/test_env.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSsl>

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::upstream::test {

namespace fs = std::filesystem;

// A PKI made once per test binary (scripts/test-pki into a temporary folder).
const fs::path &pkiDir();
fs::path upstreamBinary();

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QJsonObject json() const;
};
CliResult runCli(const QStringList &arguments, int timeoutMs = 60000);

class ServerProcess {
public:
    // Starts `serve --listen 127.0.0.1:0 --db DB --tls DIR EXTRA...` and waits for "listening on".
    ServerProcess(const std::string &db, const QStringList &extra = {}, const fs::path &tls = pkiDir());
    ~ServerProcess(); // SIGTERM, then waits
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    [[nodiscard]] bool ok() const { return m_port != 0; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QByteArray stderrText();
    // Stops with SIGTERM; the exit code (-1 if it did not stop within 10 s).
    int stop();

private:
    simkyc::test::TempDir m_log; // stderr.log
    QProcess m_process;
    quint16 m_port = 0;
};

struct HttpReply {
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names lowercased
    QByteArray body;
    [[nodiscard]] QJsonObject json() const;
};

struct ClientIdentity {
    fs::path cert;
    fs::path key;
};
ClientIdentity deviceIdentity(const std::string &prefix = "device"); // in pkiDir()

class HttpsClient {
public:
    // ca: the CA the client trusts (the real one by default); identity: none = no client certificate.
    HttpsClient(quint16 port, std::optional<ClientIdentity> identity, const fs::path &ca = pkiDir() / "ca.crt",
                QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater);
    ~HttpsClient();
    // nullopt when the connection or the handshake failed or the server closed without answering.
    std::optional<HttpReply> request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {});
    std::optional<HttpReply> post(const QByteArray &path, const QJsonObject &json);
    [[nodiscard]] const QString &lastError() const { return m_lastError; }
    // Sends raw bytes and reads one reply (for malformed-request tests).
    std::optional<HttpReply> raw(const QByteArray &bytes);
    // Sends bytes and reads (almost) nothing after: answers pile up unread; false when not sent.
    bool sendOnly(const QByteArray &bytes);
    // Connect from this local loopback address (127.0.0.0/8: another client IP for the server);
    // receiveBufferBytes > 0 shrinks the socket's receive buffer (a client slow to read).
    void setSource(const std::string &address, int receiveBufferBytes = 0);
    // TCP connections opened so far (1 while one connection served every request).
    [[nodiscard]] int connectionsOpened() const { return m_connectionsOpened; }

private:
    bool ensureConnected();
    std::optional<HttpReply> readReply();

    struct Impl;
    std::unique_ptr<Impl> m_impl;
    QString m_lastError;
    int m_connectionsOpened = 0;
};

// A kiosk: a device signing key, a carrier sealing key, signed submissions.
struct Kiosk {
    crypto::Ed25519KeyPair key = crypto::generateEd25519KeyPair().value();
    crypto::X25519KeyPair carrier = crypto::generateX25519KeyPair().value();
    std::string storeId = "store-1";

    [[nodiscard]] std::string deviceId() const { return protocol::deviceIdOf(key.publicKey); }
    [[nodiscard]] QJsonObject enrolment(const std::string &token) const;
    // A signed submission; idNumber feeds the PII; quotaIndex nullopt = an index of the record's own
    // (a person with no other number), kNoQuotaIndex = none (a forged or unenrolled sender); status
    // is the payload's ("recorded", or "manual_review" for a record handed to the manager); outcome
    // "" = "match" for a recorded one, none for a hand-over ("none" = none in any case).
    static constexpr const char *kNoQuotaIndex = "";
    [[nodiscard]] protocol::Submission
    submission(const std::string &recordId, std::optional<std::string> quotaIndex = std::nullopt,
               const std::string &idNumber = "AB123456", const std::string &clerk = "staff:1",
               const std::string &status = "recorded", const std::string &outcome = "") const;
    // A matched registration whose sealed biometrics hold `liveFace` as the kiosk writes it
    // ({"version": 1, "method": "face", "live_embedding": [128 numbers]}); outcome "" = "match".
    [[nodiscard]] protocol::Submission submissionWithFace(const std::string &recordId, const std::string &quotaIndex,
                                                          const std::array<float, 128> &liveFace,
                                                          const std::string &outcome = "") const;
    // A manager's decision on one of this kiosk's records (a new review id each call).
    [[nodiscard]] protocol::ReviewPayload review(const std::string &recordId, const std::string &decision = "approved",
                                                 const std::string &reason = "checked") const;
    // The review's bytes (protocol::serialiseReview) signed with this kiosk's key.
    [[nodiscard]] protocol::ReviewSubmission signedReview(const protocol::ReviewPayload &review) const;

private:
    [[nodiscard]] protocol::Submission build(const std::string &recordId, std::optional<std::string> quotaIndex,
                                             const std::string &idNumber, const std::string &clerk,
                                             const std::string &status, const std::string &outcome,
                                             const protocol::Bytes &biometricsPlain) const;
};

// Sends `batches` batches of 200 new records (made before the clock starts) through `client`;
// records per second, or 0 when a batch was not answered with 200.
double batchRate(HttpsClient &client, const Kiosk &kiosk, int batches);

std::string newRecordId();
std::string enrolmentToken();
// Enrols `kiosk` through `client` (expects 201) and returns the receipt key it learns; a zero key
// (with the failure recorded) when it did not.
crypto::Ed25519PublicKey enrolKiosk(HttpsClient &client, const Kiosk &kiosk);
std::string quotaIndexFor(const std::string &idNumber);
QJsonObject batchOf(const std::vector<QJsonObject> &items);

} // namespace simkyc::upstream::test

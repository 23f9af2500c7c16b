#include "upstream_fixture.h"

#include "crypto/aead.h"
#include "crypto/digest.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QUuid>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace simkyc::upstream::test {
namespace {

// Qt's network and process classes want an application object; the tests use blocking calls.
class QtEnvironment : public ::testing::Environment {
public:
    void SetUp() override
    {
        if (QCoreApplication::instance() == nullptr) {
            static int argc = 1;
            static char name[] = "upstream_tests";
            static char *argv[] = {name, nullptr};
            m_app = std::make_unique<QCoreApplication>(argc, argv);
        }
    }
    void TearDown() override { m_app.reset(); }

private:
    std::unique_ptr<QCoreApplication> m_app;
};
[[maybe_unused]] ::testing::Environment *const g_qt = ::testing::AddGlobalTestEnvironment(new QtEnvironment);

QString qpath(const fs::path &p)
{
    return QString::fromStdString(p.string());
}

QByteArray readAll(const fs::path &file)
{
    QFile f(qpath(file));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

protocol::Bytes textBytes(const std::string &s)
{
    return protocol::Bytes(s.begin(), s.end());
}

} // namespace

const fs::path &pkiDir()
{
    static simkyc::test::TempDir dir;
    static const fs::path pki = [] {
        const fs::path out = dir.path() / "pki";
        QProcess p;
        p.start(qpath(simkyc::test::sourceDir() / "scripts" / "test-pki"), {qpath(out)});
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            ADD_FAILURE() << "scripts/test-pki failed: " << p.readAllStandardError().toStdString();
        return out;
    }();
    return pki;
}

fs::path upstreamBinary()
{
    return simkyc::test::binDir() / "simkyc-upstream";
}

QJsonObject CliResult::json() const
{
    return QJsonDocument::fromJson(out).object();
}

CliResult runCli(const QStringList &arguments, int timeoutMs)
{
    QProcess p;
    p.start(qpath(upstreamBinary()), arguments);
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

ServerProcess::ServerProcess(const std::string &db, const QStringList &extra, const fs::path &tls)
{
    QStringList args{"serve", "--listen", "127.0.0.1:0", "--db", QString::fromStdString(db), "--tls", qpath(tls)};
    args += extra;
    // stderr goes to a file: a pipe nobody drains during blocking client calls would fill up and
    // stall a chatty server.
    m_process.setStandardErrorFile(qpath(m_log.path() / "stderr.log"));
    m_process.start(qpath(upstreamBinary()), args);
    QByteArray out;
    while (m_process.waitForReadyRead(30000) || m_process.bytesAvailable() > 0) {
        out += m_process.readAllStandardOutput();
        const qsizetype at = out.indexOf("listening on 127.0.0.1:");
        const qsizetype end = out.indexOf('\n', at);
        if (at >= 0 && end > at) {
            m_port = static_cast<quint16>(out.mid(at + 23, end - at - 23).toUInt());
            return;
        }
        if (m_process.state() != QProcess::Running)
            break;
    }
    ADD_FAILURE() << "simkyc-upstream serve did not start: " << stderrText().toStdString();
}

ServerProcess::~ServerProcess()
{
    stop();
}

QByteArray ServerProcess::stderrText()
{
    QFile log(qpath(m_log.path() / "stderr.log"));
    return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
}

int ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished();
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

ClientIdentity deviceIdentity(const std::string &prefix)
{
    return {pkiDir() / (prefix + ".crt"), pkiDir() / (prefix + ".key")};
}

struct HttpsClient::Impl {
    QSslSocket socket;
    quint16 port = 0;
    std::optional<std::string> source;
    int receiveBufferBytes = 0;

    // A blocking TCP connection to 127.0.0.1:port from `source`, handed to the socket; false if none.
    bool connectFromSource(QString &error)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(port);
        if (fd < 0 || ::inet_pton(AF_INET, source->c_str(), &local.sin_addr) != 1 ||
            ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr) != 1 ||
            (receiveBufferBytes > 0 &&
             ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBufferBytes, sizeof receiveBufferBytes) != 0) ||
            ::bind(fd, reinterpret_cast<const sockaddr *>(&local), sizeof local) != 0 ||
            ::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) != 0) {
            error = QString::fromLocal8Bit(std::strerror(errno));
            if (fd >= 0)
                ::close(fd);
            return false;
        }
        if (!socket.setSocketDescriptor(fd)) {
            error = socket.errorString();
            ::close(fd);
            return false;
        }
        socket.startClientEncryption();
        return true;
    }
};

HttpsClient::HttpsClient(quint16 port, std::optional<ClientIdentity> identity, const fs::path &ca,
                         QSsl::SslProtocol protocol)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->port = port;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(readAll(ca), QSsl::Pem));
    tls.setProtocol(protocol);
    if (identity) {
        tls.setLocalCertificate(QSslCertificate(readAll(identity->cert), QSsl::Pem));
        tls.setPrivateKey(QSslKey(readAll(identity->key), QSsl::Ec, QSsl::Pem));
    }
    m_impl->socket.setSslConfiguration(tls);
    m_impl->socket.setPeerVerifyName(QStringLiteral("127.0.0.1"));
}

HttpsClient::~HttpsClient() = default;

bool HttpsClient::ensureConnected()
{
    QSslSocket &s = m_impl->socket;
    if (s.state() == QAbstractSocket::ConnectedState && s.isEncrypted())
        return true;
    s.abort();
    ++m_connectionsOpened;
    if (!m_impl->source)
        s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_impl->port);
    else if (!m_impl->connectFromSource(m_lastError))
        return false;
    if (!s.waitForEncrypted(10000)) {
        m_lastError = s.errorString();
        return false;
    }
    return true;
}

std::optional<HttpReply> HttpsClient::request(const QByteArray &method, const QByteArray &path, const QByteArray &body)
{
    QByteArray bytes = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!body.isEmpty() || method == "POST")
        bytes += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += "\r\n" + body;
    return raw(bytes);
}

std::optional<HttpReply> HttpsClient::post(const QByteArray &path, const QJsonObject &json)
{
    return request("POST", path, protocol::compact(json));
}

std::optional<HttpReply> HttpsClient::raw(const QByteArray &bytes)
{
    if (!ensureConnected())
        return std::nullopt;
    m_impl->socket.write(bytes);
    if (!m_impl->socket.waitForBytesWritten(10000) && m_impl->socket.bytesToWrite() > 0) {
        m_lastError = m_impl->socket.errorString();
        return std::nullopt;
    }
    return readReply();
}

bool HttpsClient::sendOnly(const QByteArray &bytes)
{
    if (!ensureConnected())
        return false;
    // Waiting for the write reads too: take at most 4 KiB of the answers off the kernel.
    m_impl->socket.setReadBufferSize(4096);
    m_impl->socket.write(bytes);
    // Hands the bytes to the kernel as far as the peer takes them; the rest stays buffered.
    while (m_impl->socket.bytesToWrite() > 0 || m_impl->socket.encryptedBytesToWrite() > 0)
        if (!m_impl->socket.waitForBytesWritten(10000))
            break;
    return m_impl->socket.state() == QAbstractSocket::ConnectedState;
}

void HttpsClient::setSource(const std::string &address, int receiveBufferBytes)
{
    m_impl->source = address;
    m_impl->receiveBufferBytes = receiveBufferBytes;
}

std::optional<HttpReply> HttpsClient::readReply()
{
    QSslSocket &s = m_impl->socket;
    QByteArray buffer;
    qsizetype headerEnd = -1;
    HttpReply reply;
    qsizetype length = -1;
    while (true) {
        buffer += s.readAll();
        if (headerEnd < 0 && (headerEnd = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            reply.status = lines.front().split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                reply.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            length = reply.headers.value("content-length").toLongLong();
        }
        if (headerEnd >= 0 && buffer.size() >= headerEnd + 4 + length) {
            reply.body = buffer.mid(headerEnd + 4, length);
            if (reply.headers.value("connection") == "close")
                s.disconnectFromHost();
            return reply;
        }
        if (!s.waitForReadyRead(30000)) {
            m_lastError = s.errorString();
            s.abort();
            return std::nullopt;
        }
    }
}

QJsonObject Kiosk::enrolment(const std::string &token) const
{
    return protocol::toJson(protocol::EnrolmentRequest{deviceId(), storeId, key.publicKey, token});
}

protocol::Submission Kiosk::submission(const std::string &recordId, std::optional<std::string> quotaIndex,
                                       const std::string &idNumber, const std::string &clerk, const std::string &status,
                                       const std::string &outcome) const
{
    return build(recordId, std::move(quotaIndex), idNumber, clerk, status, outcome, protocol::Bytes(4096, 0x5a));
}

protocol::Submission Kiosk::submissionWithFace(const std::string &recordId, const std::string &quotaIndex,
                                               const std::array<float, 128> &liveFace, const std::string &outcome) const
{
    QJsonArray values;
    for (const float v : liveFace)
        values.append(static_cast<double>(v));
    const QByteArray json = QJsonDocument(QJsonObject{{"version", 1}, {"method", "face"}, {"live_embedding", values}})
                                .toJson(QJsonDocument::Compact);
    return build(recordId, quotaIndex, "AB123456", "staff:1", "recorded", outcome,
                 protocol::Bytes(json.begin(), json.end()));
}

protocol::Submission Kiosk::build(const std::string &recordId, std::optional<std::string> quotaIndex,
                                  const std::string &idNumber, const std::string &clerk, const std::string &status,
                                  const std::string &outcome, const protocol::Bytes &biometricsPlain) const
{
    if (!quotaIndex)
        quotaIndex = quotaIndexFor("record:" + recordId);
    else if (quotaIndex->empty())
        quotaIndex.reset();
    const std::string piiText = R"({"name":"Test Person","id_number":")" + idNumber +
                                R"(","birth_date":"1990-01-01","address":"1 Test Street","phone":"+15550100",)"
                                R"("iccid":"8901260000000000001"})";
    const protocol::Bytes pii = crypto::sealTo(carrier.publicKey, textBytes(piiText),
                                               crypto::fieldAssociatedData(recordId, protocol::kPiiField))
                                    .value();
    const protocol::Bytes biometrics = crypto::sealTo(carrier.publicKey, biometricsPlain,
                                                      crypto::fieldAssociatedData(recordId, protocol::kBiometricsField))
                                           .value();
    protocol::RegistrationPayload p;
    p.recordId = recordId;
    p.deviceId = deviceId();
    p.storeId = storeId;
    p.createdAt = "2026-11-28T02:00:00.000Z";
    p.clerk = clerk;
    p.status = status;
    if (outcome.empty() && status != "manual_review")
        p.outcome = "match";
    else if (!outcome.empty() && outcome != "none")
        p.outcome = outcome;
    p.matchDistance = 0.41;
    p.liveness = "passed;blink";
    p.piiSha256 = crypto::toHex(crypto::sha256(pii));
    p.piiSize = static_cast<std::int64_t>(pii.size());
    p.biometricsSha256 = crypto::toHex(crypto::sha256(biometrics));
    p.biometricsSize = static_cast<std::int64_t>(biometrics.size());
    return protocol::signSubmission(key.privateKey, protocol::serialisePayload(p), pii, biometrics,
                                    std::move(quotaIndex))
        .value();
}

protocol::ReviewPayload Kiosk::review(const std::string &recordId, const std::string &decision,
                                      const std::string &reason) const
{
    protocol::ReviewPayload r;
    r.reviewId = newRecordId();
    r.recordId = recordId;
    r.deviceId = deviceId();
    r.storeId = storeId;
    r.decidedAt = "2026-11-28T18:00:00.000Z";
    r.reviewer = "staff:2";
    r.decision = decision;
    r.reason = reason;
    return r;
}

protocol::ReviewSubmission Kiosk::signedReview(const protocol::ReviewPayload &review) const
{
    return protocol::signReview(key.privateKey, protocol::serialiseReview(review)).value();
}

double batchRate(HttpsClient &client, const Kiosk &kiosk, int batches)
{
    std::vector<QByteArray> bodies;
    for (int b = 0; b < batches; ++b) {
        std::vector<QJsonObject> items;
        for (int i = 0; i < 200; ++i)
            items.push_back(protocol::toJson(kiosk.submission(newRecordId(), quotaIndexFor(std::to_string(i)))));
        bodies.push_back(protocol::compact(batchOf(items)));
    }
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &body : bodies) {
        auto reply = client.request("POST", "/v1/registrations:batch", body);
        if (!reply || reply->status != 200)
            return 0;
    }
    return batches * 200 / (static_cast<double>(timer.nsecsElapsed()) / 1e9);
}

std::string newRecordId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

std::string enrolmentToken()
{
    return readAll(pkiDir() / "enrolment-token").trimmed().toStdString();
}

crypto::Ed25519PublicKey enrolKiosk(HttpsClient &client, const Kiosk &kiosk)
{
    auto reply = client.post("/v1/devices", kiosk.enrolment(enrolmentToken()));
    EXPECT_TRUE(reply) << client.lastError().toStdString();
    if (!reply)
        return {};
    EXPECT_EQ(reply->status, 201) << reply->body.toStdString();
    auto response = protocol::enrolmentResponseFromJson(reply->json());
    EXPECT_TRUE(response) << reply->body.toStdString();
    return response ? response->receiptKey : crypto::Ed25519PublicKey{};
}

std::string quotaIndexFor(const std::string &idNumber)
{
    return crypto::toHex(crypto::sha256(idNumber));
}

QJsonObject batchOf(const std::vector<QJsonObject> &items)
{
    QJsonArray array;
    for (const QJsonObject &item : items)
        array.append(item);
    return QJsonObject{{"items", array}};
}

} // namespace simkyc::upstream::test

// UpstreamClient: the one network-job base of the kiosk (STYLE.md): HTTPS to the carrier with
// mutual TLS, the carrier's CA as the only trust anchor (never the system store), an optional
// SHA-256 pin of the server's public key, TLS 1.3 (1.2 only when allowed), a timeout per request,
// HTTP keep-alive (QNetworkAccessManager's connection pool), and one error vocabulary
// (sync::HttpResponse).
// TLS folder (docs/upstream-api.md): ca.crt, device.crt, device.key, optional enrolment-token.
// Guarantees: a server that fails certificate verification gets no request (the handshake fails);
// one that fails the pin is cut off as soon as the handshake completes; every callback is called
// exactly once, on the thread of the client.
// Thread-safety: one instance per thread (a QObject with a QNetworkAccessManager).
#pragma once

#include "core/result.h"
#include "sync/retry_policy.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace simkyc::sync {

struct TlsOptions {
    std::filesystem::path dir;
    bool allowTls12 = false;
    std::optional<std::string> pinSha256; // hex SHA-256 of the server's SubjectPublicKeyInfo (DER)
};

[[nodiscard]] Result<QSslConfiguration> clientTlsConfiguration(const TlsOptions &options);
// The contents of DIR/enrolment-token (trimmed), or empty when there is no such file.
[[nodiscard]] Result<std::string> enrolmentTokenIn(const std::filesystem::path &dir);

class UpstreamClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse &)>;

    UpstreamClient(QUrl base, QSslConfiguration tls, std::optional<std::string> pinSha256,
                   std::chrono::milliseconds timeout, QObject *parent = nullptr);

    [[nodiscard]] const QUrl &base() const { return m_base; }
    void get(const QString &path, Callback done);
    void post(const QString &path, const QByteArray &jsonBody, Callback done);

private:
    void track(QNetworkReply *reply, Callback done);

    QUrl m_base;
    QSslConfiguration m_tls;
    std::optional<std::string> m_pin;
    std::chrono::milliseconds m_timeout;
    QNetworkAccessManager m_manager;
};

} // namespace simkyc::sync

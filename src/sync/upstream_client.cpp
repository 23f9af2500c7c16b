#include "sync/upstream_client.h"

#include "crypto/certificate_check.h"
#include "crypto/digest.h"

#include <QFile>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslKey>

#include <memory>

namespace simkyc::sync {
namespace {

Result<QByteArray> readFile(const std::filesystem::path &path)
{
    QFile f(QString::fromStdString(path.string()));
    if (!f.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, "cannot read " + path.string()};
    return f.readAll();
}

std::string pinOf(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.publicKey().toDer();
    return crypto::toHex(
        crypto::sha256(std::span(reinterpret_cast<const std::uint8_t *>(der.constData()), std::size_t(der.size()))));
}

} // namespace

Result<QSslConfiguration> clientTlsConfiguration(const TlsOptions &options)
{
    auto ca = readFile(options.dir / "ca.crt");
    auto cert = readFile(options.dir / "device.crt");
    auto key = readFile(options.dir / "device.key");
    for (const auto *r : {&ca, &cert, &key})
        if (!*r)
            return r->error();
    const QList<QSslCertificate> cas = QSslCertificate::fromData(*ca, QSsl::Pem);
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*cert, QSsl::Pem);
    if (cas.isEmpty() || chain.isEmpty())
        return Error{ErrorCode::InvalidFormat,
                     "ca.crt or device.crt in " + options.dir.string() + " holds no PEM certificate"};
    auto device = crypto::checkCertificate(cert->toStdString(), ca->toStdString(), std::chrono::system_clock::now());
    if (!device)
        return Error{device.error().code, "device.crt in " + options.dir.string() + ": " + device.error().message};
    QSslKey privateKey(*key, QSsl::Ec, QSsl::Pem);
    if (privateKey.isNull())
        privateKey = QSslKey(*key, QSsl::Rsa, QSsl::Pem);
    key->fill('\0');
    if (privateKey.isNull())
        return Error{ErrorCode::InvalidFormat, "device.key in " + options.dir.string() + " is not a PEM EC/RSA key"};
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setCaCertificates(cas); // the carrier's CA only, never the system store
    c.setLocalCertificateChain(chain);
    c.setPrivateKey(privateKey);
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    c.setProtocol(options.allowTls12 ? QSsl::TlsV1_2OrLater : QSsl::TlsV1_3OrLater);
    return c;
}

Result<std::string> enrolmentTokenIn(const std::filesystem::path &dir)
{
    const auto path = dir / "enrolment-token";
    if (!std::filesystem::exists(path))
        return std::string();
    auto bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    return bytes->trimmed().toStdString();
}

UpstreamClient::UpstreamClient(QUrl base, QSslConfiguration tls, std::optional<std::string> pinSha256,
                               std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent), m_base(std::move(base)), m_tls(std::move(tls)), m_pin(std::move(pinSha256)), m_timeout(timeout)
{
    m_manager.setAutoDeleteReplies(true);
}

void UpstreamClient::get(const QString &path, Callback done)
{
    QNetworkRequest request(m_base.resolved(QUrl(path)));
    request.setSslConfiguration(m_tls);
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    track(m_manager.get(request), std::move(done));
}

void UpstreamClient::post(const QString &path, const QByteArray &jsonBody, Callback done)
{
    QNetworkRequest request(m_base.resolved(QUrl(path)));
    request.setSslConfiguration(m_tls);
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    track(m_manager.post(request, jsonBody), std::move(done));
}

void UpstreamClient::track(QNetworkReply *reply, Callback done)
{
    auto untrusted = std::make_shared<QString>();
    connect(reply, &QNetworkReply::sslErrors, this, [untrusted](const QList<QSslError> &errors) {
        // Not ignored: the handshake fails and nothing is sent. Remembered to tell it apart.
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        *untrusted = texts.join(QStringLiteral("; "));
    });
    if (m_pin) {
        connect(reply, &QNetworkReply::encrypted, this, [this, reply, untrusted] {
            if (pinOf(reply->sslConfiguration().peerCertificate()) != *m_pin) {
                *untrusted = QStringLiteral("the server's public key does not match the pinned SHA-256");
                reply->abort();
            }
        });
    }
    connect(reply, &QNetworkReply::finished, this, [reply, untrusted, done = std::move(done)] {
        HttpResponse r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.replay = reply->rawHeader("Simkyc-Replay") == "1";
        bool ok = false;
        const int retryAfter = reply->rawHeader("Retry-After").toInt(&ok);
        if (ok)
            r.retryAfterS = retryAfter;
        r.serverUntrusted = !untrusted->isEmpty();
        if (reply->error() != QNetworkReply::NoError && r.status == 0) {
            r.networkError = true;
            r.errorText = r.serverUntrusted ? *untrusted : reply->errorString();
        }
        done(r);
    });
}

} // namespace simkyc::sync

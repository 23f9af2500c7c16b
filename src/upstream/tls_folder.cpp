#include "upstream/tls_folder.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace simkyc::upstream {
namespace fs = std::filesystem;
namespace {

Result<QByteArray> readFile(const fs::path &file)
{
    QFile f(QString::fromStdString(file.string()));
    if (!f.exists())
        return Error{ErrorCode::NotFound, "missing " + file.string()};
    if (!f.open(QIODevice::ReadOnly))
        return Error{ErrorCode::IoError, "cannot read " + file.string()};
    if (f.size() > 1024 * 1024)
        return Error{ErrorCode::InvalidFormat, "too large: " + file.string()};
    return f.readAll();
}

} // namespace

Result<QSslConfiguration> serverTlsConfiguration(const fs::path &dir, TlsMinimum minimum)
{
    auto ca = readFile(dir / "ca.crt");
    auto cert = readFile(dir / "server.crt");
    auto key = readFile(dir / "server.key");
    for (const auto *r : {&ca, &cert, &key})
        if (!*r)
            return r->error();
    const QList<QSslCertificate> cas = QSslCertificate::fromData(*ca, QSsl::Pem);
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*cert, QSsl::Pem);
    if (cas.isEmpty())
        return Error{ErrorCode::InvalidFormat, "no certificate in " + (dir / "ca.crt").string()};
    if (chain.isEmpty())
        return Error{ErrorCode::InvalidFormat, "no certificate in " + (dir / "server.crt").string()};
    QSslKey privateKey(*key, QSsl::Ec, QSsl::Pem);
    if (privateKey.isNull())
        privateKey = QSslKey(*key, QSsl::Rsa, QSsl::Pem);
    if (privateKey.isNull())
        return Error{ErrorCode::InvalidFormat, "not an EC or RSA PEM key: " + (dir / "server.key").string()};

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(privateKey);
    tls.setCaCertificates(cas);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setAllowedNextProtocols({QSslConfiguration::NextProtocolHttp1_1}); // ALPN: never h2
    tls.setProtocol(minimum == TlsMinimum::V1_3 ? QSsl::TlsV1_3OrLater : QSsl::TlsV1_2OrLater);
    return tls;
}

Result<crypto::Ed25519KeyPair> loadReceiptKey(const fs::path &dir)
{
    auto pem = readFile(dir / "receipt.key");
    if (!pem)
        return pem.error();
    auto pair = crypto::ed25519KeyPairFromPem(
        std::span(reinterpret_cast<const std::uint8_t *>(pem->constData()), static_cast<std::size_t>(pem->size())));
    pem->fill('\0');
    if (!pair)
        return Error{pair.error().code, (dir / "receipt.key").string() + ": " + pair.error().message};
    return pair;
}

Result<std::optional<std::string>> loadEnrolmentToken(const fs::path &dir)
{
    auto token = readFile(dir / "enrolment-token");
    if (!token) {
        if (token.error().code == ErrorCode::NotFound)
            return std::optional<std::string>();
        return token.error();
    }
    const QByteArray trimmed = token->trimmed();
    if (trimmed.isEmpty())
        return Error{ErrorCode::InvalidFormat, "empty " + (dir / "enrolment-token").string()};
    return std::optional<std::string>(trimmed.toStdString());
}

} // namespace simkyc::upstream

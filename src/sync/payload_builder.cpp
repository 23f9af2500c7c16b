#include "sync/payload_builder.h"

#include "crypto/aead.h"
#include "protocol/protocol.h"
#include "store/registration_repository.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace simkyc::sync {

UpstreamPayloadBuilder::UpstreamPayloadBuilder(const crypto::X25519PublicKey &carrier,
                                               const crypto::Ed25519PublicKey &device, std::string storeId,
                                               std::optional<crypto::SecureBytes> quotaKey)
    : m_carrier(carrier), m_deviceId(protocol::deviceIdOf(device)), m_storeId(std::move(storeId)),
      m_quotaKey(std::move(quotaKey))
{
}

Result<store::OutboxPayload> UpstreamPayloadBuilder::build(const store::OutboxSource &source) const
{
    if (source.customer == nullptr || source.reasonCodes == nullptr)
        return Error{ErrorCode::InvalidArgument, "the outbox source lacks the customer or the reason codes"};
    const store::CustomerPii &c = *source.customer;
    QJsonObject pii;
    const std::string *fields[] = {&c.name, &c.idNumber, &c.birthDate, &c.address, &c.phone, &c.iccid};
    for (std::size_t i = 0; i < store::kCustomerColumns.size(); ++i)
        pii.insert(QString::fromUtf8(store::kCustomerColumns[i].data(),
                                     static_cast<qsizetype>(store::kCustomerColumns[i].size())),
                   QString::fromStdString(*fields[i]));
    QByteArray clear = QJsonDocument(pii).toJson(QJsonDocument::Compact);
    auto sealed = crypto::sealTo(
        m_carrier,
        std::span(reinterpret_cast<const std::uint8_t *>(clear.constData()), static_cast<std::size_t>(clear.size())),
        crypto::fieldAssociatedData(source.recordId, protocol::kPiiField));
    clear.fill('\0'); // the clear copy of the customer data
    if (!sealed)
        return sealed.error();

    protocol::RegistrationPayload p;
    p.recordId = source.recordId;
    p.deviceId = m_deviceId;
    p.storeId = m_storeId;
    p.createdAt = source.createdAt;
    p.clerk = "staff:" + std::to_string(source.clerkId);
    p.status = source.status;
    if (source.outcome)
        p.outcome = std::string(*source.outcome);
    p.reasonCodes = *source.reasonCodes;
    p.matchDistance = source.matchDistance;
    p.liveness = source.liveness;
    p.piiSha256 = crypto::toHex(crypto::sha256(*sealed));
    p.piiSize = static_cast<std::int64_t>(sealed->size());
    if (!source.sealedBiometrics.empty()) {
        p.biometricsSha256 = crypto::toHex(crypto::sha256(source.sealedBiometrics));
        p.biometricsSize = static_cast<std::int64_t>(source.sealedBiometrics.size());
    }
    store::OutboxPayload out{protocol::serialisePayload(p), std::move(sealed).value(), std::nullopt};
    if (m_quotaKey) {
        auto index = protocol::quotaIndexOf(*m_quotaKey, c.idNumber);
        if (!index)
            return index.error();
        out.quotaIndex = std::move(index).value();
    }
    return out;
}

} // namespace simkyc::sync

// UpstreamPayloadBuilder: builds a registration's upstream payload (docs/upstream-api.md) inside
// the store's insert transaction: the customer data sealed to the carrier (field "upstream_pii"),
// the payload naming the sealed blobs' hashes, and the quota index when the quota key is known.
// Guarantees: nothing the kiosk can open leaves here: the PII is sealed to the carrier's X25519 key
// before it is stored in the outbox; the clear PII is only read, never kept.
// Thread-safety: immutable after construction; build() is reentrant.
#pragma once

#include "crypto/seal.h"
#include "crypto/secure_bytes.h"
#include "crypto/signing.h"
#include "store/outbox_payload.h"

#include <optional>
#include <string>

namespace simkyc::sync {

class UpstreamPayloadBuilder final : public store::OutboxPayloadBuilder {
public:
    UpstreamPayloadBuilder(const crypto::X25519PublicKey &carrier, const crypto::Ed25519PublicKey &device,
                           std::string storeId, std::optional<crypto::SecureBytes> quotaKey);

    [[nodiscard]] Result<store::OutboxPayload> build(const store::OutboxSource &source) const override;

private:
    crypto::X25519PublicKey m_carrier;
    std::string m_deviceId;
    std::string m_storeId;
    std::optional<crypto::SecureBytes> m_quotaKey;
};

} // namespace simkyc::sync

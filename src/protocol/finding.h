// The carrier's findings about a kiosk's registrations (GET /v1/devices/{device_id}/findings,
// docs/upstream-api.md, "Duplicate faces"): today one kind, "duplicate_face" (the record's live face
// matches a registration under another ID number, found by the carrier's 1:N search). Each finding
// is signed with the carrier's receipt key, so a kiosk shows only what the carrier said.
// Guarantees: a finding verifies only under the receipt key, for its record, kind and time; it names
// no other record (the other registration may be another shop's). Parsers reject missing or
// malformed fields with InvalidFormat (messages never echo values).
// Thread-safety: free functions on values; reentrant.
#pragma once

#include "core/result.h"
#include "crypto/secure_bytes.h"
#include "crypto/signing.h"

#include <QJsonObject>

#include <string>
#include <string_view>

namespace simkyc::protocol {

inline constexpr std::string_view kDuplicateFace = "duplicate_face";

struct Finding {
    std::string recordId;
    std::string kind; // kDuplicateFace
    std::string foundAt;
    std::string keyId;
    crypto::Ed25519Signature signature{};
};

// "simkyc/finding/v1\n" + record_id + "\n" + kind + "\n" + found_at.
[[nodiscard]] std::string findingMessage(const Finding &finding);
// Fills keyId and signature.
[[nodiscard]] Status signFinding(Finding &finding, const crypto::SecureBytes &receiptPrivate,
                                 const crypto::Ed25519PublicKey &receiptPublic);
[[nodiscard]] QJsonObject toJson(const Finding &finding);
// InvalidFormat also for a kind other than kDuplicateFace.
[[nodiscard]] Result<Finding> findingFromJson(const QJsonObject &json);
// CryptoFailure when the signature does not verify under receiptKey.
[[nodiscard]] Status verifyFinding(const Finding &finding, const crypto::Ed25519PublicKey &receiptKey);

} // namespace simkyc::protocol

// The quota check before a registration (POST /v1/quota-checks, docs/upstream-api.md): an enrolled
// kiosk asks the carrier how many of a person's places (core/quota.h) are taken under a quota
// index, before the customer's face is checked; the carrier's answer, signed with its receipt key
// over the kiosk's fresh nonce, is authoritative.
// Guarantees: the request is signed by the device over its device id, quota index and nonce; an
// answer verifies only under the receipt key, for the index and the nonce asked (an answer recorded
// earlier, or for another person, does not verify). Parsers reject missing or malformed fields
// with InvalidFormat (messages never echo values).
// Thread-safety: free functions on values; reentrant.
#pragma once

#include "core/result.h"
#include "crypto/secure_bytes.h"
#include "crypto/signing.h"

#include <QJsonObject>

#include <cstdint>
#include <string>

namespace simkyc::protocol {

struct QuotaCheckRequest {
    std::string deviceId;
    std::string quotaIndex; // 64 hex digits
    std::string nonce;      // 32 hex digits, fresh per check
    crypto::Ed25519Signature signature{};
};

// "simkyc/quota-check/v1\n" + device_id + "\n" + quota_index + "\n" + nonce.
[[nodiscard]] std::string quotaCheckMessage(const QuotaCheckRequest &request);
// A new request with a fresh random nonce, signed.
[[nodiscard]] Result<QuotaCheckRequest> signQuotaCheck(const crypto::SecureBytes &devicePrivate, std::string deviceId,
                                                       std::string quotaIndex);
[[nodiscard]] QJsonObject toJson(const QuotaCheckRequest &request);
[[nodiscard]] Result<QuotaCheckRequest> quotaCheckRequestFromJson(const QJsonObject &json);
// CryptoFailure when the signature does not verify under deviceKey.
[[nodiscard]] Status verifyQuotaCheck(const QuotaCheckRequest &request, const crypto::Ed25519PublicKey &deviceKey);

struct QuotaAnswer {
    std::string quotaIndex;
    std::string nonce;
    std::int64_t activeCount = 0; // places taken under the index now
    std::int64_t limit = 0;       // core::kQuotaLimit at the carrier
    bool allowed = false;         // activeCount < limit
    std::string serverTime;
    std::string keyId;
    crypto::Ed25519Signature signature{};
};

// "simkyc/quota-answer/v1\n" + quota_index + "\n" + nonce + "\n" + active_count + "\n" + limit + "\n" +
// ("1" or "0") + "\n" + server_time.
[[nodiscard]] std::string quotaAnswerMessage(const QuotaAnswer &answer);
// Fills keyId and signature.
[[nodiscard]] Status signQuotaAnswer(QuotaAnswer &answer, const crypto::SecureBytes &receiptPrivate,
                                     const crypto::Ed25519PublicKey &receiptPublic);
[[nodiscard]] QJsonObject toJson(const QuotaAnswer &answer);
[[nodiscard]] Result<QuotaAnswer> quotaAnswerFromJson(const QJsonObject &json);
// CryptoFailure when the signature does not verify under receiptKey; InvalidArgument when it answers
// another question (another index or nonce) or contradicts itself (allowed with a full count).
[[nodiscard]] Status verifyQuotaAnswer(const QuotaAnswer &answer, const crypto::Ed25519PublicKey &receiptKey,
                                       const QuotaCheckRequest &asked);

} // namespace simkyc::protocol

// The kiosk <-> carrier wire format (docs/upstream-api.md), implemented once for both sides:
// the immutable registration payload, the signed submission, the signed receipt, enrolment and
// error bodies.
// Guarantees: a payload is serialised once (serialisePayload) and from then on handled as bytes;
// hashes and signatures always cover those exact bytes. Parsers reject a missing field, a field of
// the wrong type, bad base64/hex and unknown versions with InvalidFormat (messages never echo
// values). verify*() are the only way a parsed submission or receipt is trusted.
// Thread-safety: free functions on values; reentrant.
#pragma once

#include "core/result.h"
#include "crypto/digest.h"
#include "crypto/secure_bytes.h"
#include "crypto/signing.h"

#include <QByteArray>
#include <QJsonObject>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::protocol {

using Bytes = std::vector<std::uint8_t>;

inline constexpr int kVersion = 1;
inline constexpr std::string_view kPiiField = "upstream_pii";
inline constexpr std::string_view kBiometricsField = "biometric_payload";

// "dev-" + the first 32 hex digits of SHA-256 of the device's Ed25519 public key.
[[nodiscard]] std::string deviceIdOf(const crypto::Ed25519PublicKey &devicePublic);
// The first 16 hex digits of SHA-256 of a receipt public key.
[[nodiscard]] std::string keyIdOf(const crypto::Ed25519PublicKey &receiptPublic);

struct RegistrationPayload {
    std::string recordId;
    std::string deviceId;
    std::string storeId;
    std::string createdAt;
    std::string clerk; // "staff:3"
    std::string status;
    std::optional<std::string> outcome;
    std::vector<std::string> reasonCodes;
    std::optional<double> matchDistance;
    std::string liveness;
    std::string piiSha256;
    std::int64_t piiSize = 0;
    std::optional<std::string> biometricsSha256;
    std::int64_t biometricsSize = 0;
};

// Compact JSON, keys in a fixed order.
[[nodiscard]] Bytes serialisePayload(const RegistrationPayload &payload);
// InvalidFormat also unless status and outcome are what a kiosk stores: "recorded" with an outcome of
// core/registration.h, or "manual_review" without one.
[[nodiscard]] Result<RegistrationPayload> parsePayload(const Bytes &bytes);

struct Submission {
    Bytes payload;
    Bytes pii;
    std::optional<Bytes> biometrics;
    std::optional<std::string> quotaIndex; // hex HMAC-SHA256
    crypto::Ed25519Signature signature{};
};

// "simkyc/registration/v1\n" + hex(SHA-256(payload)) + "\n" + (quotaIndex or "").
[[nodiscard]] Bytes submissionMessage(const Bytes &payload, const std::optional<std::string> &quotaIndex);
[[nodiscard]] Result<Submission> signSubmission(const crypto::SecureBytes &devicePrivate, Bytes payload, Bytes pii,
                                                std::optional<Bytes> biometrics, std::optional<std::string> quotaIndex);
[[nodiscard]] QJsonObject toJson(const Submission &submission);
[[nodiscard]] Result<Submission> submissionFromJson(const QJsonObject &json);

// Checks the signature under deviceKey (CryptoFailure "bad_signature"), then that the payload
// parses and names this device, and that the blobs' hashes and sizes are the payload's
// (InvalidFormat). Returns the parsed payload.
[[nodiscard]] Result<RegistrationPayload> verifySubmission(const Submission &submission,
                                                           const crypto::Ed25519PublicKey &deviceKey);

enum class Decision { Accepted, QuotaExceeded, Unchecked };
[[nodiscard]] std::string_view decisionName(Decision decision);
[[nodiscard]] std::optional<Decision> parseDecision(std::string_view name);

struct Receipt {
    std::string recordId;
    Decision decision = Decision::Accepted;
    std::int64_t activeCount = 0;
    std::string serverTime;
    std::string storedSha256;
    std::string keyId;
    crypto::Ed25519Signature signature{};
};

[[nodiscard]] Bytes receiptMessage(const Receipt &receipt);
// Fills keyId and signature.
[[nodiscard]] Status signReceipt(Receipt &receipt, const crypto::SecureBytes &receiptPrivate,
                                 const crypto::Ed25519PublicKey &receiptPublic);
[[nodiscard]] QJsonObject toJson(const Receipt &receipt);
[[nodiscard]] Result<Receipt> receiptFromJson(const QJsonObject &json);
// CryptoFailure when the signature does not verify under receiptKey; InvalidArgument when the
// receipt is for another record or another payload than the one sent.
[[nodiscard]] Status verifyReceipt(const Receipt &receipt, const crypto::Ed25519PublicKey &receiptKey,
                                   std::string_view expectedRecordId, const Bytes &sentPayload);

// A store manager's decision on a registration the carrier holds (POST /v1/reviews): the end-of-day
// approval or flag, or the identity decision on a customer the clerk handed over. Its fields are
// immutable once recorded, so the kiosk serialises it the same way on every try.
struct ReviewPayload {
    std::string reviewId; // UUIDv7, made by the kiosk when the decision was recorded
    std::string recordId; // the registration reviewed
    std::string deviceId;
    std::string storeId;
    std::string decidedAt;
    std::string reviewer; // "staff:3"
    std::string decision; // "approved", "flagged", "manual_approved", "manual_rejected"
    std::string reason;   // a reason code of that decision (src/core/review.h)
};

// Compact JSON, keys in a fixed order ("v" first).
[[nodiscard]] Bytes serialiseReview(const ReviewPayload &review);
// InvalidFormat for a missing field, an unknown decision or a reason not of that decision's list
// (core/review.h).
[[nodiscard]] Result<ReviewPayload> parseReview(const Bytes &bytes);

struct ReviewSubmission {
    Bytes review;
    crypto::Ed25519Signature signature{};
};

// "simkyc/review/v1\n" + hex(SHA-256(review)).
[[nodiscard]] Bytes reviewMessage(const Bytes &review);
[[nodiscard]] Result<ReviewSubmission> signReview(const crypto::SecureBytes &devicePrivate, Bytes review);
[[nodiscard]] QJsonObject toJson(const ReviewSubmission &submission);
[[nodiscard]] Result<ReviewSubmission> reviewSubmissionFromJson(const QJsonObject &json);
// Checks the signature under deviceKey (CryptoFailure "bad_signature"), then that the review parses
// and names this device. Returns the parsed review.
[[nodiscard]] Result<ReviewPayload> verifyReviewSubmission(const ReviewSubmission &submission,
                                                           const crypto::Ed25519PublicKey &deviceKey);

struct ReviewReceipt {
    std::string reviewId;
    std::string recordId;
    std::string serverTime;
    std::string storedSha256; // of the review bytes stored
    std::string keyId;
    crypto::Ed25519Signature signature{};
};

// "simkyc/review-receipt/v1\n" + review_id + "\n" + record_id + "\n" + server_time + "\n" + stored_sha256.
[[nodiscard]] Bytes reviewReceiptMessage(const ReviewReceipt &receipt);
// Fills keyId and signature.
[[nodiscard]] Status signReviewReceipt(ReviewReceipt &receipt, const crypto::SecureBytes &receiptPrivate,
                                       const crypto::Ed25519PublicKey &receiptPublic);
[[nodiscard]] QJsonObject toJson(const ReviewReceipt &receipt);
[[nodiscard]] Result<ReviewReceipt> reviewReceiptFromJson(const QJsonObject &json);
// CryptoFailure when the signature does not verify under receiptKey; InvalidArgument when the
// receipt is for another review or record, or names other bytes than those sent.
[[nodiscard]] Status verifyReviewReceipt(const ReviewReceipt &receipt, const crypto::Ed25519PublicKey &receiptKey,
                                         const ReviewPayload &sent, const Bytes &sentBytes);

struct EnrolmentRequest {
    std::string deviceId;
    std::string storeId;
    crypto::Ed25519PublicKey signingKey{};
    std::string token;
};
[[nodiscard]] QJsonObject toJson(const EnrolmentRequest &request);
[[nodiscard]] Result<EnrolmentRequest> enrolmentRequestFromJson(const QJsonObject &json);

struct EnrolmentResponse {
    std::string deviceId;
    std::string storeId;
    std::string enrolledAt;
    crypto::Ed25519PublicKey receiptKey{};
    crypto::SecureBytes quotaKey; // 32 bytes
};
[[nodiscard]] QJsonObject toJson(const EnrolmentResponse &response);
[[nodiscard]] Result<EnrolmentResponse> enrolmentResponseFromJson(const QJsonObject &json);

// HMAC-SHA256(quotaKey, normalised ID number), hex.
[[nodiscard]] Result<std::string> quotaIndexOf(const crypto::SecureBytes &quotaKey, std::string_view idNumber);

// {"error": code, "message": message}
[[nodiscard]] QJsonObject errorBody(std::string_view code, std::string_view message);

// JSON helpers shared by both sides.
[[nodiscard]] QByteArray compact(const QJsonObject &json);
[[nodiscard]] Result<QJsonObject> parseObject(const QByteArray &body);
[[nodiscard]] QString base64(const Bytes &bytes);
[[nodiscard]] Result<Bytes> fromBase64(const QJsonValue &value, std::string_view field);

} // namespace simkyc::protocol

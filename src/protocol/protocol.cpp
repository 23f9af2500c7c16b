#include "protocol/protocol.h"

#include "core/id_number.h"
#include "core/registration.h"
#include "core/review.h"
#include "crypto/hmac.h"
#include "protocol/json_reader.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>

namespace simkyc::protocol {
namespace {

using detail::bytesOf;
using detail::isLowerHex;
using detail::malformed;
using detail::qbytes;
using detail::qs;
using detail::Reader;
using detail::str;

QJsonValue optionalValue(const std::optional<std::string> &v)
{
    return v ? QJsonValue(qs(*v)) : QJsonValue(QJsonValue::Null);
}

} // namespace

std::string deviceIdOf(const crypto::Ed25519PublicKey &devicePublic)
{
    return "dev-" + crypto::toHex(crypto::sha256(devicePublic)).substr(0, 32);
}

std::string keyIdOf(const crypto::Ed25519PublicKey &receiptPublic)
{
    return crypto::toHex(crypto::sha256(receiptPublic)).substr(0, 16);
}

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

Result<QJsonObject> parseObject(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return malformed("JSON body");
    return doc.object();
}

QString base64(const Bytes &bytes)
{
    return QString::fromLatin1(qbytes(bytes).toBase64());
}

Result<Bytes> fromBase64(const QJsonValue &value, std::string_view field)
{
    if (!value.isString())
        return Error{ErrorCode::InvalidFormat, "field '" + std::string(field) + "' missing or not a string"};
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Error{ErrorCode::InvalidFormat, "field '" + std::string(field) + "' is not base64"};
    return bytesOf(*decoded);
}

Bytes serialisePayload(const RegistrationPayload &p)
{
    QJsonArray codes;
    for (const std::string &c : p.reasonCodes)
        codes.append(qs(c));
    QJsonObject o{{"v", kVersion},
                  {"record_id", qs(p.recordId)},
                  {"device_id", qs(p.deviceId)},
                  {"store_id", qs(p.storeId)},
                  {"created_at", qs(p.createdAt)},
                  {"clerk", qs(p.clerk)},
                  {"status", qs(p.status)},
                  {"outcome", optionalValue(p.outcome)},
                  {"reason_codes", codes},
                  {"match_distance", p.matchDistance ? QJsonValue(*p.matchDistance) : QJsonValue(QJsonValue::Null)},
                  {"liveness", qs(p.liveness)},
                  {"pii_sha256", qs(p.piiSha256)},
                  {"pii_size", static_cast<qint64>(p.piiSize)},
                  {"biometrics_sha256", optionalValue(p.biometricsSha256)},
                  {"biometrics_size", static_cast<qint64>(p.biometricsSize)}};
    return bytesOf(compact(o));
}

Result<RegistrationPayload> parsePayload(const Bytes &bytes)
{
    auto json = parseObject(qbytes(bytes));
    if (!json)
        return malformed("payload");
    Reader r(*json, "payload");
    r.requireVersion();
    RegistrationPayload p;
    p.recordId = r.text("record_id");
    p.deviceId = r.text("device_id");
    p.storeId = r.text("store_id");
    p.createdAt = r.text("created_at");
    p.clerk = r.text("clerk");
    p.status = r.text("status");
    p.outcome = r.optionalText("outcome");
    p.reasonCodes = r.texts("reason_codes");
    p.matchDistance = r.optionalNumber("match_distance");
    p.liveness = r.text("liveness");
    p.piiSha256 = r.hex("pii_sha256", 64);
    p.piiSize = r.integer("pii_size");
    if (json->value("biometrics_sha256").isNull())
        p.biometricsSha256.reset();
    else
        p.biometricsSha256 = r.hex("biometrics_sha256", 64);
    p.biometricsSize = r.integer("biometrics_size");
    if (Status s = r.status(); !s)
        return s.error();
    if (p.recordId.empty() || p.recordId.size() > 64 || p.deviceId.empty() || p.storeId.empty())
        return malformed("payload: empty identifiers");
    // The quota (core/quota.h) is decided from these two: only what a kiosk stores is accepted, a
    // recorded registration with its outcome or a hand-over not decided yet.
    const bool recorded = p.status == core::stateName(core::RegistrationState::Recorded) && p.outcome &&
                          core::parseDecision(*p.outcome).ok();
    const bool handedOver = p.status == core::stateName(core::RegistrationState::ManualReview) && !p.outcome;
    if (!recorded && !handedOver)
        return malformed("payload: a status and outcome no kiosk stores");
    return p;
}

Bytes submissionMessage(const Bytes &payload, const std::optional<std::string> &quotaIndex)
{
    const std::string text =
        "simkyc/registration/v1\n" + crypto::toHex(crypto::sha256(payload)) + "\n" + quotaIndex.value_or("");
    return Bytes(text.begin(), text.end());
}

Result<Submission> signSubmission(const crypto::SecureBytes &devicePrivate, Bytes payload, Bytes pii,
                                  std::optional<Bytes> biometrics, std::optional<std::string> quotaIndex)
{
    auto signature = crypto::ed25519Sign(devicePrivate, submissionMessage(payload, quotaIndex));
    if (!signature)
        return signature.error();
    return Submission{std::move(payload), std::move(pii), std::move(biometrics), std::move(quotaIndex), *signature};
}

QJsonObject toJson(const Submission &s)
{
    return QJsonObject{{"payload", base64(s.payload)},
                       {"pii", base64(s.pii)},
                       {"biometrics", s.biometrics ? QJsonValue(base64(*s.biometrics)) : QJsonValue(QJsonValue::Null)},
                       {"quota_index", optionalValue(s.quotaIndex)},
                       {"signature", base64(Bytes(s.signature.begin(), s.signature.end()))}};
}

Result<Submission> submissionFromJson(const QJsonObject &json)
{
    Reader r(json, "submission");
    Submission s;
    s.payload = r.blob("payload");
    s.pii = r.blob("pii");
    if (!json.value("biometrics").isNull())
        s.biometrics = r.blob("biometrics");
    if (!json.value("quota_index").isNull())
        s.quotaIndex = r.hex("quota_index", 64);
    s.signature = r.fixed<crypto::kEd25519SignatureSize>("signature", true);
    if (Status st = r.status(); !st)
        return st.error();
    return s;
}

Result<RegistrationPayload> verifySubmission(const Submission &s, const crypto::Ed25519PublicKey &deviceKey)
{
    if (!crypto::ed25519Verify(deviceKey, submissionMessage(s.payload, s.quotaIndex), s.signature))
        return Error{ErrorCode::CryptoFailure, "bad_signature: the submission's signature does not verify"};
    auto p = parsePayload(s.payload);
    if (!p)
        return p.error();
    if (p->deviceId != deviceIdOf(deviceKey))
        return Error{ErrorCode::InvalidFormat, "the payload names another device"};
    const auto blobMatches = [](const Bytes &blob, const std::string &hash, std::int64_t size) {
        return static_cast<std::int64_t>(blob.size()) == size && crypto::toHex(crypto::sha256(blob)) == hash;
    };
    if (!blobMatches(s.pii, p->piiSha256, p->piiSize))
        return Error{ErrorCode::InvalidFormat, "the pii blob differs from the payload's hash or size"};
    if (p->biometricsSha256.has_value() != s.biometrics.has_value() ||
        (s.biometrics && !blobMatches(*s.biometrics, *p->biometricsSha256, p->biometricsSize)))
        return Error{ErrorCode::InvalidFormat, "the biometrics blob differs from the payload's hash or size"};
    return p;
}

std::string_view decisionName(Decision decision)
{
    switch (decision) {
    case Decision::Accepted: return "accepted";
    case Decision::QuotaExceeded: return "quota_exceeded";
    case Decision::Unchecked: return "unchecked";
    }
    return "unchecked";
}

std::optional<Decision> parseDecision(std::string_view name)
{
    for (Decision d : {Decision::Accepted, Decision::QuotaExceeded, Decision::Unchecked})
        if (decisionName(d) == name)
            return d;
    return std::nullopt;
}

Bytes receiptMessage(const Receipt &r)
{
    const std::string text = "simkyc/receipt/v1\n" + r.recordId + "\n" + std::string(decisionName(r.decision)) + "\n" +
                             std::to_string(r.activeCount) + "\n" + r.serverTime + "\n" + r.storedSha256;
    return Bytes(text.begin(), text.end());
}

Status signReceipt(Receipt &receipt, const crypto::SecureBytes &receiptPrivate,
                   const crypto::Ed25519PublicKey &receiptPublic)
{
    receipt.keyId = keyIdOf(receiptPublic);
    auto signature = crypto::ed25519Sign(receiptPrivate, receiptMessage(receipt));
    if (!signature)
        return signature.error();
    receipt.signature = *signature;
    return {};
}

QJsonObject toJson(const Receipt &r)
{
    return QJsonObject{{"v", kVersion},
                       {"record_id", qs(r.recordId)},
                       {"decision", qs(decisionName(r.decision))},
                       {"active_count", static_cast<qint64>(r.activeCount)},
                       {"server_time", qs(r.serverTime)},
                       {"stored_sha256", qs(r.storedSha256)},
                       {"key_id", qs(r.keyId)},
                       {"signature", base64(Bytes(r.signature.begin(), r.signature.end()))}};
}

Result<Receipt> receiptFromJson(const QJsonObject &json)
{
    Reader r(json, "receipt");
    r.requireVersion();
    Receipt out;
    out.recordId = r.text("record_id");
    const auto decision = parseDecision(r.text("decision"));
    out.activeCount = r.integer("active_count");
    out.serverTime = r.text("server_time");
    out.storedSha256 = r.hex("stored_sha256", 64);
    out.keyId = r.hex("key_id", 16);
    out.signature = r.fixed<crypto::kEd25519SignatureSize>("signature", true);
    if (Status s = r.status(); !s)
        return s.error();
    if (!decision)
        return malformed("receipt: unknown decision");
    out.decision = *decision;
    return out;
}

Status verifyReceipt(const Receipt &receipt, const crypto::Ed25519PublicKey &receiptKey,
                     std::string_view expectedRecordId, const Bytes &sentPayload)
{
    if (receipt.keyId != keyIdOf(receiptKey) ||
        !crypto::ed25519Verify(receiptKey, receiptMessage(receipt), receipt.signature))
        return Error{ErrorCode::CryptoFailure, "the receipt's signature does not verify under the carrier's key"};
    if (receipt.recordId != expectedRecordId)
        return Error{ErrorCode::InvalidArgument, "the receipt is for another record"};
    if (receipt.storedSha256 != crypto::toHex(crypto::sha256(sentPayload)))
        return Error{ErrorCode::InvalidArgument, "the receipt names another payload than the one sent"};
    return {};
}

Bytes serialiseReview(const ReviewPayload &r)
{
    QJsonObject o{{"v", kVersion},
                  {"review_id", qs(r.reviewId)},
                  {"record_id", qs(r.recordId)},
                  {"device_id", qs(r.deviceId)},
                  {"store_id", qs(r.storeId)},
                  {"decided_at", qs(r.decidedAt)},
                  {"reviewer", qs(r.reviewer)},
                  {"decision", qs(r.decision)},
                  {"reason", qs(r.reason)}};
    return bytesOf(compact(o));
}

Result<ReviewPayload> parseReview(const Bytes &bytes)
{
    auto json = parseObject(qbytes(bytes));
    if (!json)
        return malformed("review");
    Reader r(*json, "review");
    r.requireVersion();
    ReviewPayload p;
    p.reviewId = r.text("review_id");
    p.recordId = r.text("record_id");
    p.deviceId = r.text("device_id");
    p.storeId = r.text("store_id");
    p.decidedAt = r.text("decided_at");
    p.reviewer = r.text("reviewer");
    p.decision = r.text("decision");
    p.reason = r.text("reason");
    if (Status s = r.status(); !s)
        return s.error();
    if (p.reviewId.empty() || p.reviewId.size() > 64 || p.recordId.empty() || p.recordId.size() > 64 ||
        p.deviceId.empty() || p.storeId.empty() || p.reviewer.empty())
        return malformed("review: empty identifiers");
    // The decisions and their reasons are the domain's (core/review.h), one list for both sides.
    const auto decision = core::parseReviewDecision(p.decision);
    if (!decision)
        return malformed("review: unknown decision");
    const auto reasons = core::reviewReasons(*decision);
    if (std::find(reasons.begin(), reasons.end(), p.reason) == reasons.end())
        return malformed("review: the reason is not one of its decision's");
    return p;
}

Bytes reviewMessage(const Bytes &review)
{
    const std::string text = "simkyc/review/v1\n" + crypto::toHex(crypto::sha256(review));
    return Bytes(text.begin(), text.end());
}

Result<ReviewSubmission> signReview(const crypto::SecureBytes &devicePrivate, Bytes review)
{
    auto signature = crypto::ed25519Sign(devicePrivate, reviewMessage(review));
    if (!signature)
        return signature.error();
    return ReviewSubmission{std::move(review), *signature};
}

QJsonObject toJson(const ReviewSubmission &s)
{
    return QJsonObject{{"review", base64(s.review)},
                       {"signature", base64(Bytes(s.signature.begin(), s.signature.end()))}};
}

Result<ReviewSubmission> reviewSubmissionFromJson(const QJsonObject &json)
{
    Reader r(json, "review submission");
    ReviewSubmission s;
    s.review = r.blob("review");
    s.signature = r.fixed<crypto::kEd25519SignatureSize>("signature", true);
    if (Status st = r.status(); !st)
        return st.error();
    return s;
}

Result<ReviewPayload> verifyReviewSubmission(const ReviewSubmission &s, const crypto::Ed25519PublicKey &deviceKey)
{
    if (!crypto::ed25519Verify(deviceKey, reviewMessage(s.review), s.signature))
        return Error{ErrorCode::CryptoFailure, "bad_signature: the review's signature does not verify"};
    auto p = parseReview(s.review);
    if (!p)
        return p.error();
    if (p->deviceId != deviceIdOf(deviceKey))
        return Error{ErrorCode::InvalidFormat, "the review names another device"};
    return p;
}

Bytes reviewReceiptMessage(const ReviewReceipt &r)
{
    const std::string text =
        "simkyc/review-receipt/v1\n" + r.reviewId + "\n" + r.recordId + "\n" + r.serverTime + "\n" + r.storedSha256;
    return Bytes(text.begin(), text.end());
}

Status signReviewReceipt(ReviewReceipt &receipt, const crypto::SecureBytes &receiptPrivate,
                         const crypto::Ed25519PublicKey &receiptPublic)
{
    receipt.keyId = keyIdOf(receiptPublic);
    auto signature = crypto::ed25519Sign(receiptPrivate, reviewReceiptMessage(receipt));
    if (!signature)
        return signature.error();
    receipt.signature = *signature;
    return {};
}

QJsonObject toJson(const ReviewReceipt &r)
{
    return QJsonObject{{"v", kVersion},
                       {"review_id", qs(r.reviewId)},
                       {"record_id", qs(r.recordId)},
                       {"server_time", qs(r.serverTime)},
                       {"stored_sha256", qs(r.storedSha256)},
                       {"key_id", qs(r.keyId)},
                       {"signature", base64(Bytes(r.signature.begin(), r.signature.end()))}};
}

Result<ReviewReceipt> reviewReceiptFromJson(const QJsonObject &json)
{
    Reader r(json, "review receipt");
    r.requireVersion();
    ReviewReceipt out;
    out.reviewId = r.text("review_id");
    out.recordId = r.text("record_id");
    out.serverTime = r.text("server_time");
    out.storedSha256 = r.hex("stored_sha256", 64);
    out.keyId = r.hex("key_id", 16);
    out.signature = r.fixed<crypto::kEd25519SignatureSize>("signature", true);
    if (Status s = r.status(); !s)
        return s.error();
    return out;
}

Status verifyReviewReceipt(const ReviewReceipt &receipt, const crypto::Ed25519PublicKey &receiptKey,
                           const ReviewPayload &sent, const Bytes &sentBytes)
{
    if (receipt.keyId != keyIdOf(receiptKey) ||
        !crypto::ed25519Verify(receiptKey, reviewReceiptMessage(receipt), receipt.signature))
        return Error{ErrorCode::CryptoFailure,
                     "the review receipt's signature does not verify under the carrier's key"};
    if (receipt.reviewId != sent.reviewId || receipt.recordId != sent.recordId)
        return Error{ErrorCode::InvalidArgument, "the review receipt is for another review"};
    if (receipt.storedSha256 != crypto::toHex(crypto::sha256(sentBytes)))
        return Error{ErrorCode::InvalidArgument, "the review receipt names other bytes than those sent"};
    return {};
}

QJsonObject toJson(const EnrolmentRequest &r)
{
    return QJsonObject{{"device_id", qs(r.deviceId)},
                       {"store_id", qs(r.storeId)},
                       {"signing_key", qs(crypto::toHex(r.signingKey))},
                       {"token", qs(r.token)}};
}

Result<EnrolmentRequest> enrolmentRequestFromJson(const QJsonObject &json)
{
    Reader r(json, "enrolment");
    EnrolmentRequest out;
    out.deviceId = r.text("device_id");
    out.storeId = r.text("store_id");
    out.signingKey = r.fixed<crypto::kEd25519KeySize>("signing_key", false);
    out.token = json.value("token").isString() ? str(json.value("token").toString()) : std::string();
    if (Status s = r.status(); !s)
        return s.error();
    if (out.deviceId != deviceIdOf(out.signingKey) || out.storeId.empty() || out.storeId.size() > 64)
        return malformed("enrolment: the device id is not the signing key's, or the store id is empty");
    return out;
}

QJsonObject toJson(const EnrolmentResponse &r)
{
    return QJsonObject{{"device_id", qs(r.deviceId)},
                       {"store_id", qs(r.storeId)},
                       {"enrolled_at", qs(r.enrolledAt)},
                       {"receipt_key", qs(crypto::toHex(r.receiptKey))},
                       {"quota_key", qs(crypto::toHex(r.quotaKey.span()))}};
}

Result<EnrolmentResponse> enrolmentResponseFromJson(const QJsonObject &json)
{
    Reader r(json, "enrolment response");
    EnrolmentResponse out;
    out.deviceId = r.text("device_id");
    out.storeId = r.text("store_id");
    out.enrolledAt = r.text("enrolled_at");
    out.receiptKey = r.fixed<crypto::kEd25519KeySize>("receipt_key", false);
    auto quota = r.fixed<32>("quota_key", false);
    if (Status s = r.status(); !s)
        return s.error();
    out.quotaKey = crypto::SecureBytes(std::span<const std::uint8_t>(quota));
    volatile std::uint8_t *wipe = quota.data(); // the stack copy of the key
    for (std::size_t i = 0; i < quota.size(); ++i)
        wipe[i] = 0;
    return out;
}

Result<std::string> quotaIndexOf(const crypto::SecureBytes &quotaKey, std::string_view idNumber)
{
    const std::string normalised = core::normaliseIdNumber(idNumber);
    auto mac = crypto::hmacSha256(
        quotaKey.span(), std::span(reinterpret_cast<const std::uint8_t *>(normalised.data()), normalised.size()));
    if (!mac)
        return mac.error();
    return crypto::toHex(*mac);
}

QJsonObject errorBody(std::string_view code, std::string_view message)
{
    return QJsonObject{{"error", qs(code)}, {"message", qs(message)}};
}

} // namespace simkyc::protocol

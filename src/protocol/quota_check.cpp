#include "protocol/quota_check.h"

#include "crypto/digest.h"
#include "protocol/json_reader.h"
#include "protocol/protocol.h"

#include <array>

namespace simkyc::protocol {
namespace {

using detail::Reader;

constexpr std::size_t kNonceBytes = 16;

std::span<const std::uint8_t> bytesOf(const std::string &text)
{
    return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

QString signatureText(const crypto::Ed25519Signature &signature)
{
    return base64(Bytes(signature.begin(), signature.end()));
}

} // namespace

std::string quotaCheckMessage(const QuotaCheckRequest &r)
{
    return "simkyc/quota-check/v1\n" + r.deviceId + "\n" + r.quotaIndex + "\n" + r.nonce;
}

Result<QuotaCheckRequest> signQuotaCheck(const crypto::SecureBytes &devicePrivate, std::string deviceId,
                                         std::string quotaIndex)
{
    std::array<std::uint8_t, kNonceBytes> nonce{};
    if (Status s = crypto::fillRandom(nonce); !s)
        return s.error();
    QuotaCheckRequest r{std::move(deviceId), std::move(quotaIndex), crypto::toHex(nonce), {}};
    auto signature = crypto::ed25519Sign(devicePrivate, bytesOf(quotaCheckMessage(r)));
    if (!signature)
        return signature.error();
    r.signature = *signature;
    return r;
}

QJsonObject toJson(const QuotaCheckRequest &r)
{
    return QJsonObject{{"v", kVersion},
                       {"device_id", QString::fromStdString(r.deviceId)},
                       {"quota_index", QString::fromStdString(r.quotaIndex)},
                       {"nonce", QString::fromStdString(r.nonce)},
                       {"signature", signatureText(r.signature)}};
}

Result<QuotaCheckRequest> quotaCheckRequestFromJson(const QJsonObject &json)
{
    Reader r(json, "quota check");
    r.requireVersion();
    QuotaCheckRequest out;
    out.deviceId = r.text("device_id");
    out.quotaIndex = r.hex("quota_index", 64);
    out.nonce = r.hex("nonce", 2 * kNonceBytes);
    out.signature = r.fixed<crypto::kEd25519SignatureSize>("signature", true);
    if (Status s = r.status(); !s)
        return s.error();
    if (out.deviceId.empty() || out.deviceId.size() > 64)
        return detail::malformed("quota check: device id");
    return out;
}

Status verifyQuotaCheck(const QuotaCheckRequest &request, const crypto::Ed25519PublicKey &deviceKey)
{
    if (!crypto::ed25519Verify(deviceKey, bytesOf(quotaCheckMessage(request)), request.signature))
        return Error{ErrorCode::CryptoFailure, "the quota check's signature does not verify"};
    return {};
}

std::string quotaAnswerMessage(const QuotaAnswer &a)
{
    return "simkyc/quota-answer/v1\n" + a.quotaIndex + "\n" + a.nonce + "\n" + std::to_string(a.activeCount) + "\n" +
           std::to_string(a.limit) + "\n" + (a.allowed ? "1" : "0") + "\n" + a.serverTime;
}

Status signQuotaAnswer(QuotaAnswer &answer, const crypto::SecureBytes &receiptPrivate,
                       const crypto::Ed25519PublicKey &receiptPublic)
{
    answer.keyId = keyIdOf(receiptPublic);
    auto signature = crypto::ed25519Sign(receiptPrivate, bytesOf(quotaAnswerMessage(answer)));
    if (!signature)
        return signature.error();
    answer.signature = *signature;
    return {};
}

QJsonObject toJson(const QuotaAnswer &a)
{
    return QJsonObject{{"v", kVersion},
                       {"quota_index", QString::fromStdString(a.quotaIndex)},
                       {"nonce", QString::fromStdString(a.nonce)},
                       {"active_count", static_cast<qint64>(a.activeCount)},
                       {"limit", static_cast<qint64>(a.limit)},
                       {"allowed", a.allowed},
                       {"server_time", QString::fromStdString(a.serverTime)},
                       {"key_id", QString::fromStdString(a.keyId)},
                       {"signature", signatureText(a.signature)}};
}

Result<QuotaAnswer> quotaAnswerFromJson(const QJsonObject &json)
{
    Reader r(json, "quota answer");
    r.requireVersion();
    QuotaAnswer out;
    out.quotaIndex = r.hex("quota_index", 64);
    out.nonce = r.hex("nonce", 2 * kNonceBytes);
    out.activeCount = r.integer("active_count");
    out.limit = r.integer("limit");
    out.serverTime = r.text("server_time");
    out.keyId = r.hex("key_id", 16);
    out.signature = r.fixed<crypto::kEd25519SignatureSize>("signature", true);
    if (Status s = r.status(); !s)
        return s.error();
    const QJsonValue allowed = json.value(QStringLiteral("allowed"));
    if (!allowed.isBool())
        return detail::malformed("quota answer: allowed");
    out.allowed = allowed.toBool();
    return out;
}

Status verifyQuotaAnswer(const QuotaAnswer &answer, const crypto::Ed25519PublicKey &receiptKey,
                         const QuotaCheckRequest &asked)
{
    if (answer.keyId != keyIdOf(receiptKey) ||
        !crypto::ed25519Verify(receiptKey, bytesOf(quotaAnswerMessage(answer)), answer.signature))
        return Error{ErrorCode::CryptoFailure, "the quota answer's signature does not verify under the carrier's key"};
    if (answer.quotaIndex != asked.quotaIndex || answer.nonce != asked.nonce)
        return Error{ErrorCode::InvalidArgument, "the quota answer is not for the check sent"};
    if (answer.allowed != (answer.activeCount < answer.limit))
        return Error{ErrorCode::InvalidArgument, "the quota answer contradicts itself"};
    return {};
}

} // namespace simkyc::protocol

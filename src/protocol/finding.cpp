#include "protocol/finding.h"

#include "protocol/json_reader.h"
#include "protocol/protocol.h"

namespace simkyc::protocol {
namespace {

std::span<const std::uint8_t> bytesOf(const std::string &text)
{
    return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

} // namespace

std::string findingMessage(const Finding &f)
{
    return "simkyc/finding/v1\n" + f.recordId + "\n" + f.kind + "\n" + f.foundAt;
}

Status signFinding(Finding &finding, const crypto::SecureBytes &receiptPrivate,
                   const crypto::Ed25519PublicKey &receiptPublic)
{
    finding.keyId = keyIdOf(receiptPublic);
    auto signature = crypto::ed25519Sign(receiptPrivate, bytesOf(findingMessage(finding)));
    if (!signature)
        return signature.error();
    finding.signature = *signature;
    return {};
}

QJsonObject toJson(const Finding &f)
{
    return QJsonObject{{"v", kVersion},
                       {"record_id", QString::fromStdString(f.recordId)},
                       {"kind", QString::fromStdString(f.kind)},
                       {"found_at", QString::fromStdString(f.foundAt)},
                       {"key_id", QString::fromStdString(f.keyId)},
                       {"signature", base64(Bytes(f.signature.begin(), f.signature.end()))}};
}

Result<Finding> findingFromJson(const QJsonObject &json)
{
    detail::Reader r(json, "finding");
    r.requireVersion();
    Finding out;
    out.recordId = r.text("record_id");
    out.kind = r.text("kind");
    out.foundAt = r.text("found_at");
    out.keyId = r.hex("key_id", 16);
    out.signature = r.fixed<crypto::kEd25519SignatureSize>("signature", true);
    if (Status s = r.status(); !s)
        return s.error();
    if (out.kind != kDuplicateFace)
        return detail::malformed("finding: unknown kind");
    if (out.recordId.empty() || out.recordId.size() > 64)
        return detail::malformed("finding: record id");
    return out;
}

Status verifyFinding(const Finding &finding, const crypto::Ed25519PublicKey &receiptKey)
{
    if (finding.keyId != keyIdOf(receiptKey) ||
        !crypto::ed25519Verify(receiptKey, bytesOf(findingMessage(finding)), finding.signature))
        return Error{ErrorCode::CryptoFailure, "the finding's signature does not verify under the carrier's key"};
    return {};
}

} // namespace simkyc::protocol

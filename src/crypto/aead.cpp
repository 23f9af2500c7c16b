#include "crypto/aead.h"
#include "crypto/detail.h"

#include <openssl/evp.h>

#include <climits>
#include <memory>
#include <string>

namespace simkyc::crypto {
namespace {

struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

Error failed()
{
    return {ErrorCode::CryptoFailure, "AES-256-GCM operation failed"};
}

bool fitsInt(std::size_t size)
{
    return size <= static_cast<std::size_t>(INT_MAX);
}

Status checkSizes(detail::Bytes key, detail::Bytes nonce, std::size_t dataSize, std::size_t aadSize)
{
    if (key.size() != kAeadKeySize)
        return {ErrorCode::InvalidArgument, "AES-256-GCM key must be 32 bytes"};
    if (nonce.size() != kAeadNonceSize)
        return {ErrorCode::InvalidArgument, "AES-256-GCM nonce must be 12 bytes"};
    if (!fitsInt(dataSize) || !fitsInt(aadSize))
        return {ErrorCode::InvalidArgument, "AES-256-GCM input too large"};
    return {};
}

void appendBlock(std::vector<std::uint8_t> &out, std::string_view part)
{
    const auto size = static_cast<std::uint32_t>(part.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(size >> shift));
    out.insert(out.end(), part.begin(), part.end());
}

} // namespace

namespace detail {

Result<std::vector<std::uint8_t>> gcmEncrypt(Bytes key, Bytes nonce, Bytes plaintext, Bytes aad)
{
    if (auto status = checkSizes(key, nonce, plaintext.size(), aad.size()); !status)
        return status.error();
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    std::vector<std::uint8_t> out(plaintext.size() + kAeadTagSize);
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nonce.data()) != 1)
        return failed();
    if (!aad.empty() && EVP_EncryptUpdate(ctx.get(), nullptr, &len, aad.data(), static_cast<int>(aad.size())) != 1)
        return failed();
    if (!plaintext.empty() &&
        EVP_EncryptUpdate(ctx.get(), out.data(), &len, plaintext.data(), static_cast<int>(plaintext.size())) != 1)
        return failed();
    if (EVP_EncryptFinal_ex(ctx.get(), out.data() + plaintext.size(), &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kAeadTagSize),
                            out.data() + plaintext.size()) != 1)
        return failed();
    return out;
}

Result<SecureBytes> gcmDecrypt(Bytes key, Bytes nonce, Bytes ciphertextAndTag, Bytes aad)
{
    if (ciphertextAndTag.size() < kAeadTagSize)
        return Error{ErrorCode::InvalidFormat, "sealed data too short"};
    if (auto status = checkSizes(key, nonce, ciphertextAndTag.size(), aad.size()); !status)
        return status.error();
    const std::size_t textSize = ciphertextAndTag.size() - kAeadTagSize;
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    SecureBytes out(textSize);
    int len = 0;
    // The tag buffer is const in practice; OpenSSL's ctrl signature is not const-correct.
    auto *tag = const_cast<std::uint8_t *>(ciphertextAndTag.data() + textSize);
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nonce.data()) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kAeadTagSize), tag) != 1)
        return failed();
    if (!aad.empty() && EVP_DecryptUpdate(ctx.get(), nullptr, &len, aad.data(), static_cast<int>(aad.size())) != 1)
        return failed();
    if (textSize > 0 &&
        EVP_DecryptUpdate(ctx.get(), out.data(), &len, ciphertextAndTag.data(), static_cast<int>(textSize)) != 1)
        return failed();
    if (EVP_DecryptFinal_ex(ctx.get(), out.data() + textSize, &len) != 1)
        return Error{ErrorCode::CryptoFailure, "authentication failed"}; // `out` is wiped on return
    return out;
}

} // namespace detail

Result<std::vector<std::uint8_t>> aeadSeal(const SecureBytes &key, std::span<const std::uint8_t> plaintext,
                                           std::span<const std::uint8_t> associatedData)
{
    std::uint8_t nonce[kAeadNonceSize];
    if (auto status = fillRandom(nonce); !status)
        return status.error();
    auto body = detail::gcmEncrypt(key.span(), nonce, plaintext, associatedData);
    if (!body)
        return body.error();
    std::vector<std::uint8_t> out(std::begin(nonce), std::end(nonce));
    out.insert(out.end(), body->begin(), body->end());
    return out;
}

Result<SecureBytes> aeadOpen(const SecureBytes &key, std::span<const std::uint8_t> sealed,
                             std::span<const std::uint8_t> associatedData)
{
    if (sealed.size() < kAeadOverhead)
        return Error{ErrorCode::InvalidFormat, "sealed data too short"};
    return detail::gcmDecrypt(key.span(), sealed.first(kAeadNonceSize), sealed.subspan(kAeadNonceSize), associatedData);
}

std::vector<std::uint8_t> fieldAssociatedData(std::string_view recordId, std::string_view fieldName,
                                              std::uint32_t formatVersion)
{
    std::vector<std::uint8_t> out;
    out.reserve(32 + recordId.size() + fieldName.size());
    appendBlock(out, "simkyc/field/v" + std::to_string(formatVersion));
    appendBlock(out, recordId);
    appendBlock(out, fieldName);
    return out;
}

} // namespace simkyc::crypto

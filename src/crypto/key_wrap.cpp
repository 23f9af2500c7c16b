#include "crypto/key_wrap.h"

#include <openssl/evp.h>

#include <memory>

namespace simkyc::crypto {
namespace {

struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

constexpr std::size_t kKekSize = 32;
constexpr std::size_t kMaxKeyData = 4096;

bool validKeyDataSize(std::size_t size)
{
    return size >= 16 && size <= kMaxKeyData && size % 8 == 0;
}

// One AES-256-KW pass; out must have room for in.size() + 8 bytes. Returns bytes written or -1.
int runWrap(bool wrap, const SecureBytes &kek, std::span<const std::uint8_t> in, std::uint8_t *out)
{
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return -1;
    EVP_CIPHER_CTX_set_flags(ctx.get(), EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    if (EVP_CipherInit_ex(ctx.get(), EVP_aes_256_wrap(), nullptr, kek.data(), nullptr, wrap ? 1 : 0) != 1)
        return -1;
    int len = 0;
    int tail = 0;
    if (EVP_CipherUpdate(ctx.get(), out, &len, in.data(), static_cast<int>(in.size())) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), out + len, &tail) != 1)
        return -1;
    return len + tail;
}

} // namespace

Result<SecureBytes> generateDataKey()
{
    return SecureBytes::random(kDataKeySize);
}

Result<std::vector<std::uint8_t>> wrapKey(const SecureBytes &kek, const SecureBytes &keyData)
{
    if (kek.size() != kKekSize)
        return Error{ErrorCode::InvalidArgument, "key-encryption key must be 32 bytes"};
    if (!validKeyDataSize(keyData.size()))
        return Error{ErrorCode::InvalidArgument, "wrapped key must be 16..4096 bytes, a multiple of 8"};
    std::vector<std::uint8_t> out(keyData.size() + 8);
    const int written = runWrap(true, kek, keyData.span(), out.data());
    if (written != static_cast<int>(out.size()))
        return Error{ErrorCode::CryptoFailure, "key wrap failed"};
    return out;
}

Result<SecureBytes> unwrapKey(const SecureBytes &kek, std::span<const std::uint8_t> wrapped)
{
    if (kek.size() != kKekSize)
        return Error{ErrorCode::InvalidArgument, "key-encryption key must be 32 bytes"};
    if (wrapped.size() < 8 || !validKeyDataSize(wrapped.size() - 8))
        return Error{ErrorCode::InvalidFormat, "wrapped key has an invalid length"};
    SecureBytes out(wrapped.size()); // OpenSSL may write up to the input size
    const int written = runWrap(false, kek, wrapped, out.data());
    if (written != static_cast<int>(wrapped.size() - 8))
        return Error{ErrorCode::CryptoFailure, "key unwrap failed"};
    out.resize(wrapped.size() - 8);
    return out;
}

Result<std::vector<std::uint8_t>> rewrapKey(const SecureBytes &oldKek, const SecureBytes &newKek,
                                            std::span<const std::uint8_t> wrapped)
{
    auto dataKey = unwrapKey(oldKek, wrapped);
    if (!dataKey)
        return dataKey.error();
    return wrapKey(newKek, *dataKey);
}

} // namespace simkyc::crypto

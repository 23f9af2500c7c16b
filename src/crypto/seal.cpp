#include "crypto/seal.h"
#include "crypto/aead.h"
#include "crypto/detail.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <algorithm>
#include <memory>
#include <string_view>

namespace simkyc::crypto {
namespace {

struct PkeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct KdfFree {
    void operator()(EVP_KDF *kdf) const { EVP_KDF_free(kdf); }
};
struct KdfCtxFree {
    void operator()(EVP_KDF_CTX *ctx) const { EVP_KDF_CTX_free(ctx); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;

constexpr std::string_view kSealInfo = "simkyc/seal/v1";

Result<X25519PublicKey> publicFromPrivate(std::span<const std::uint8_t> privateKey)
{
    if (privateKey.size() != kX25519KeySize)
        return Error{ErrorCode::InvalidArgument, "X25519 private key must be 32 bytes"};
    Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, privateKey.data(), privateKey.size()));
    X25519PublicKey pub{};
    std::size_t len = pub.size();
    if (!key || EVP_PKEY_get_raw_public_key(key.get(), pub.data(), &len) != 1 || len != pub.size())
        return Error{ErrorCode::CryptoFailure, "X25519 key import failed"};
    return pub;
}

} // namespace

namespace detail {

Result<SecureBytes> x25519(Bytes privateKey, Bytes peerPublic)
{
    if (privateKey.size() != kX25519KeySize || peerPublic.size() != kX25519KeySize)
        return Error{ErrorCode::InvalidArgument, "X25519 keys must be 32 bytes"};
    Pkey own(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, privateKey.data(), privateKey.size()));
    Pkey peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, peerPublic.data(), peerPublic.size()));
    if (!own || !peer)
        return Error{ErrorCode::CryptoFailure, "X25519 key import failed"};
    PkeyCtx ctx(EVP_PKEY_CTX_new(own.get(), nullptr));
    SecureBytes shared(kX25519KeySize);
    std::size_t len = shared.size();
    // OpenSSL rejects an all-zero shared secret (a low-order peer point) in derive.
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1 ||
        EVP_PKEY_derive(ctx.get(), shared.data(), &len) != 1 || len != shared.size())
        return Error{ErrorCode::CryptoFailure, "X25519 key agreement failed"};
    return shared;
}

Result<SecureBytes> hkdfSha256(Bytes ikm, Bytes salt, Bytes info, std::size_t length)
{
    std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    std::unique_ptr<EVP_KDF_CTX, KdfCtxFree> ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    if (!ctx || length == 0 || length > 255 * 32)
        return Error{ErrorCode::CryptoFailure, "HKDF-SHA256 unavailable or invalid length"};
    char digest[] = "SHA256";
    // OSSL_PARAM takes non-const pointers; the buffers are only read.
    auto octets = [](const char *name, Bytes bytes) {
        return OSSL_PARAM_construct_octet_string(name, const_cast<std::uint8_t *>(bytes.data()), bytes.size());
    };
    OSSL_PARAM params[5];
    std::size_t count = 0;
    params[count++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[count++] = octets(OSSL_KDF_PARAM_KEY, ikm);
    if (!salt.empty()) // an absent salt is HashLen zero bytes (RFC 5869 2.2)
        params[count++] = octets(OSSL_KDF_PARAM_SALT, salt);
    if (!info.empty())
        params[count++] = octets(OSSL_KDF_PARAM_INFO, info);
    params[count] = OSSL_PARAM_construct_end();
    SecureBytes out(length);
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1)
        return Error{ErrorCode::CryptoFailure, "HKDF-SHA256 failed"};
    return out;
}

} // namespace detail

Result<X25519KeyPair> x25519KeyPairFromPrivate(const SecureBytes &privateKey)
{
    auto pub = publicFromPrivate(privateKey.span());
    if (!pub)
        return pub.error();
    return X25519KeyPair{privateKey.clone(), *pub};
}

Result<X25519KeyPair> generateX25519KeyPair()
{
    auto privateKey = SecureBytes::random(kX25519KeySize); // any 32 bytes is a valid (clamped) scalar
    if (!privateKey)
        return privateKey.error();
    return x25519KeyPairFromPrivate(*privateKey);
}

namespace {

Result<SecureBytes> sealKey(std::span<const std::uint8_t> shared, std::span<const std::uint8_t> ephemeralPublic,
                            const X25519PublicKey &recipient)
{
    std::uint8_t salt[2 * kX25519KeySize];
    std::copy(ephemeralPublic.begin(), ephemeralPublic.end(), salt);
    std::copy(recipient.begin(), recipient.end(), salt + kX25519KeySize);
    return detail::hkdfSha256(shared, salt, detail::asBytes(kSealInfo), kAeadKeySize);
}

} // namespace

Result<std::vector<std::uint8_t>> sealTo(const X25519PublicKey &recipient, std::span<const std::uint8_t> plaintext,
                                         std::span<const std::uint8_t> associatedData)
{
    auto ephemeral = generateX25519KeyPair();
    if (!ephemeral)
        return ephemeral.error();
    auto shared = detail::x25519(ephemeral->privateKey.span(), recipient);
    if (!shared)
        return shared.error();
    auto key = sealKey(shared->span(), ephemeral->publicKey, recipient);
    if (!key)
        return key.error();
    auto body = aeadSeal(*key, plaintext, associatedData); // nonce || ciphertext || tag
    if (!body)
        return body.error();
    std::vector<std::uint8_t> out;
    out.reserve(1 + kX25519KeySize + body->size());
    out.push_back(kSealVersion);
    out.insert(out.end(), ephemeral->publicKey.begin(), ephemeral->publicKey.end());
    out.insert(out.end(), body->begin(), body->end());
    return out;
}

Result<SecureBytes> openSealed(const SecureBytes &recipientPrivate, std::span<const std::uint8_t> blob,
                               std::span<const std::uint8_t> associatedData)
{
    if (blob.size() < kSealOverhead)
        return Error{ErrorCode::InvalidFormat, "sealed blob is truncated"};
    if (blob[0] != kSealVersion)
        return Error{ErrorCode::InvalidFormat, "sealed blob has an unknown version"};
    auto recipient = publicFromPrivate(recipientPrivate.span());
    if (!recipient)
        return recipient.error();
    const auto ephemeralPublic = blob.subspan(1, kX25519KeySize);
    auto shared = detail::x25519(recipientPrivate.span(), ephemeralPublic);
    if (!shared)
        return Error{ErrorCode::CryptoFailure, "authentication failed"};
    auto key = sealKey(shared->span(), ephemeralPublic, *recipient);
    if (!key)
        return key.error();
    return aeadOpen(*key, blob.subspan(1 + kX25519KeySize), associatedData);
}

} // namespace simkyc::crypto

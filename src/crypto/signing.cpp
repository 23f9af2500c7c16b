#include "crypto/signing.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace simkyc::crypto {
namespace {

struct PkeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

Result<Pkey> importPrivate(const SecureBytes &privateKey)
{
    if (privateKey.size() != kEd25519KeySize)
        return Error{ErrorCode::InvalidArgument, "Ed25519 private key must be 32 bytes"};
    Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, privateKey.data(), privateKey.size()));
    if (!key)
        return Error{ErrorCode::CryptoFailure, "Ed25519 key import failed"};
    return key;
}

} // namespace

Result<Ed25519KeyPair> ed25519KeyPairFromPrivate(const SecureBytes &privateKey)
{
    auto key = importPrivate(privateKey);
    if (!key)
        return key.error();
    Ed25519KeyPair pair{privateKey.clone(), {}};
    std::size_t len = pair.publicKey.size();
    if (EVP_PKEY_get_raw_public_key(key->get(), pair.publicKey.data(), &len) != 1 || len != pair.publicKey.size())
        return Error{ErrorCode::CryptoFailure, "Ed25519 public key export failed"};
    return pair;
}

Result<Ed25519KeyPair> ed25519KeyPairFromPem(std::span<const std::uint8_t> pem)
{
    if (pem.size() > 64 * 1024)
        return Error{ErrorCode::InvalidFormat, "not an Ed25519 PEM private key"};
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
    if (!bio)
        return Error{ErrorCode::CryptoFailure, "PEM buffer allocation failed"};
    // A null passphrase callback with an empty passphrase: an encrypted key fails instead of prompting.
    Pkey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, const_cast<char *>("")));
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519)
        return Error{ErrorCode::InvalidFormat, "not an Ed25519 PEM private key"};
    SecureBytes seed(kEd25519KeySize);
    std::size_t len = seed.size();
    if (EVP_PKEY_get_raw_private_key(key.get(), seed.data(), &len) != 1 || len != seed.size())
        return Error{ErrorCode::CryptoFailure, "Ed25519 private key export failed"};
    return ed25519KeyPairFromPrivate(seed);
}

Result<Ed25519KeyPair> generateEd25519KeyPair()
{
    auto seed = SecureBytes::random(kEd25519KeySize); // RFC 8032 5.1.5: the private key is 32 random bytes
    if (!seed)
        return seed.error();
    return ed25519KeyPairFromPrivate(*seed);
}

Result<Ed25519Signature> ed25519Sign(const SecureBytes &privateKey, std::span<const std::uint8_t> message)
{
    auto key = importPrivate(privateKey);
    if (!key)
        return key.error();
    MdCtx ctx(EVP_MD_CTX_new());
    Ed25519Signature signature{};
    std::size_t len = signature.size();
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key->get()) != 1 ||
        EVP_DigestSign(ctx.get(), signature.data(), &len, message.data(), message.size()) != 1 ||
        len != signature.size())
        return Error{ErrorCode::CryptoFailure, "Ed25519 signing failed"};
    return signature;
}

Status ed25519Verify(const Ed25519PublicKey &publicKey, std::span<const std::uint8_t> message,
                     std::span<const std::uint8_t> signature)
{
    if (signature.size() != kEd25519SignatureSize)
        return {ErrorCode::InvalidArgument, "Ed25519 signature must be 64 bytes"};
    Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, publicKey.data(), publicKey.size()));
    MdCtx ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        return {ErrorCode::CryptoFailure, "signature verification failed"};
    if (EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(), message.size()) != 1)
        return {ErrorCode::CryptoFailure, "signature verification failed"};
    return {};
}

} // namespace simkyc::crypto

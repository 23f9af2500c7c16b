// Ed25519 device identity (RFC 8032, pure Ed25519): key generation, raw import/export, signing
// and verification.
// Guarantees: private keys (the 32-byte RFC 8032 seed) live only in SecureBytes; signatures are
// deterministic; verify() is ok only for a valid signature by that public key over that exact
// message, else CryptoFailure "signature verification failed".
// Thread-safety: all functions are reentrant.
#pragma once

#include "core/result.h"
#include "crypto/secure_bytes.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace simkyc::crypto {

inline constexpr std::size_t kEd25519KeySize = 32;
inline constexpr std::size_t kEd25519SignatureSize = 64;
using Ed25519PublicKey = std::array<std::uint8_t, kEd25519KeySize>;
using Ed25519Signature = std::array<std::uint8_t, kEd25519SignatureSize>;

struct Ed25519KeyPair {
    SecureBytes privateKey; // raw 32-byte seed
    Ed25519PublicKey publicKey{};
};

[[nodiscard]] Result<Ed25519KeyPair> generateEd25519KeyPair();
// Import of a raw 32-byte private key (seed); derives the public key.
[[nodiscard]] Result<Ed25519KeyPair> ed25519KeyPairFromPrivate(const SecureBytes &privateKey);
// Import of an unencrypted PKCS#8 PEM private key ("-----BEGIN PRIVATE KEY-----", as written by
// `openssl genpkey -algorithm ed25519`). InvalidFormat if it is not PEM or not an Ed25519 key.
[[nodiscard]] Result<Ed25519KeyPair> ed25519KeyPairFromPem(std::span<const std::uint8_t> pem);

[[nodiscard]] Result<Ed25519Signature> ed25519Sign(const SecureBytes &privateKey,
                                                   std::span<const std::uint8_t> message);

// InvalidArgument if the signature is not 64 bytes; CryptoFailure if it does not verify.
[[nodiscard]] Status ed25519Verify(const Ed25519PublicKey &publicKey, std::span<const std::uint8_t> message,
                                   std::span<const std::uint8_t> signature);

} // namespace simkyc::crypto

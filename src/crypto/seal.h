// Sealing to the carrier: anonymous public-key encryption to an X25519 recipient.
// Blob layout (self-describing, version 1):
//   version(1) = 0x01 || ephemeral X25519 public(32) || nonce(12) || ciphertext || tag(16)
// key = HKDF-SHA256(ikm = X25519(ephemeral, recipient), salt = ephemeral pub || recipient pub,
// info = "simkyc/seal/v1", 32 bytes); AES-256-GCM with the caller's associated data.
// Guarantees: a fresh ephemeral key per blob; only the recipient's private key opens it; a
// truncated blob or unknown version is InvalidFormat, any other alteration CryptoFailure.
// Thread-safety: all functions are reentrant.
#pragma once

#include "core/result.h"
#include "crypto/secure_bytes.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace simkyc::crypto {

inline constexpr std::size_t kX25519KeySize = 32;
using X25519PublicKey = std::array<std::uint8_t, kX25519KeySize>;

struct X25519KeyPair {
    SecureBytes privateKey; // raw 32-byte scalar (RFC 7748)
    X25519PublicKey publicKey{};
};

[[nodiscard]] Result<X25519KeyPair> generateX25519KeyPair();
// Import of a raw 32-byte private key; derives the public key. InvalidArgument on a wrong size.
[[nodiscard]] Result<X25519KeyPair> x25519KeyPairFromPrivate(const SecureBytes &privateKey);

inline constexpr std::uint8_t kSealVersion = 1;
inline constexpr std::size_t kSealOverhead = 1 + kX25519KeySize + 12 + 16;

[[nodiscard]] Result<std::vector<std::uint8_t>> sealTo(const X25519PublicKey &recipient,
                                                       std::span<const std::uint8_t> plaintext,
                                                       std::span<const std::uint8_t> associatedData);

[[nodiscard]] Result<SecureBytes> openSealed(const SecureBytes &recipientPrivate, std::span<const std::uint8_t> blob,
                                             std::span<const std::uint8_t> associatedData);

} // namespace simkyc::crypto

// Internal primitives of src/crypto, visible to tests/crypto for known-answer tests only.
// Other modules must not include this header: nonces chosen by a caller are how GCM breaks.
// Guarantees: as the public functions built on them; no secret appears in an error message.
// Thread-safety: all functions are reentrant.
#pragma once

#include "core/result.h"
#include "crypto/secure_bytes.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace simkyc::crypto::detail {

using Bytes = std::span<const std::uint8_t>;

inline Bytes asBytes(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

// AES-256-GCM with a caller-chosen 96-bit nonce: returns ciphertext || tag(16).
Result<std::vector<std::uint8_t>> gcmEncrypt(Bytes key, Bytes nonce, Bytes plaintext, Bytes aad);
// Inverse of gcmEncrypt; CryptoFailure "authentication failed" on any mismatch.
Result<SecureBytes> gcmDecrypt(Bytes key, Bytes nonce, Bytes ciphertextAndTag, Bytes aad);

// RFC 7748 X25519(scalar, u); fails on an all-zero result (low-order point).
Result<SecureBytes> x25519(Bytes privateKey, Bytes peerPublic);

// RFC 5869 HKDF-SHA256 (extract and expand).
Result<SecureBytes> hkdfSha256(Bytes ikm, Bytes salt, Bytes info, std::size_t length);

// RFC 7914 scrypt with N = 2^logN, no policy range checks beyond OpenSSL's own (tests use N=16).
Result<SecureBytes> scrypt(Bytes password, Bytes salt, std::uint64_t n, std::uint32_t r, std::uint32_t p,
                           std::size_t length);

} // namespace simkyc::crypto::detail

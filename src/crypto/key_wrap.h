// Envelope encryption: per-record (or per-store) data keys wrapped under a store key (KEK) with
// RFC 3394 AES key wrap (AES-256-KW, NIST SP 800-38F).
// Why AES-KW rather than AES-GCM: it is deterministic and nonce-free, so re-wrapping thousands of
// data keys under one KEK during rotation carries no nonce-collision budget; it is the standard
// construction for keys, its integrity check rejects any altered or mis-keyed blob, and its
// output is a fixed 40 bytes for a 32-byte key with an official vector (RFC 3394 4.6).
// Guarantees: unwrapped keys live only in SecureBytes; rotation (rewrapKey) never touches data
// ciphertexts; a wrong KEK or altered blob is CryptoFailure "key unwrap failed".
// Thread-safety: all functions are reentrant.
#pragma once

#include "core/result.h"
#include "crypto/secure_bytes.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace simkyc::crypto {

inline constexpr std::size_t kDataKeySize = 32;
inline constexpr std::size_t kWrappedKeySize = kDataKeySize + 8;

// A fresh random 32-byte data key (for aeadSeal).
[[nodiscard]] Result<SecureBytes> generateDataKey();

// Wraps keyData (16..4096 bytes, a multiple of 8) under the 32-byte kek.
[[nodiscard]] Result<std::vector<std::uint8_t>> wrapKey(const SecureBytes &kek, const SecureBytes &keyData);

// InvalidFormat if wrapped has an impossible length; CryptoFailure if the integrity check fails.
[[nodiscard]] Result<SecureBytes> unwrapKey(const SecureBytes &kek, std::span<const std::uint8_t> wrapped);

// Key rotation: unwrap under oldKek and wrap the same data key under newKek.
[[nodiscard]] Result<std::vector<std::uint8_t>> rewrapKey(const SecureBytes &oldKek, const SecureBytes &newKek,
                                                          std::span<const std::uint8_t> wrapped);

} // namespace simkyc::crypto

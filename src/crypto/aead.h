// AES-256-GCM authenticated encryption for record fields at rest.
// Guarantees: every seal() draws a fresh random 96-bit nonce; the output is
// nonce(12) || ciphertext || tag(16); open() returns the plaintext only if key, nonce, ciphertext,
// tag and associated data are all unchanged, else CryptoFailure "authentication failed" (never a
// detail of the data). Bind each ciphertext to its row and column with fieldAssociatedData().
// Thread-safety: all functions are reentrant.
#pragma once

#include "core/result.h"
#include "crypto/secure_bytes.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace simkyc::crypto {

inline constexpr std::size_t kAeadKeySize = 32;
inline constexpr std::size_t kAeadNonceSize = 12;
inline constexpr std::size_t kAeadTagSize = 16;
inline constexpr std::size_t kAeadOverhead = kAeadNonceSize + kAeadTagSize;

// InvalidArgument if key is not 32 bytes; CryptoFailure if OpenSSL or the DRBG fails.
[[nodiscard]] Result<std::vector<std::uint8_t>>
aeadSeal(const SecureBytes &key, std::span<const std::uint8_t> plaintext, std::span<const std::uint8_t> associatedData);

// InvalidFormat if sealed is shorter than kAeadOverhead; CryptoFailure if authentication fails.
[[nodiscard]] Result<SecureBytes> aeadOpen(const SecureBytes &key, std::span<const std::uint8_t> sealed,
                                           std::span<const std::uint8_t> associatedData);

inline constexpr std::uint32_t kFieldFormatVersion = 1;

// Associated data binding a ciphertext to (format version, record id, field name):
// each of "simkyc/field/v<version>", recordId, fieldName as a 4-byte big-endian length then its
// bytes, so no two distinct triples encode alike ("a|b","c" differs from "a","b|c").
[[nodiscard]] std::vector<std::uint8_t> fieldAssociatedData(std::string_view recordId, std::string_view fieldName,
                                                            std::uint32_t formatVersion = kFieldFormatVersion);

} // namespace simkyc::crypto

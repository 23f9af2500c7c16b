// Keyed hashing and key derivation for other modules: HMAC-SHA256 (RFC 2104/4231), HKDF-SHA256
// sub-keys with a distinct label (RFC 5869) and a passphrase key (scrypt, RFC 7914) with a given salt.
// Guarantees: derived keys live only in SecureBytes; scrypt parameters are range-checked
// (validateScryptParams) before any work; no key, passphrase or input appears in an error message.
// Thread-safety: all functions are reentrant.
#pragma once

#include "core/result.h"
#include "crypto/password_hash.h"
#include "crypto/secure_bytes.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace simkyc::crypto {

inline constexpr std::size_t kHmacSha256Size = 32;
using HmacSha256 = std::array<std::uint8_t, kHmacSha256Size>;

// InvalidArgument for an empty key; CryptoFailure if OpenSSL fails.
[[nodiscard]] Result<HmacSha256> hmacSha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data);

// HKDF-SHA256(ikm = masterKey, no salt, info = label): a sub-key for one purpose, so that keys for
// different purposes (blind index, signing of backups, ...) never coincide. length 1..8160.
[[nodiscard]] Result<SecureBytes> deriveSubKey(const SecureBytes &masterKey, std::string_view label,
                                               std::size_t length = 32);

// scrypt(passphrase, salt, params) -> length bytes; InvalidArgument for parameters out of range or
// a salt shorter than 16 bytes.
[[nodiscard]] Result<SecureBytes> passphraseKey(std::string_view passphrase, std::span<const std::uint8_t> salt,
                                                const ScryptParams &params, std::size_t length = 32);

} // namespace simkyc::crypto

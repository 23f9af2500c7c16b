// Password hashing with scrypt (RFC 7914) in a self-describing string:
//   $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt, base64 unpadded>$<hash, base64 unpadded>
// Guarantees: a 16-byte random salt and 32-byte hash per call; verification compares in constant
// time (CRYPTO_memcmp); parameters outside the accepted ranges are refused before any work
// (InvalidArgument when hashing, InvalidFormat when found in a stored string); a malformed
// string is InvalidFormat. Neither the password nor the hash appears in an error message.
// Thread-safety: all functions are reentrant (calibrateScrypt is CPU-bound for ~2x its target).
#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace simkyc::crypto {

struct ScryptParams {
    std::uint32_t logN = 15; // N = 2^logN
    std::uint32_t r = 8;
    std::uint32_t p = 1;
};

// Accepted ranges: logN 10..22, r 1..32, p 1..16, memory 128*r*N <= 1 GiB.
inline constexpr std::uint32_t kScryptMinLogN = 10;
inline constexpr std::uint32_t kScryptMaxLogN = 22;
inline constexpr std::uint32_t kScryptMaxR = 32;
inline constexpr std::uint32_t kScryptMaxP = 16;
inline constexpr std::uint64_t kScryptMaxMemoryBytes = std::uint64_t{1} << 30;

[[nodiscard]] Status validateScryptParams(const ScryptParams &params);

[[nodiscard]] Result<std::string> hashPassword(std::string_view password, const ScryptParams &params);

// true on a match, false on a mismatch; an error if encoded cannot be parsed or computed.
[[nodiscard]] Result<bool> verifyPassword(std::string_view password, std::string_view encoded);

// The parameters stored in an encoded hash (to decide on re-hashing after a calibration change).
[[nodiscard]] Result<ScryptParams> parseScryptParams(std::string_view encoded);

// Picks the largest logN (>= minLogN, <= kScryptMaxLogN) whose hash takes about targetMs or less
// on this machine, by timing doublings from minLogN.
[[nodiscard]] Result<ScryptParams> calibrateScrypt(unsigned targetMs = 250, std::uint32_t r = 8, std::uint32_t p = 1,
                                                   std::uint32_t minLogN = 14);

} // namespace simkyc::crypto

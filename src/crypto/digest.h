// Message digests (SHA-256) over memory and files, and library identification.
// Guarantees: results are lowercase hex or raw 32-byte digests; file hashing streams in 1 MiB
// blocks (constant memory) and reports unreadable files as errors, never by throwing.
// Thread-safety: all functions are reentrant.
#pragma once

#include "core/result.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::crypto {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(std::span<const std::uint8_t> data);
Sha256Digest sha256(std::string_view data);
Result<Sha256Digest> sha256File(const std::filesystem::path &path);

std::string toHex(std::span<const std::uint8_t> bytes);
// Decodes lowercase or uppercase hex; InvalidFormat on odd length or a non-hex character (the
// message never echoes the input: it may be a key).
Result<std::vector<std::uint8_t>> fromHex(std::string_view hex);

// "OpenSSL 3.0.x ..." as reported by the library loaded at run time.
std::string opensslVersion();

} // namespace simkyc::crypto

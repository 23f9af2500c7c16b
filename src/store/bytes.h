// Small byte helpers shared by the store: crypto (uint8_t) <-> SQLite blobs (std::byte), hex text
// for key files. Thread-safety: pure functions.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::store {

inline std::span<const std::byte> asBlob(std::span<const std::uint8_t> bytes)
{
    return std::as_bytes(bytes);
}

inline std::vector<std::uint8_t> fromBlob(const std::vector<std::byte> &blob)
{
    std::vector<std::uint8_t> out(blob.size());
    for (std::size_t i = 0; i < blob.size(); ++i)
        out[i] = static_cast<std::uint8_t>(blob[i]);
    return out;
}

inline std::span<const std::uint8_t> textBytes(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

// Lowercase hex.
std::string hexEncode(std::span<const std::uint8_t> bytes);
// Upper or lower case; InvalidFormat on odd length or a non-hex character (never echoes the input).
Result<std::vector<std::uint8_t>> hexDecode(std::string_view hex);

} // namespace simkyc::store

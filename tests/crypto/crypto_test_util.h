// Helpers for the crypto tests: hex vectors to bytes and back. Thread-safety: reentrant.
#pragma once

#include "crypto/detail.h"
#include "crypto/digest.h"
#include "crypto/secure_bytes.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace simkyc::crypto::test {

inline std::vector<std::uint8_t> hex(std::string_view text)
{
    auto bytes = crypto::fromHex(text);
    EXPECT_TRUE(bytes.ok()) << "bad hex in test vector";
    return bytes ? std::move(bytes).value() : std::vector<std::uint8_t>{};
}

inline SecureBytes secureHex(std::string_view text)
{
    return SecureBytes(hex(text));
}

inline std::string hexOf(std::span<const std::uint8_t> bytes)
{
    return toHex(bytes);
}

inline std::span<const std::uint8_t> bytesOf(std::string_view text)
{
    return detail::asBytes(text);
}

} // namespace simkyc::crypto::test

// Helpers shared by the libFuzzer targets in this folder (docs/hardening.md).
// FUZZ_CHECK turns a broken property (a round trip that does not round-trip) into a crash that
// libFuzzer records like any other, with the message on stderr.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string_view>

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s\n", __FILE__, __LINE__, #condition);                  \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

namespace simkyc::fuzz {

inline std::string_view text(const std::uint8_t *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

inline std::span<const std::uint8_t> bytes(const std::uint8_t *data, std::size_t size)
{
    return {data, size};
}

} // namespace simkyc::fuzz

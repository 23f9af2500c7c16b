#include "store/record_id.h"

#include "crypto/secure_bytes.h"
#include "store/bytes.h"

#include <array>
#include <cstdio>
#include <ctime>

namespace simkyc::store {

Result<std::string> newRecordId(Clock::time_point now)
{
    std::array<std::uint8_t, 16> b{};
    if (Status s = crypto::fillRandom(b); !s)
        return s.error();
    const auto ms = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count());
    for (int i = 0; i < 6; ++i)
        b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    b[6] = static_cast<std::uint8_t>(0x70 | (b[6] & 0x0f)); // version 7
    b[8] = static_cast<std::uint8_t>(0x80 | (b[8] & 0x3f)); // variant 10
    const std::string hex = hexEncode(b);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20);
}

std::string utcTimestamp(Clock::time_point at)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
    const std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    const int millis = static_cast<int>(ms - static_cast<long long>(seconds) * 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
    return text;
}

std::optional<Clock::time_point> parseUtcTimestamp(std::string_view text)
{
    if (text.size() != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != '.' || text[23] != 'Z')
        return std::nullopt;
    std::tm tm{};
    int millis = 0;
    const std::string copy(text);
    if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                    &tm.tm_min, &tm.tm_sec, &millis) != 7)
        return std::nullopt;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const std::time_t seconds = timegm(&tm);
    return Clock::time_point(std::chrono::seconds(seconds)) + std::chrono::milliseconds(millis);
}

} // namespace simkyc::store

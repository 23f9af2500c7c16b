#include "core/opening_hours.h"

namespace simkyc::core {
namespace {

bool digit(char c)
{
    return c >= '0' && c <= '9';
}

// "HH:MM" → minutes after midnight, or -1.
int minuteOf(std::string_view t)
{
    if (t.size() != 5 || !digit(t[0]) || !digit(t[1]) || t[2] != ':' || !digit(t[3]) || !digit(t[4]))
        return -1;
    const int hours = (t[0] - '0') * 10 + (t[1] - '0');
    const int minutes = (t[3] - '0') * 10 + (t[4] - '0');
    if (hours > 23 || minutes > 59)
        return -1;
    return hours * 60 + minutes;
}

} // namespace

bool OpeningHours::contains(int minuteOfDay) const
{
    if (minuteOfDay < 0 || minuteOfDay >= 24 * 60)
        return false;
    if (openMinute < closeMinute)
        return minuteOfDay >= openMinute && minuteOfDay < closeMinute;
    return minuteOfDay >= openMinute || minuteOfDay < closeMinute; // spans midnight
}

std::string OpeningHours::toString() const
{
    const auto hhmm = [](int minute) {
        const int h = minute / 60, m = minute % 60;
        return std::string{static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
                           static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10)};
    };
    return hhmm(openMinute) + "-" + hhmm(closeMinute);
}

Result<OpeningHours> parseOpeningHours(std::string_view text)
{
    const Error bad{ErrorCode::InvalidFormat, "opening hours are HH:MM-HH:MM (24-hour clock, two different times)"};
    if (text.size() != 11 || text[5] != '-')
        return bad;
    const int open = minuteOf(text.substr(0, 5));
    const int close = minuteOf(text.substr(6, 5));
    if (open < 0 || close < 0 || open == close)
        return bad;
    return OpeningHours{open, close};
}

} // namespace simkyc::core

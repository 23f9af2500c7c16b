#include "core/date.h"

namespace simkyc::core {
namespace {

void appendPadded(std::string &out, int value, int width)
{
    std::string digits;
    const bool negative = value < 0;
    unsigned magnitude = negative ? 0U - static_cast<unsigned>(value) : static_cast<unsigned>(value);
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + magnitude % 10U));
        magnitude /= 10U;
    } while (magnitude != 0U);
    if (negative)
        out.push_back('-');
    for (int i = static_cast<int>(digits.size()); i < width; ++i)
        out.push_back('0');
    out += digits;
}

// Reads a fixed-width run of ASCII digits; -1 when any byte is not a digit.
int readDigits(std::string_view text)
{
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

std::string Date::toIsoString() const
{
    std::string out;
    out.reserve(10);
    appendPadded(out, year, 4);
    out.push_back('-');
    appendPadded(out, month, 2);
    out.push_back('-');
    appendPadded(out, day, 2);
    return out;
}

// Days-from-civil and civil-from-days after H. Hinnant's public-domain calendar algorithms:
// shift the year to start in March so the leap day is the last day of the shifted year.
std::int64_t Date::toDayNumber() const
{
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yearOfEra = y - era * 400;
    const std::int64_t shiftedMonth = month > 2 ? month - 3 : month + 9;
    const std::int64_t dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1;
    const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

Date Date::fromDayNumber(std::int64_t days)
{
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t dayOfEra = z - era * 146097;
    const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t shiftedMonth = (5 * dayOfYear + 2) / 153;
    const std::int64_t d = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    const std::int64_t m = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    const std::int64_t y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
    return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

Result<Date> parseIsoDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return {ErrorCode::InvalidFormat, "date must be written YYYY-MM-DD"};
    const Date date{readDigits(text.substr(0, 4)), readDigits(text.substr(5, 2)), readDigits(text.substr(8, 2))};
    if (date.year < 0 || date.month < 0 || date.day < 0)
        return {ErrorCode::InvalidFormat, "date must be written YYYY-MM-DD with ASCII digits"};
    if (!date.isValid())
        return {ErrorCode::InvalidDate, "date does not exist in the Gregorian calendar"};
    return date;
}

int ageInYears(const Date &birth, const Date &on)
{
    int age = on.year - birth.year;
    if (on.month < birth.month || (on.month == birth.month && on.day < birth.day))
        --age;
    return age;
}

} // namespace simkyc::core

// Date: a calendar date (year, month, day) in the proleptic Gregorian calendar, with no time zone
// and no clock. Core never reads the clock: callers pass "today" in as a Date.
// Guarantees: isValid() is true exactly for real dates in years 1..9999 (the range "YYYY" can
// write); comparison is chronological for valid dates; toIsoString/parseIsoDate round-trip.
// Thread-safety: value type and pure functions, safe from any thread.
#pragma once

#include "core/result.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace simkyc::core {

inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;

[[nodiscard]] constexpr bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// 28..31, or 0 when month is not 1..12.
[[nodiscard]] constexpr int daysInMonth(int year, int month)
{
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    [[nodiscard]] constexpr bool isValid() const
    {
        return year >= kMinYear && year <= kMaxYear && day >= 1 && day <= daysInMonth(year, month);
    }

    // "YYYY-MM-DD", zero padded. Precondition: isValid() (an invalid date is still formatted
    // field by field, for diagnostics).
    [[nodiscard]] std::string toIsoString() const;

    // Days since 1970-01-01 (negative before). Precondition: isValid().
    [[nodiscard]] std::int64_t toDayNumber() const;
    // Inverse of toDayNumber(). Precondition: the result lies in years kMinYear..kMaxYear.
    [[nodiscard]] static Date fromDayNumber(std::int64_t days);

    friend constexpr bool operator==(const Date &, const Date &) = default;
    friend constexpr std::strong_ordering operator<=>(const Date &, const Date &) = default;
};

// Parses exactly "YYYY-MM-DD" (ASCII digits, no sign, no time, no surrounding spaces).
// InvalidFormat when the shape is wrong, InvalidDate when the date does not exist.
[[nodiscard]] Result<Date> parseIsoDate(std::string_view text);

// Age in completed years on the given day: the number of birthdays that have happened on or
// before `on`. Someone born on 29 February has their birthday on 1 March in common years.
// Negative when `on` is before `birth`. Precondition: both dates valid.
[[nodiscard]] int ageInYears(const Date &birth, const Date &on);

} // namespace simkyc::core

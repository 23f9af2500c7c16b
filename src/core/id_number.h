// Chinese resident identity card number (GB 11643-1999): 6-digit region code, YYYYMMDD birth
// date, 3-digit sequence (odd last digit = male) and an ISO 7064 MOD 11-2 check character.
// Guarantees: checkIdNumber applies the rules in IdRule order and reports the FIRST that fails;
// an IdNumber it returns satisfies all of them. Error messages name the rule and never repeat
// the number or any part of it. No clock reads: the caller passes today.
// Thread-safety: pure functions and value types, safe from any thread.
#pragma once

#include "core/checked.h"
#include "core/date.h"
#include "core/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace simkyc::core {

inline constexpr int kIdNumberLength = 18;
inline constexpr int kDefaultMinimumAgeYears = 16;

// The rules, in the order they are checked. Names are stable (UI strings, logs, JSON).
enum class IdRule {
    Length,          // exactly 18 characters after normalisation        -> InvalidFormat
    Characters,      // 17 digits, then a digit or 'X'                    -> InvalidFormat
    RegionCode,      // first two digits are an official province code   -> InvalidFormat
    BirthDate,       // digits 7-14 are a real calendar date              -> InvalidDate
    FutureBirthDate, // the birth date is not after today                 -> InvalidDate
    MinimumAge,      // the holder is at least the minimum age today      -> Underage
    CheckCharacter,  // the 18th character matches ISO 7064 MOD 11-2      -> ChecksumMismatch
};

// "length", "characters", "region_code", "birth_date", "future_birth_date", "minimum_age",
// "check_character".
[[nodiscard]] std::string_view idRuleName(IdRule rule);

enum class Sex { Female, Male };
[[nodiscard]] std::string_view sexName(Sex sex); // "female", "male"

struct IdNumber {
    std::string text;       // normalised: 17 ASCII digits + digit or 'X'
    std::string regionCode; // the first 6 digits
    Date birthDate;
    Sex sex = Sex::Female;
    int sequence = 0; // digits 15-17, 0..999

    friend bool operator==(const IdNumber &, const IdNumber &) = default;
};

// Removes ASCII whitespace and U+3000 anywhere, folds full-width forms to ASCII (U+FF10..U+FF19
// digits, U+FF38/U+FF58 X/x) and upper-cases 'x'. Does not validate.
[[nodiscard]] std::string normaliseIdNumber(std::string_view utf8);

// True for 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71 (Taiwan), 81 (Hong Kong), 82 (Macao) and
// 83 (residence permits for Taiwan residents).
[[nodiscard]] bool isProvinceCode(int code);

// The check character for 17 ASCII digits; nullopt when the input is anything else.
[[nodiscard]] std::optional<char> idCheckCharacter(std::string_view first17Digits);

// Normalises, then checks the rules in order. minimumAgeYears comes from configuration.
[[nodiscard]] Checked<IdNumber, IdRule> checkIdNumber(std::string_view input, const Date &today,
                                                      int minimumAgeYears = kDefaultMinimumAgeYears);

[[nodiscard]] inline Result<IdNumber> parseIdNumber(std::string_view input, const Date &today,
                                                    int minimumAgeYears = kDefaultMinimumAgeYears)
{
    return checkIdNumber(input, today, minimumAgeYears).result();
}

// The one masking rule for an ID number wherever it is shown (day view, review, reports):
// "360***********0071", the first 3 and last 4 characters visible. The first 3 name the province and
// part of the prefecture, never the county or the birth date; the last 4 (sequence, sex digit and
// check character) let the manager match the record to the card in hand (docs/privacy.md). Takes
// normalised text; input of 7 characters or fewer is masked completely.
[[nodiscard]] std::string maskIdNumber(std::string_view normalised);

} // namespace simkyc::core

// ICCID (ITU-T E.118 SIM card serial number): 19 or 20 digits, starting with the telecom major
// industry identifier "89", ending with a Luhn check digit computed over all preceding digits.
// Guarantees: checkIccid applies the rules in IccidRule order and reports the FIRST that fails;
// an Iccid it returns satisfies all of them. Error messages name the rule, never the number.
// Thread-safety: pure functions and value types, safe from any thread.
#pragma once

#include "core/checked.h"
#include "core/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace simkyc::core {

inline constexpr int kIccidMinLength = 19;
inline constexpr int kIccidMaxLength = 20;

// The rules, in the order they are checked. Names are stable.
enum class IccidRule {
    Characters,     // only digits                               -> InvalidFormat     "characters"
    Length,         // 19 or 20 digits                           -> InvalidFormat     "length"
    IndustryPrefix, // starts with "89" (telecommunications)     -> InvalidFormat     "industry_prefix"
    CheckDigit,     // Luhn (mod 10) over all digits holds       -> ChecksumMismatch  "check_digit"
};

[[nodiscard]] std::string_view iccidRuleName(IccidRule rule);

struct Iccid {
    std::string digits; // 19 or 20 ASCII digits

    friend bool operator==(const Iccid &, const Iccid &) = default;
};

// The Luhn digit to append to payload (ASCII digits); nullopt for empty or non-digit input.
[[nodiscard]] std::optional<char> luhnCheckDigit(std::string_view payload);
// True when digits (check digit last) are all ASCII digits, at least 2 of them, and Luhn holds.
[[nodiscard]] bool isLuhnValid(std::string_view digits);

// Folds full-width forms to ASCII and removes ASCII whitespace and U+3000. Does not validate.
[[nodiscard]] std::string normaliseIccid(std::string_view utf8);

[[nodiscard]] Checked<Iccid, IccidRule> checkIccid(std::string_view input);

[[nodiscard]] inline Result<Iccid> parseIccid(std::string_view input)
{
    return checkIccid(input).result();
}

} // namespace simkyc::core

// Mainland China mobile number: 11 digits matching 1[3-9]\d{9}, optionally written with spaces,
// hyphens and a +86 / 0086 / 86 country prefix.
// Guarantees: checkPhoneNumber applies the rules in PhoneRule order and reports the FIRST that
// fails; a PhoneNumber it returns holds exactly 11 national digits. Error messages name the rule
// and never repeat the number.
// Thread-safety: pure functions and value types, safe from any thread.
#pragma once

#include "core/checked.h"
#include "core/result.h"

#include <string>
#include <string_view>

namespace simkyc::core {

inline constexpr int kPhoneNumberLength = 11;

// The rules, in the order they are checked. All map to ErrorCode::InvalidFormat. Names are stable.
enum class PhoneRule {
    Characters,  // only digits, and one '+' in front                           "characters"
    CountryCode, // an international prefix (+, 00) must be +86 / 0086           "country_code"
    Length,      // 11 digits once the country prefix is removed                 "length"
    Prefix,      // a mobile number starts with 13..19                           "prefix"
};

[[nodiscard]] std::string_view phoneRuleName(PhoneRule rule);

struct PhoneNumber {
    std::string digits; // 11 national digits, e.g. "13812345678"

    [[nodiscard]] std::string e164() const { return "+86" + digits; } // "+8613812345678"
    friend bool operator==(const PhoneNumber &, const PhoneNumber &) = default;
};

// Folds full-width forms to ASCII and removes ASCII whitespace, U+3000 and '-'. Keeps '+' and
// the country prefix (the rules decide about those). Does not validate.
[[nodiscard]] std::string normalisePhoneNumber(std::string_view utf8);

// Normalises, removes a +86 / 0086 prefix (or a bare 86 in front of 11 digits), then checks.
[[nodiscard]] Checked<PhoneNumber, PhoneRule> checkPhoneNumber(std::string_view input);

[[nodiscard]] inline Result<PhoneNumber> parsePhoneNumber(std::string_view input)
{
    return checkPhoneNumber(input).result();
}

// "138****5678": first 3 and last 4 digits visible. Input of 7 characters or fewer is masked
// completely.
[[nodiscard]] std::string maskPhoneNumber(std::string_view digits);

} // namespace simkyc::core

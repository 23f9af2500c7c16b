#include "core/id_number.h"

#include "core/text.h"

#include <array>

namespace simkyc::core {
namespace {

using Check = Checked<IdNumber, IdRule>;

constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckCharacters = "10X98765432"; // indexed by weighted sum mod 11

// GB/T 2260 province-level codes, plus 83 used by residence permits for Taiwan residents.
constexpr std::array<int, 35> kProvinceCodes = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                                                44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};

int digitsValue(std::string_view digits)
{
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

Check fail(IdRule rule, ErrorCode code, std::string_view detail)
{
    std::string message(idRuleName(rule));
    message += ": ";
    message += detail;
    return Check::fail(rule, code, std::move(message));
}

} // namespace

std::string_view idRuleName(IdRule rule)
{
    switch (rule) {
    case IdRule::Length: return "length";
    case IdRule::Characters: return "characters";
    case IdRule::RegionCode: return "region_code";
    case IdRule::BirthDate: return "birth_date";
    case IdRule::FutureBirthDate: return "future_birth_date";
    case IdRule::MinimumAge: return "minimum_age";
    case IdRule::CheckCharacter: return "check_character";
    }
    return "unknown";
}

std::string_view sexName(Sex sex)
{
    return sex == Sex::Male ? "male" : "female";
}

std::string normaliseIdNumber(std::string_view utf8)
{
    const std::string folded = foldFullWidth(utf8);
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        if (isAsciiSpace(c))
            continue;
        out.push_back(c == 'x' ? 'X' : c);
    }
    return out;
}

bool isProvinceCode(int code)
{
    for (int province : kProvinceCodes) {
        if (province == code)
            return true;
    }
    return false;
}

std::optional<char> idCheckCharacter(std::string_view first17Digits)
{
    if (first17Digits.size() != kWeights.size() || !isAllDigits(first17Digits))
        return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < kWeights.size(); ++i)
        sum += (first17Digits[i] - '0') * kWeights[i];
    return kCheckCharacters[static_cast<std::size_t>(sum % 11)];
}

Checked<IdNumber, IdRule> checkIdNumber(std::string_view input, const Date &today, int minimumAgeYears)
{
    const std::string text = normaliseIdNumber(input);
    const std::size_t length = codePointCount(text);
    if (length != kIdNumberLength) {
        return fail(IdRule::Length, ErrorCode::InvalidFormat,
                    "an ID number has 18 characters, got " + std::to_string(length));
    }
    // 18 code points but more bytes means a non-ASCII character: reported by the next rule.
    const std::string_view body = std::string_view(text).substr(0, 17);
    const char last = text[17];
    if (text.size() != kIdNumberLength || !isAllDigits(body) || !(isAsciiDigit(last) || last == 'X'))
        return fail(IdRule::Characters, ErrorCode::InvalidFormat,
                    "only digits are allowed, and 'X' as the last character");

    if (!isProvinceCode(digitsValue(body.substr(0, 2))))
        return fail(IdRule::RegionCode, ErrorCode::InvalidFormat, "the first two digits are not a province code");

    const Date birth{digitsValue(body.substr(6, 4)), digitsValue(body.substr(10, 2)), digitsValue(body.substr(12, 2))};
    if (!birth.isValid())
        return fail(IdRule::BirthDate, ErrorCode::InvalidDate, "digits 7-14 are not a real calendar date");
    if (birth > today)
        return fail(IdRule::FutureBirthDate, ErrorCode::InvalidDate, "the birth date lies in the future");
    if (ageInYears(birth, today) < minimumAgeYears) {
        return fail(IdRule::MinimumAge, ErrorCode::Underage,
                    "the holder is younger than " + std::to_string(minimumAgeYears) + " years");
    }

    if (idCheckCharacter(body) != last)
        return fail(IdRule::CheckCharacter, ErrorCode::ChecksumMismatch,
                    "the check character does not match digits 1-17");

    IdNumber id;
    id.regionCode = std::string(body.substr(0, 6));
    id.birthDate = birth;
    id.sequence = digitsValue(body.substr(14, 3));
    id.sex = (body[16] - '0') % 2 == 1 ? Sex::Male : Sex::Female;
    id.text = text;
    return Check::pass(std::move(id));
}

std::string maskIdNumber(std::string_view normalised)
{
    return maskMiddle(normalised, 3, 4);
}

} // namespace simkyc::core

#include "core/iccid.h"

#include "core/text.h"

namespace simkyc::core {
namespace {

using Check = Checked<Iccid, IccidRule>;

Check fail(IccidRule rule, ErrorCode code, std::string_view detail)
{
    std::string message(iccidRuleName(rule));
    message += ": ";
    message += detail;
    return Check::fail(rule, code, std::move(message));
}

// Luhn sum of digits where the rightmost digit has position 0; digits at odd positions are doubled
// (and 9 subtracted when the product exceeds 9).
int luhnSum(std::string_view digits, bool doubleRightmost)
{
    int sum = 0;
    bool doubled = doubleRightmost;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum;
}

} // namespace

std::string_view iccidRuleName(IccidRule rule)
{
    switch (rule) {
    case IccidRule::Characters: return "characters";
    case IccidRule::Length: return "length";
    case IccidRule::IndustryPrefix: return "industry_prefix";
    case IccidRule::CheckDigit: return "check_digit";
    }
    return "unknown";
}

std::optional<char> luhnCheckDigit(std::string_view payload)
{
    if (!isAllDigits(payload))
        return std::nullopt;
    // The check digit will sit at position 0, so the payload's rightmost digit is doubled.
    const int sum = luhnSum(payload, true);
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool isLuhnValid(std::string_view digits)
{
    if (digits.size() < 2 || !isAllDigits(digits))
        return false;
    return luhnSum(digits, false) % 10 == 0;
}

std::string normaliseIccid(std::string_view utf8)
{
    const std::string folded = foldFullWidth(utf8);
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        if (!isAsciiSpace(c))
            out.push_back(c);
    }
    return out;
}

Checked<Iccid, IccidRule> checkIccid(std::string_view input)
{
    std::string text = normaliseIccid(input);
    if (!text.empty() && !isAllDigits(text))
        return fail(IccidRule::Characters, ErrorCode::InvalidFormat, "only digits are allowed");
    if (text.size() < kIccidMinLength || text.size() > kIccidMaxLength) {
        return fail(IccidRule::Length, ErrorCode::InvalidFormat,
                    "an ICCID has 19 or 20 digits, got " + std::to_string(text.size()));
    }
    if (!text.starts_with("89"))
        return fail(IccidRule::IndustryPrefix, ErrorCode::InvalidFormat,
                    "an ICCID starts with 89 (telecommunications)");
    if (!isLuhnValid(text))
        return fail(IccidRule::CheckDigit, ErrorCode::ChecksumMismatch, "the Luhn check digit does not match");
    return Check::pass(Iccid{std::move(text)});
}

} // namespace simkyc::core

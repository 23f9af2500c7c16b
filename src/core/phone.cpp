#include "core/phone.h"

#include "core/text.h"

namespace simkyc::core {
namespace {

using Check = Checked<PhoneNumber, PhoneRule>;

Check fail(PhoneRule rule, std::string_view detail)
{
    std::string message(phoneRuleName(rule));
    message += ": ";
    message += detail;
    return Check::fail(rule, ErrorCode::InvalidFormat, std::move(message));
}

} // namespace

std::string_view phoneRuleName(PhoneRule rule)
{
    switch (rule) {
    case PhoneRule::Characters: return "characters";
    case PhoneRule::CountryCode: return "country_code";
    case PhoneRule::Length: return "length";
    case PhoneRule::Prefix: return "prefix";
    }
    return "unknown";
}

std::string normalisePhoneNumber(std::string_view utf8)
{
    const std::string folded = foldFullWidth(utf8);
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        if (!isAsciiSpace(c) && c != '-')
            out.push_back(c);
    }
    return out;
}

Checked<PhoneNumber, PhoneRule> checkPhoneNumber(std::string_view input)
{
    const std::string text = normalisePhoneNumber(input);
    const bool plus = !text.empty() && text.front() == '+';
    std::string_view digits(text);
    if (plus)
        digits.remove_prefix(1);
    if (!digits.empty() && !isAllDigits(digits))
        return fail(PhoneRule::Characters, "only digits are allowed, and '+' in front");
    if (plus && digits.empty())
        return fail(PhoneRule::Characters, "'+' must be followed by the country code");

    if (plus || digits.starts_with("00")) {
        if (!plus)
            digits.remove_prefix(2);
        if (!digits.starts_with("86"))
            return fail(PhoneRule::CountryCode, "only mainland China numbers (+86) are accepted");
        digits.remove_prefix(2);
    } else if (digits.size() == kPhoneNumberLength + 2 && digits.starts_with("86")) {
        digits.remove_prefix(2);
    }

    if (digits.size() != kPhoneNumberLength) {
        return fail(PhoneRule::Length,
                    "a mobile number has 11 digits after the country code, got " + std::to_string(digits.size()));
    }
    if (digits[0] != '1' || digits[1] < '3')
        return fail(PhoneRule::Prefix, "a mobile number starts with 13 to 19");
    return Check::pass(PhoneNumber{std::string(digits)});
}

std::string maskPhoneNumber(std::string_view digits)
{
    return maskMiddle(digits, 3, 4);
}

} // namespace simkyc::core

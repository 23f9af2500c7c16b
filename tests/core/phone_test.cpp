#include "core/phone.h"

#include <gtest/gtest.h>

#include <string>

namespace simkyc::core {
namespace {

PhoneRule failedRule(std::string_view input)
{
    auto checked = checkPhoneNumber(input);
    EXPECT_FALSE(checked.ok()) << input;
    if (!checked.ok()) {
        EXPECT_EQ(checked.error().code, ErrorCode::InvalidFormat) << input;
    }
    return checked.failedRule().value_or(PhoneRule::Characters);
}

TEST(PhoneNumber, AcceptsWrittenForms)
{
    for (const char *text :
         {"13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "+8613812345678", "+86-138-1234-5678",
          "008613812345678", "0086 138 1234 5678", "8613812345678", "86 138 1234 5678", "\t13812345678\r\n",
          "138\u30001234\u30005678", "\uFF11\uFF13\uFF18\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18",
          "\uFF0B\uFF18\uFF16 138\uFF0D1234\uFF0D5678"}) {
        auto checked = checkPhoneNumber(text);
        ASSERT_TRUE(checked.ok()) << text << ": " << checked.error().toString();
        EXPECT_EQ(checked.value().digits, "13812345678") << text;
        EXPECT_FALSE(checked.failedRule().has_value());
    }
}

TEST(PhoneNumber, PrefixRuleAcceptsExactly13To19)
{
    for (int prefix = 0; prefix <= 99; ++prefix) {
        const std::string text = (prefix < 10 ? "0" : "") + std::to_string(prefix) + "123456789";
        auto checked = checkPhoneNumber(text);
        const bool expected = prefix >= 13 && prefix <= 19;
        EXPECT_EQ(checked.ok(), expected) << text;
        if (!expected && !checked.ok()) {
            // "00" starts an international number, so the country code rule speaks first.
            EXPECT_EQ(checked.failedRule(), prefix == 0 ? PhoneRule::CountryCode : PhoneRule::Prefix) << text;
        }
    }
}

TEST(PhoneNumber, LengthRule)
{
    for (const char *text : {"", "1381234567", "138123456789", "+86", "0086", "+86 1381234567", "+86 138123456789",
                             "86138123456789", "861381234567", "1", "\u3000 "}) {
        EXPECT_EQ(failedRule(text), PhoneRule::Length) << text;
    }
}

TEST(PhoneNumber, BareEightySixIsOnlyACountryCodeInFrontOfElevenDigits)
{
    // 11 digits starting with 86 are a national number (and fail the prefix rule), not +86 + 9 digits.
    EXPECT_EQ(failedRule("86138123456"), PhoneRule::Prefix);
    auto with = parsePhoneNumber("8615912345678");
    ASSERT_TRUE(with.ok());
    EXPECT_EQ(with->digits, "15912345678");
}

TEST(PhoneNumber, CharactersRule)
{
    for (const char *text : {"138a2345678", "138.1234.5678", "(138)12345678", "+", "++8613812345678", "138+12345678",
                             "13812345678+", "\u4E2D13812345678", "138_1234_5678", "tel:13812345678"}) {
        EXPECT_EQ(failedRule(text), PhoneRule::Characters) << text;
    }
}

TEST(PhoneNumber, CountryCodeRule)
{
    for (const char *text : {"+1 650 555 1234", "+44 20 7946 0958", "+852 9123 4567", "0044 20 7946 0958", "00",
                             "001 650 555 1234", "+8", "+08613812345678"}) {
        EXPECT_EQ(failedRule(text), PhoneRule::CountryCode) << text;
    }
}

TEST(PhoneNumber, RulesAreCheckedInOrder)
{
    EXPECT_EQ(failedRule("+44 a"), PhoneRule::Characters);
    EXPECT_EQ(failedRule("+44 123"), PhoneRule::CountryCode);
    EXPECT_EQ(failedRule("+86 123"), PhoneRule::Length);
    EXPECT_EQ(failedRule("+86 12345678901"), PhoneRule::Prefix);
}

TEST(PhoneNumber, MessagesNameTheRuleAndNeverRepeatTheNumber)
{
    for (const char *text : {"1381234567x", "+44 13812345678", "1381234567", "12812345678"}) {
        auto checked = checkPhoneNumber(text);
        ASSERT_FALSE(checked.ok()) << text;
        const std::string &message = checked.error().message;
        EXPECT_EQ(message.rfind(std::string(phoneRuleName(*checked.failedRule())) + ": ", 0), 0u) << message;
        EXPECT_EQ(message.find("1234"), std::string::npos) << message;
    }
}

TEST(PhoneNumber, RuleNamesAreStable)
{
    EXPECT_EQ(phoneRuleName(PhoneRule::Characters), "characters");
    EXPECT_EQ(phoneRuleName(PhoneRule::CountryCode), "country_code");
    EXPECT_EQ(phoneRuleName(PhoneRule::Length), "length");
    EXPECT_EQ(phoneRuleName(PhoneRule::Prefix), "prefix");
}

TEST(PhoneNumber, Normalisation)
{
    EXPECT_EQ(normalisePhoneNumber(" +86 138-1234-5678 "), "+8613812345678");
    EXPECT_EQ(normalisePhoneNumber("\uFF11\uFF13\uFF18\u3000\uFF0D"), "138");
    EXPECT_EQ(normalisePhoneNumber("(138)"), "(138)");
    EXPECT_EQ(normalisePhoneNumber(""), "");
}

TEST(PhoneNumber, E164AndMasking)
{
    auto phone = parsePhoneNumber("138 1234 5678");
    ASSERT_TRUE(phone.ok());
    EXPECT_EQ(phone->e164(), "+8613812345678");
    EXPECT_EQ(maskPhoneNumber(phone->digits), "138****5678");
    EXPECT_EQ(maskPhoneNumber("1234567"), "*******");
    EXPECT_EQ(maskPhoneNumber(""), "");
}

} // namespace
} // namespace simkyc::core

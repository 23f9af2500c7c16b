#include "core/iccid.h"

#include <gtest/gtest.h>

#include <string>

namespace simkyc::core {
namespace {

// Check digits computed independently (Python); the first follows the published worked example
// 896588081210001114 -> 6.
const std::string kValid19 = "8965880812100011146";
const std::string kValid19b = "8986001122334455667";
const std::string kValid20 = "89860011223344556671";
const std::string kValid20b = "89012601234567890121";

IccidRule failedRule(std::string_view input)
{
    auto checked = checkIccid(input);
    EXPECT_FALSE(checked.ok()) << input;
    return checked.failedRule().value_or(IccidRule::Characters);
}

TEST(Luhn, KnownVectors)
{
    EXPECT_EQ(luhnCheckDigit("7992739871"), '3');
    EXPECT_TRUE(isLuhnValid("79927398713"));
    EXPECT_FALSE(isLuhnValid("79927398710"));
    EXPECT_EQ(luhnCheckDigit("896588081210001114"), '6');
    EXPECT_EQ(luhnCheckDigit("0"), '0');
    EXPECT_EQ(luhnCheckDigit("1"), '8');
    EXPECT_EQ(luhnCheckDigit("5"), '9'); // 5*2 = 10 -> 1
    EXPECT_TRUE(isLuhnValid("00"));
    EXPECT_TRUE(isLuhnValid("18"));
}

TEST(Luhn, RejectsNonDigits)
{
    EXPECT_FALSE(luhnCheckDigit("").has_value());
    EXPECT_FALSE(luhnCheckDigit("12a").has_value());
    EXPECT_FALSE(luhnCheckDigit("1 2").has_value());
    EXPECT_FALSE(isLuhnValid(""));
    EXPECT_FALSE(isLuhnValid("0")); // a lone check digit checks nothing
    EXPECT_FALSE(isLuhnValid("7992739871a"));
}

TEST(Luhn, ComputedDigitAlwaysValidates)
{
    for (const char *payload : {"1", "12", "123", "8986", "898600", "898600112233445566", "8986001122334455667",
                                "99999999999999999999", "00000000000000000001"}) {
        const std::string full = std::string(payload) + luhnCheckDigit(payload).value();
        EXPECT_TRUE(isLuhnValid(full)) << full;
        for (char other = '0'; other <= '9'; ++other) {
            if (other != full.back()) {
                EXPECT_FALSE(isLuhnValid(std::string(payload) + other)) << payload << other;
            }
        }
    }
}

TEST(Iccid, AcceptsValidNumbers)
{
    for (const std::string &iccid : {kValid19, kValid19b, kValid20, kValid20b}) {
        auto checked = checkIccid(iccid);
        ASSERT_TRUE(checked.ok()) << iccid << ": " << checked.error().toString();
        EXPECT_EQ(checked.value().digits, iccid);
        EXPECT_EQ(luhnCheckDigit(iccid.substr(0, iccid.size() - 1)), iccid.back());
    }
}

TEST(Iccid, NormalisesSpacesAndFullWidthDigits)
{
    for (const char *text : {"8986 0011 2233 4455 667", " 8986001122334455667\n", "8986\u30000011223344556 67",
                             "\uFF18\uFF19\uFF18\uFF16001122334455667"}) {
        auto parsed = parseIccid(text);
        ASSERT_TRUE(parsed.ok()) << text;
        EXPECT_EQ(parsed->digits, kValid19b);
    }
    EXPECT_EQ(normaliseIccid(" 89 86\u3000\uFF10 "), "89860");
}

// Luhn detects every single-digit substitution; the first two digits also fail the prefix rule.
TEST(Iccid, RejectsEverySingleDigitCorruption)
{
    for (const std::string &valid : {kValid19, kValid19b, kValid20, kValid20b}) {
        int corruptions = 0;
        for (std::size_t pos = 0; pos < valid.size(); ++pos) {
            for (char c = '0'; c <= '9'; ++c) {
                if (c == valid[pos])
                    continue;
                std::string corrupted = valid;
                corrupted[pos] = c;
                auto checked = checkIccid(corrupted);
                ASSERT_FALSE(checked.ok()) << corrupted;
                EXPECT_EQ(checked.failedRule(), pos < 2 ? IccidRule::IndustryPrefix : IccidRule::CheckDigit)
                    << corrupted;
                ++corruptions;
            }
        }
        EXPECT_EQ(corruptions, static_cast<int>(valid.size()) * 9);
    }
}

TEST(Iccid, LengthRuleAllowsOnly19Or20Digits)
{
    for (const char *text : {"", "8", "89"})
        EXPECT_EQ(failedRule(text), IccidRule::Length) << text;
    for (std::size_t length = 3; length <= 30; ++length) {
        const std::string payload = "89" + std::string(length - 3, '4');
        const std::string text = payload + luhnCheckDigit(payload).value(); // prefix and Luhn hold
        auto checked = checkIccid(text);
        if (length == 19 || length == 20) {
            EXPECT_TRUE(checked.ok()) << text;
        } else {
            ASSERT_FALSE(checked.ok()) << text;
            EXPECT_EQ(checked.failedRule(), IccidRule::Length) << text;
            EXPECT_EQ(checked.error().code, ErrorCode::InvalidFormat);
        }
    }
}

TEST(Iccid, CharactersRule)
{
    for (const char *text : {"898600112233445566F", "8986-0011-2233-4455-667", "8986001122334455667a",
                             "\u4E2D986001122334455667", "+8986001122334455667"}) {
        EXPECT_EQ(failedRule(text), IccidRule::Characters) << text;
        EXPECT_EQ(checkIccid(text).error().code, ErrorCode::InvalidFormat);
    }
}

TEST(Iccid, IndustryPrefixRule)
{
    const std::string payload = "881234567890123456";
    const std::string luhnValid = payload + luhnCheckDigit(payload).value();
    EXPECT_EQ(failedRule(luhnValid), IccidRule::IndustryPrefix);
    EXPECT_EQ(checkIccid(luhnValid).error().code, ErrorCode::InvalidFormat);
}

TEST(Iccid, CheckDigitRule)
{
    auto checked = checkIccid("8986001122334455660");
    ASSERT_FALSE(checked.ok());
    EXPECT_EQ(checked.failedRule(), IccidRule::CheckDigit);
    EXPECT_EQ(checked.error().code, ErrorCode::ChecksumMismatch);
    EXPECT_EQ(failedRule("8986001122334455676"), IccidRule::CheckDigit); // adjacent digits swapped
}

TEST(Iccid, RulesAreCheckedInOrder)
{
    EXPECT_EQ(failedRule("12x"), IccidRule::Characters);
    EXPECT_EQ(failedRule("1234"), IccidRule::Length);
    EXPECT_EQ(failedRule("1234567890123456789"), IccidRule::IndustryPrefix);
}

TEST(Iccid, MessagesNameTheRuleAndNeverRepeatTheNumber)
{
    for (const char *text :
         {"8986001122334455667x", "898600112233445566", "8886001122334455667", "8986001122334455660"}) {
        auto checked = checkIccid(text);
        ASSERT_FALSE(checked.ok()) << text;
        const std::string &message = checked.error().message;
        EXPECT_EQ(message.rfind(std::string(iccidRuleName(*checked.failedRule())) + ": ", 0), 0u) << message;
        EXPECT_EQ(message.find("0011"), std::string::npos) << message;
    }
}

TEST(Iccid, RuleNamesAreStable)
{
    EXPECT_EQ(iccidRuleName(IccidRule::Characters), "characters");
    EXPECT_EQ(iccidRuleName(IccidRule::Length), "length");
    EXPECT_EQ(iccidRuleName(IccidRule::IndustryPrefix), "industry_prefix");
    EXPECT_EQ(iccidRuleName(IccidRule::CheckDigit), "check_digit");
}

} // namespace
} // namespace simkyc::core

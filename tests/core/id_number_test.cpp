#include "core/id_number.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace simkyc::core {
namespace {

const Date kToday{2024, 6, 15};

// The two published examples, then numbers whose check characters were computed independently
// (Python) so that together they cover all eleven check characters 0-9 and X.
const std::vector<std::string> kValid = {
    "360426199101010071", "11010519491231002X", "440308199901010012", "110101200002290018", "320102198002291235",
    "51010419700101001X", "650102200512310025", "810000199001010019", "830000198806160021", "710000196001010011",
    "460102200402291235", "110101198001016180", "110101198001011371", "110101198001011742", "110101198001015073",
    "110101198001015444", "110101198001011005", "110101198001013596", "110101198001013967", "110101198001014708",
    "110101198001012489", "11010119800101285X",
};

// Completes 17 digits with their check character (checked against known vectors below).
std::string withCheck(const std::string &first17)
{
    return first17 + idCheckCharacter(first17).value();
}

std::string idBornOn(const Date &birth)
{
    std::string date = birth.toIsoString();
    std::erase(date, '-');
    return withCheck("110105" + date + "123");
}

IdRule failedRule(std::string_view input, const Date &today = kToday, int minimumAge = kDefaultMinimumAgeYears)
{
    auto checked = checkIdNumber(input, today, minimumAge);
    EXPECT_FALSE(checked.ok()) << input;
    return checked.failedRule().value_or(IdRule::Length);
}

TEST(IdNumber, AcceptsValidNumbers)
{
    for (const std::string &id : kValid) {
        auto checked = checkIdNumber(id, kToday);
        ASSERT_TRUE(checked.ok()) << id << ": " << checked.error().toString();
        EXPECT_EQ(checked.value().text, id);
        EXPECT_FALSE(checked.failedRule().has_value());
    }
}

TEST(IdNumber, CheckCharacterMatchesKnownVectorsAndCoversAllEleven)
{
    std::set<char> seen;
    for (const std::string &id : kValid) {
        EXPECT_EQ(idCheckCharacter(id.substr(0, 17)), id[17]) << id;
        seen.insert(id[17]);
    }
    EXPECT_EQ(seen.size(), 11u);
}

TEST(IdNumber, CheckCharacterRejectsWrongInput)
{
    EXPECT_FALSE(idCheckCharacter("").has_value());
    EXPECT_FALSE(idCheckCharacter("3604261991010100").has_value());   // 16
    EXPECT_FALSE(idCheckCharacter("360426199101010071").has_value()); // 18
    EXPECT_FALSE(idCheckCharacter("36042619910101007X").has_value());
    EXPECT_FALSE(idCheckCharacter("3604261991010100 ").has_value());
}

TEST(IdNumber, ExtractsFields)
{
    auto a = parseIdNumber("360426199101010071", kToday);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->regionCode, "360426");
    EXPECT_EQ(a->birthDate, (Date{1991, 1, 1}));
    EXPECT_EQ(a->sequence, 7);
    EXPECT_EQ(a->sex, Sex::Male);

    auto b = parseIdNumber("11010519491231002X", kToday);
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->regionCode, "110105");
    EXPECT_EQ(b->birthDate, (Date{1949, 12, 31}));
    EXPECT_EQ(b->sequence, 2);
    EXPECT_EQ(b->sex, Sex::Female);
    EXPECT_EQ(b->text, "11010519491231002X");
}

TEST(IdNumber, SexFollowsParityOfSeventeenthDigit)
{
    for (int digit = 0; digit <= 9; ++digit) {
        const std::string id = withCheck("1101051990010112" + std::to_string(digit));
        auto parsed = parseIdNumber(id, kToday);
        ASSERT_TRUE(parsed.ok()) << id;
        EXPECT_EQ(parsed->sex, digit % 2 == 1 ? Sex::Male : Sex::Female) << id;
        EXPECT_EQ(parsed->sequence, 120 + digit);
    }
    EXPECT_EQ(sexName(Sex::Male), "male");
    EXPECT_EQ(sexName(Sex::Female), "female");
}

// Every single-character substitution of a valid number, with every character allowed at that
// position (digits everywhere, X only last), must be rejected. Where the corrupted digit cannot
// break an earlier rule (digits 3-6, 15-18), the check character is what catches it.
TEST(IdNumber, RejectsEverySingleCharacterCorruption)
{
    for (const std::string &valid : {std::string("360426199101010071"), std::string("11010519491231002X")}) {
        int corruptions = 0;
        for (std::size_t pos = 0; pos < 18; ++pos) {
            std::string allowed = "0123456789";
            if (pos == 17)
                allowed += 'X';
            for (char c : allowed) {
                if (c == valid[pos])
                    continue;
                std::string corrupted = valid;
                corrupted[pos] = c;
                auto checked = checkIdNumber(corrupted, kToday);
                ASSERT_FALSE(checked.ok()) << corrupted;
                ++corruptions;
                const bool onlyChecksumCanCatch = (pos >= 2 && pos <= 5) || pos >= 14;
                if (onlyChecksumCanCatch) {
                    EXPECT_EQ(checked.failedRule(), IdRule::CheckCharacter) << corrupted;
                }
            }
        }
        EXPECT_EQ(corruptions, 17 * 9 + 10);
    }
}

TEST(IdNumber, LengthRule)
{
    for (const char *text : {"", "36042619910101007", "3604261991010100711", "360426910101007", "X"}) {
        EXPECT_EQ(failedRule(text), IdRule::Length) << text;
        EXPECT_EQ(checkIdNumber(text, kToday).error().code, ErrorCode::InvalidFormat);
    }
}

TEST(IdNumber, CharactersRule)
{
    EXPECT_EQ(failedRule("36042619910101007A"), IdRule::Characters);
    EXPECT_EQ(failedRule("3604261991010100X1"), IdRule::Characters); // X only in the last place
    EXPECT_EQ(failedRule("X60426199101010071"), IdRule::Characters);
    EXPECT_EQ(failedRule("360426-19910101007"), IdRule::Characters);
    EXPECT_EQ(failedRule("36042619910101007\u4E2D"), IdRule::Characters); // 18 code points, not ASCII
    EXPECT_EQ(failedRule("\u4E2D60426199101010071"), IdRule::Characters);
    EXPECT_EQ(failedRule("360426199101010071\x80"), IdRule::Characters); // stray continuation byte
    EXPECT_EQ(checkIdNumber("36042619910101007A", kToday).error().code, ErrorCode::InvalidFormat);
}

TEST(IdNumber, RegionRuleAcceptsExactlyTheProvinceCodes)
{
    const std::set<int> provinces = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                                     44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};
    for (int code = 0; code <= 99; ++code) {
        const std::string prefix = (code < 10 ? "0" : "") + std::to_string(code);
        const std::string id = withCheck(prefix + "0105199101010" + "07");
        auto checked = checkIdNumber(id, kToday);
        EXPECT_EQ(isProvinceCode(code), provinces.count(code) == 1) << code;
        if (provinces.count(code) == 1) {
            EXPECT_TRUE(checked.ok()) << id;
        } else {
            ASSERT_FALSE(checked.ok()) << id;
            EXPECT_EQ(checked.failedRule(), IdRule::RegionCode) << id;
            EXPECT_EQ(checked.error().code, ErrorCode::InvalidFormat);
        }
    }
}

TEST(IdNumber, BirthDateMustExist)
{
    for (const char *date : {"20230229", "19000229", "20000230", "19910230", "19911301", "19910001", "19910100",
                             "19910132", "19910431", "00000101"}) {
        const std::string id = withCheck(std::string("110105") + date + "123");
        auto checked = checkIdNumber(id, kToday);
        ASSERT_FALSE(checked.ok()) << id;
        EXPECT_EQ(checked.failedRule(), IdRule::BirthDate) << id;
        EXPECT_EQ(checked.error().code, ErrorCode::InvalidDate);
    }
    EXPECT_TRUE(checkIdNumber(idBornOn(Date{2000, 2, 29}), kToday).ok());
    EXPECT_TRUE(checkIdNumber(idBornOn(Date{1996, 2, 29}), kToday).ok());
}

TEST(IdNumber, BirthDateMustNotBeInTheFuture)
{
    auto tomorrow = checkIdNumber(idBornOn(Date{2024, 6, 16}), kToday, 0);
    ASSERT_FALSE(tomorrow.ok());
    EXPECT_EQ(tomorrow.failedRule(), IdRule::FutureBirthDate);
    EXPECT_EQ(tomorrow.error().code, ErrorCode::InvalidDate);
    EXPECT_EQ(failedRule(idBornOn(Date{2030, 1, 1}), kToday, 0), IdRule::FutureBirthDate);
    EXPECT_EQ(failedRule(idBornOn(Date{2030, 1, 1})), IdRule::FutureBirthDate); // before the age rule
    EXPECT_TRUE(checkIdNumber(idBornOn(kToday), kToday, 0).ok());               // born today, no age limit
}

TEST(IdNumber, MinimumAgeBoundary)
{
    // Sixteenth birthday today: old enough. One day short: underage.
    EXPECT_TRUE(checkIdNumber(idBornOn(Date{2008, 6, 15}), kToday).ok());
    auto short1 = checkIdNumber(idBornOn(Date{2008, 6, 16}), kToday);
    ASSERT_FALSE(short1.ok());
    EXPECT_EQ(short1.failedRule(), IdRule::MinimumAge);
    EXPECT_EQ(short1.error().code, ErrorCode::Underage);
    EXPECT_EQ(short1.error().message, "minimum_age: the holder is younger than 16 years");
    EXPECT_TRUE(checkIdNumber(idBornOn(Date{2008, 6, 14}), kToday).ok());
}

TEST(IdNumber, MinimumAgeIsConfigurable)
{
    const std::string id = idBornOn(Date{2006, 6, 16}); // 17 years old on kToday, 18 tomorrow
    EXPECT_TRUE(checkIdNumber(id, kToday, 17).ok());
    EXPECT_EQ(failedRule(id, kToday, 18), IdRule::MinimumAge);
    EXPECT_TRUE(checkIdNumber(id, Date{2024, 6, 16}, 18).ok());
    EXPECT_TRUE(checkIdNumber(idBornOn(Date{2024, 1, 1}), kToday, 0).ok());
}

TEST(IdNumber, LeapDayBirthComesOfAgeOnFirstOfMarch)
{
    const std::string id = idBornOn(Date{2004, 2, 29});
    EXPECT_EQ(failedRule(id, Date{2021, 2, 28}, 17), IdRule::MinimumAge);
    EXPECT_TRUE(checkIdNumber(id, Date{2021, 3, 1}, 17).ok());
    EXPECT_TRUE(checkIdNumber(id, Date{2020, 2, 29}, 16).ok());
}

TEST(IdNumber, CheckCharacterRule)
{
    auto checked = checkIdNumber("360426199101010072", kToday);
    ASSERT_FALSE(checked.ok());
    EXPECT_EQ(checked.failedRule(), IdRule::CheckCharacter);
    EXPECT_EQ(checked.error().code, ErrorCode::ChecksumMismatch);
    EXPECT_EQ(failedRule("11010519491231002"
                         "0"),
              IdRule::CheckCharacter);
    EXPECT_EQ(failedRule("360426199101010701"), IdRule::CheckCharacter); // digits 16 and 17 swapped
}

TEST(IdNumber, RulesAreCheckedInOrder)
{
    // Each input breaks the named rule AND every later rule; only the first may be reported.
    EXPECT_EQ(failedRule("3604261991010100A"), IdRule::Length);
    EXPECT_EQ(failedRule("99042619910230007A"), IdRule::Characters);
    EXPECT_EQ(failedRule("990426199102300079"), IdRule::RegionCode);
    EXPECT_EQ(failedRule("360426199102300079"), IdRule::BirthDate);
    EXPECT_EQ(failedRule("360426203001010079"), IdRule::FutureBirthDate);
    EXPECT_EQ(failedRule("360426201001010079"), IdRule::MinimumAge);
    EXPECT_NE(idCheckCharacter("36042620100101007"), '9');
}

TEST(IdNumber, MessagesNameTheRuleAndNeverRepeatTheNumber)
{
    const std::vector<std::pair<std::string, IdRule>> cases = {
        {"36042619910101007", IdRule::Length},           {"36042619910101007A", IdRule::Characters},
        {"990426199101010071", IdRule::RegionCode},      {"360426199102300071", IdRule::BirthDate},
        {"360426203001010071", IdRule::FutureBirthDate}, {"360426201001010071", IdRule::MinimumAge},
        {"360426199101010072", IdRule::CheckCharacter},
    };
    for (const auto &[input, rule] : cases) {
        auto checked = checkIdNumber(input, kToday);
        ASSERT_FALSE(checked.ok()) << input;
        ASSERT_EQ(checked.failedRule(), rule) << input;
        const std::string &message = checked.error().message;
        EXPECT_EQ(message.rfind(std::string(idRuleName(rule)) + ": ", 0), 0u) << message;
        EXPECT_EQ(message.find(input.substr(0, 6)), std::string::npos) << message;
        EXPECT_EQ(message.find(input.substr(6, 8)), std::string::npos) << message;
        EXPECT_EQ(message.find(input.substr(14)), std::string::npos) << message;
    }
}

TEST(IdNumber, RuleNamesAreStableAndDistinct)
{
    EXPECT_EQ(idRuleName(IdRule::Length), "length");
    EXPECT_EQ(idRuleName(IdRule::Characters), "characters");
    EXPECT_EQ(idRuleName(IdRule::RegionCode), "region_code");
    EXPECT_EQ(idRuleName(IdRule::BirthDate), "birth_date");
    EXPECT_EQ(idRuleName(IdRule::FutureBirthDate), "future_birth_date");
    EXPECT_EQ(idRuleName(IdRule::MinimumAge), "minimum_age");
    EXPECT_EQ(idRuleName(IdRule::CheckCharacter), "check_character");
}

TEST(IdNumber, NormalisesFullWidthCaseAndSpaces)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"\uFF13\uFF16\uFF10\uFF14\uFF12\uFF16\uFF11\uFF19\uFF19\uFF11\uFF10\uFF11\uFF10\uFF11\uFF10\uFF10\uFF17"
         "\uFF11",
         "360426199101010071"},
        {"11010519491231002x", "11010519491231002X"},
        {"11010519491231002\uFF38", "11010519491231002X"},
        {"11010519491231002\uFF58", "11010519491231002X"},
        {"360426 19910101 0071", "360426199101010071"},
        {"  360426199101010071\t\r\n", "360426199101010071"},
        {"360426\u300019910101\u30000071", "360426199101010071"},
        {"\u3000 \uFF13\uFF16\uFF10426 1991\u30000101 007\uFF11 ", "360426199101010071"},
    };
    for (const auto &[input, expected] : cases) {
        EXPECT_EQ(normaliseIdNumber(input), expected) << input;
        auto parsed = parseIdNumber(input, kToday);
        ASSERT_TRUE(parsed.ok()) << input << ": " << parsed.error().toString();
        EXPECT_EQ(parsed->text, expected);
    }
}

TEST(IdNumber, NormalisationDoesNotInventCharacters)
{
    EXPECT_EQ(normaliseIdNumber(""), "");
    EXPECT_EQ(normaliseIdNumber(" \u3000 "), "");
    EXPECT_EQ(normaliseIdNumber("36-04"), "36-04");
    EXPECT_EQ(normaliseIdNumber("\uFF21"), "A"); // folded, then rejected by the characters rule
    EXPECT_EQ(failedRule("36042619910101007\uFF21"), IdRule::Characters);
}

TEST(IdNumber, Masking)
{
    EXPECT_EQ(maskIdNumber("360426199101010071"), "360***********0071");
    EXPECT_EQ(maskIdNumber("11010519491231002X"), "110***********002X");
    EXPECT_EQ(maskIdNumber("12345678"), "123*5678");
    EXPECT_EQ(maskIdNumber("1234567"), "*******") << "too short to show any of it";
    EXPECT_EQ(maskIdNumber(""), "");
}

} // namespace
} // namespace simkyc::core

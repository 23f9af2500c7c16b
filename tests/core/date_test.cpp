#include "core/date.h"

#include <gtest/gtest.h>

#include <chrono>

namespace simkyc::core {
namespace {

TEST(Date, LeapYears)
{
    EXPECT_TRUE(isLeapYear(2000));
    EXPECT_TRUE(isLeapYear(1600));
    EXPECT_TRUE(isLeapYear(2024));
    EXPECT_TRUE(isLeapYear(1996));
    EXPECT_FALSE(isLeapYear(1900));
    EXPECT_FALSE(isLeapYear(2100));
    EXPECT_FALSE(isLeapYear(2023));
    EXPECT_FALSE(isLeapYear(2001));
    static_assert(isLeapYear(2000) && !isLeapYear(1900));
}

TEST(Date, DaysInMonth)
{
    const int common[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 1; m <= 12; ++m) {
        EXPECT_EQ(daysInMonth(2023, m), common[m - 1]) << m;
        EXPECT_EQ(daysInMonth(2024, m), m == 2 ? 29 : common[m - 1]) << m;
    }
    EXPECT_EQ(daysInMonth(2024, 0), 0);
    EXPECT_EQ(daysInMonth(2024, 13), 0);
    EXPECT_EQ(daysInMonth(2024, -1), 0);
}

TEST(Date, Validity)
{
    EXPECT_TRUE((Date{2024, 2, 29}.isValid()));
    EXPECT_TRUE((Date{2000, 2, 29}.isValid()));
    EXPECT_TRUE((Date{1, 1, 1}.isValid()));
    EXPECT_TRUE((Date{9999, 12, 31}.isValid()));
    EXPECT_TRUE(Date{}.isValid());
    EXPECT_FALSE((Date{2023, 2, 29}.isValid()));
    EXPECT_FALSE((Date{1900, 2, 29}.isValid()));
    EXPECT_FALSE((Date{2024, 2, 30}.isValid()));
    EXPECT_FALSE((Date{2024, 4, 31}.isValid()));
    EXPECT_FALSE((Date{2024, 13, 1}.isValid()));
    EXPECT_FALSE((Date{2024, 0, 1}.isValid()));
    EXPECT_FALSE((Date{2024, 1, 0}.isValid()));
    EXPECT_FALSE((Date{2024, 1, 32}.isValid()));
    EXPECT_FALSE((Date{2024, -1, 1}.isValid()));
    EXPECT_FALSE((Date{0, 1, 1}.isValid()));
    EXPECT_FALSE((Date{10000, 1, 1}.isValid()));
}

TEST(Date, ValidityAgreesWithStdChronoForEveryYearMonthDay)
{
    for (int y = kMinYear; y <= kMaxYear; ++y) {
        for (int m = 0; m <= 13; ++m) {
            for (int d = 0; d <= 32; ++d) {
                const std::chrono::year_month_day ymd{std::chrono::year{y},
                                                      std::chrono::month{static_cast<unsigned>(m)},
                                                      std::chrono::day{static_cast<unsigned>(d)}};
                ASSERT_EQ((Date{y, m, d}.isValid()), ymd.ok()) << y << '-' << m << '-' << d;
            }
        }
    }
}

TEST(Date, ComparisonIsChronological)
{
    EXPECT_LT((Date{2023, 12, 31}), (Date{2024, 1, 1}));
    EXPECT_LT((Date{2024, 1, 31}), (Date{2024, 2, 1}));
    EXPECT_LT((Date{2024, 2, 28}), (Date{2024, 2, 29}));
    EXPECT_GT((Date{2024, 3, 1}), (Date{2024, 2, 29}));
    EXPECT_EQ((Date{2024, 3, 1}), (Date{2024, 3, 1}));
    EXPECT_NE((Date{2024, 3, 1}), (Date{2024, 3, 2}));
    EXPECT_LE((Date{2024, 3, 1}), (Date{2024, 3, 1}));
}

TEST(Date, DayNumbersMatchStdChronoAndRoundTripOverWholeRange)
{
    using namespace std::chrono;
    EXPECT_EQ((Date{1970, 1, 1}.toDayNumber()), 0);
    EXPECT_EQ((Date{1969, 12, 31}.toDayNumber()), -1);
    EXPECT_EQ((Date{2000, 3, 1}.toDayNumber()), 11017);
    const std::int64_t first = Date{kMinYear, 1, 1}.toDayNumber();
    const std::int64_t last = Date{kMaxYear, 12, 31}.toDayNumber();
    EXPECT_EQ(first, sys_days{year{kMinYear} / 1 / 1}.time_since_epoch().count());
    EXPECT_EQ(last, sys_days{year{kMaxYear} / 12 / 31}.time_since_epoch().count());
    Date previous = Date::fromDayNumber(first);
    EXPECT_EQ(previous, (Date{1, 1, 1}));
    for (std::int64_t n = first + 1; n <= last; ++n) {
        const Date date = Date::fromDayNumber(n);
        ASSERT_TRUE(date.isValid()) << n;
        ASSERT_LT(previous, date) << n;
        ASSERT_EQ(date.toDayNumber(), n);
        previous = date;
    }
    EXPECT_EQ(previous, (Date{9999, 12, 31}));
}

TEST(Date, FormatsIso8601)
{
    EXPECT_EQ((Date{2024, 2, 29}.toIsoString()), "2024-02-29");
    EXPECT_EQ((Date{1, 1, 1}.toIsoString()), "0001-01-01");
    EXPECT_EQ((Date{999, 10, 9}.toIsoString()), "0999-10-09");
    EXPECT_EQ((Date{9999, 12, 31}.toIsoString()), "9999-12-31");
}

TEST(Date, ParsesIso8601)
{
    auto d = parseIsoDate("2024-02-29");
    ASSERT_TRUE(d.ok()) << d.error().toString();
    EXPECT_EQ(*d, (Date{2024, 2, 29}));
    EXPECT_EQ(*parseIsoDate("0001-01-01"), (Date{1, 1, 1}));
    EXPECT_EQ(*parseIsoDate("9999-12-31"), (Date{9999, 12, 31}));
}

TEST(Date, FormatParseRoundTrip)
{
    for (std::int64_t n = Date{1899, 12, 25}.toDayNumber(); n <= Date{2101, 1, 5}.toDayNumber(); ++n) {
        const Date date = Date::fromDayNumber(n);
        auto parsed = parseIsoDate(date.toIsoString());
        ASSERT_TRUE(parsed.ok()) << date.toIsoString();
        ASSERT_EQ(*parsed, date);
    }
}

TEST(Date, RejectsMalformedText)
{
    for (const char *text :
         {"", "2024-2-29", "2024-02-9", "2024/02/29", "20240229", " 2024-02-29", "2024-02-29 ", "2024-02-29T00:00",
          "+024-02-29", "-024-02-29", "2O24-02-29", "2024-0a-01", "2024--2-29", "\uFF12\uFF10\uFF12\uFF14-02-29"}) {
        auto d = parseIsoDate(text);
        ASSERT_FALSE(d.ok()) << text;
        EXPECT_EQ(d.error().code, ErrorCode::InvalidFormat) << text;
    }
}

TEST(Date, RejectsDatesThatDoNotExist)
{
    for (const char *text : {"2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10",
                             "2024-01-00", "2024-01-32", "0000-01-01"}) {
        auto d = parseIsoDate(text);
        ASSERT_FALSE(d.ok()) << text;
        EXPECT_EQ(d.error().code, ErrorCode::InvalidDate) << text;
        EXPECT_EQ(d.error().message.find(text), std::string::npos) << "message repeats the input";
    }
}

TEST(Date, AgeInWholeYears)
{
    const Date birth{2008, 6, 15};
    EXPECT_EQ(ageInYears(birth, Date{2024, 6, 14}), 15);
    EXPECT_EQ(ageInYears(birth, Date{2024, 6, 15}), 16);
    EXPECT_EQ(ageInYears(birth, Date{2024, 6, 16}), 16);
    EXPECT_EQ(ageInYears(birth, Date{2024, 5, 31}), 15);
    EXPECT_EQ(ageInYears(birth, Date{2024, 7, 1}), 16);
    EXPECT_EQ(ageInYears(birth, Date{2024, 12, 31}), 16);
    EXPECT_EQ(ageInYears(birth, Date{2025, 1, 1}), 16);
    EXPECT_EQ(ageInYears(birth, birth), 0);
    EXPECT_EQ(ageInYears(birth, Date{2008, 6, 14}), -1);
}

TEST(Date, AgeOfLeapDayBirthTurnsOnFirstOfMarchInCommonYears)
{
    const Date birth{2004, 2, 29};
    EXPECT_EQ(ageInYears(birth, Date{2021, 2, 28}), 16);
    EXPECT_EQ(ageInYears(birth, Date{2021, 3, 1}), 17);
    EXPECT_EQ(ageInYears(birth, Date{2024, 2, 28}), 19);
    EXPECT_EQ(ageInYears(birth, Date{2024, 2, 29}), 20);
}

} // namespace
} // namespace simkyc::core

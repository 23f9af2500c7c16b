#include "core/opening_hours.h"

#include <gtest/gtest.h>

namespace simkyc::core {
namespace {

constexpr int at(int hours, int minutes)
{
    return hours * 60 + minutes;
}

TEST(OpeningHours, ADaytimeShopOpensAtItsFirstMinuteAndIsClosedAtItsLast)
{
    auto hours = parseOpeningHours("09:00-20:30");
    ASSERT_TRUE(hours.ok()) << hours.error().message;
    EXPECT_FALSE(hours->contains(at(8, 59)));
    EXPECT_TRUE(hours->contains(at(9, 0)));
    EXPECT_TRUE(hours->contains(at(20, 29)));
    EXPECT_FALSE(hours->contains(at(20, 30)));
    EXPECT_FALSE(hours->contains(at(2, 0)));
    EXPECT_EQ(hours->toString(), "09:00-20:30");
}

TEST(OpeningHours, HoursThatSpanMidnightWrapAround)
{
    auto hours = parseOpeningHours("18:00-02:00");
    ASSERT_TRUE(hours.ok());
    EXPECT_TRUE(hours->contains(at(23, 59)));
    EXPECT_TRUE(hours->contains(at(0, 0)));
    EXPECT_TRUE(hours->contains(at(1, 59)));
    EXPECT_FALSE(hours->contains(at(2, 0)));
    EXPECT_FALSE(hours->contains(at(12, 0)));
    EXPECT_FALSE(hours->contains(-1));
    EXPECT_FALSE(hours->contains(at(24, 0)));
}

TEST(OpeningHours, AnythingButTwoDifferent24HourTimesIsRefused)
{
    for (const char *text : {"", "9:00-20:00", "09:00-24:00", "09:60-20:00", "09:00 - 20:00", "09:00-09:00",
                             "09:00-20:00x", "09.00-20.00", "0900-2000", "-09:00-20:0"})
        EXPECT_EQ(parseOpeningHours(text).error().code, ErrorCode::InvalidFormat) << '"' << text << '"';
}

} // namespace
} // namespace simkyc::core

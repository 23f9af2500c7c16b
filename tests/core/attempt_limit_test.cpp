#include "core/attempt_limit.h"

#include <gtest/gtest.h>

namespace simkyc::core {
namespace {

using namespace std::chrono_literals;
const AttemptLimiter::TimePoint t0{std::chrono::hours(500000)};

TEST(AttemptLimiter, ThreeSessionsPerCustomerWithinTenMinutes)
{
    AttemptLimiter limits;
    EXPECT_EQ(limits.remaining("a", t0), 3);
    EXPECT_TRUE(limits.tryStart("a", t0));
    EXPECT_TRUE(limits.tryStart("a", t0 + 1min));
    EXPECT_TRUE(limits.tryStart("a", t0 + 2min));
    EXPECT_EQ(limits.remaining("a", t0 + 2min), 0);
    EXPECT_FALSE(limits.tryStart("a", t0 + 9min));
    EXPECT_EQ(limits.nextAllowedAt("a", t0 + 9min), t0 + 10min);
    // Another customer is not affected.
    EXPECT_TRUE(limits.tryStart("b", t0 + 9min));
    // The first attempt leaves the window at exactly ten minutes: one more is allowed, not three.
    EXPECT_FALSE(limits.tryStart("a", t0 + 10min - 1s));
    EXPECT_TRUE(limits.tryStart("a", t0 + 10min));
    EXPECT_FALSE(limits.tryStart("a", t0 + 10min + 30s));
    EXPECT_EQ(limits.nextAllowedAt("a", t0 + 10min + 30s), t0 + 11min);
}

TEST(AttemptLimiter, ARefusedTryCountsNothingAndOldCustomersAreForgotten)
{
    AttemptLimiter limits(2, 60s);
    EXPECT_TRUE(limits.tryStart("a", t0));
    EXPECT_TRUE(limits.tryStart("a", t0 + 10s));
    for (int i = 0; i < 5; ++i)
        EXPECT_FALSE(limits.tryStart("a", t0 + 20s));
    EXPECT_EQ(limits.nextAllowedAt("a", t0 + 20s), t0 + 60s); // the refused tries did not push it back
    EXPECT_TRUE(limits.tryStart("b", t0 + 30s));
    EXPECT_EQ(limits.trackedKeys(t0 + 30s), 2u);
    EXPECT_EQ(limits.trackedKeys(t0 + 71s), 1u); // a's attempts left the window
    EXPECT_EQ(limits.trackedKeys(t0 + 91s), 0u);
    EXPECT_EQ(limits.remaining("a", t0 + 91s), 2);
}

TEST(AttemptLimiter, LimitsBelowOneAreRaisedToOne)
{
    AttemptLimiter limits(0, 0s);
    EXPECT_EQ(limits.maxAttempts(), 1);
    EXPECT_TRUE(limits.tryStart("a", t0));
    EXPECT_FALSE(limits.tryStart("a", t0));
    EXPECT_TRUE(limits.tryStart("a", t0 + 1s));
}

} // namespace
} // namespace simkyc::core

#include "core/quota.h"

#include <gtest/gtest.h>

namespace simkyc::core {
namespace {

TEST(Quota, OnlyIssuedOrStillUndecidedRegistrationsHoldASlot)
{
    EXPECT_TRUE(holdsQuotaSlot(Decision::Match, false));
    EXPECT_TRUE(holdsQuotaSlot(Decision::ManualApproved, false));
    EXPECT_TRUE(holdsQuotaSlot(std::nullopt, false)) << "the manager may still approve it";
    // The attack the rule stops: an impostor with the victim's ID card fails on purpose, five times,
    // and the victim can no longer get a number.
    EXPECT_FALSE(holdsQuotaSlot(Decision::NoMatch, false));
    EXPECT_FALSE(holdsQuotaSlot(Decision::ManualRejected, false));
}

} // namespace
} // namespace simkyc::core

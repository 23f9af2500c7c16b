#include "core/quota.h"

#include <gtest/gtest.h>

namespace simkyc::core {
namespace {

TEST(Quota, OnlyIssuedOrStillUndecidedRegistrationsHoldASlot)
{
    EXPECT_TRUE(holdsQuotaSlot(Decision::Match));
    EXPECT_TRUE(holdsQuotaSlot(Decision::ManualApproved));
    EXPECT_TRUE(holdsQuotaSlot(std::nullopt)) << "the manager may still approve it";
    // The attack the rule stops: an impostor with the victim's ID card fails on purpose, five times,
    // and the victim can no longer get a number.
    EXPECT_FALSE(holdsQuotaSlot(Decision::NoMatch));
    EXPECT_FALSE(holdsQuotaSlot(Decision::ManualRejected));
}

} // namespace
} // namespace simkyc::core

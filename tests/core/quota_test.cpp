#include "core/quota.h"

#include <gtest/gtest.h>

namespace simkyc::core {
namespace {

using S = RegistrationState;

TEST(Quota, OnlyIssuedOrStillUndecidedRegistrationsHoldASlot)
{
    EXPECT_TRUE(holdsQuotaSlot(S::Recorded, Decision::Match));
    EXPECT_TRUE(holdsQuotaSlot(S::Synced, Decision::Match));
    EXPECT_TRUE(holdsQuotaSlot(S::Recorded, Decision::ManualApproved));
    EXPECT_TRUE(holdsQuotaSlot(S::ManualReview, std::nullopt)) << "the manager may still approve it";
    // The attack the rule stops: an impostor with the victim's ID card fails on purpose, five times,
    // and the victim can no longer get a number.
    EXPECT_FALSE(holdsQuotaSlot(S::Recorded, Decision::NoMatch));
    EXPECT_FALSE(holdsQuotaSlot(S::Recorded, Decision::ManualRejected));
    // Combinations no kiosk writes count, so that a forged or damaged record cannot escape the quota.
    EXPECT_TRUE(holdsQuotaSlot(S::Recorded, std::nullopt));
    EXPECT_TRUE(holdsQuotaSlot(S::Draft, std::nullopt));
}

} // namespace
} // namespace simkyc::core

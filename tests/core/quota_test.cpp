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
    EXPECT_FALSE(holdsQuotaSlot(S::Recorded, std::nullopt)) << "a record without an outcome issued nothing";
}

} // namespace
} // namespace simkyc::core

// Review rules: which decision fits which state, the reason lists, names round-trip.
#include "core/review.h"

#include <gtest/gtest.h>

namespace simkyc::core {
namespace {

constexpr std::array<ReviewDecision, 4> kAll = {ReviewDecision::Approved, ReviewDecision::Flagged,
                                                ReviewDecision::ManualApproved, ReviewDecision::ManualRejected};

TEST(Review, NamesRoundTripAndUnknownNamesAreRefused)
{
    for (ReviewDecision d : kAll) {
        auto parsed = parseReviewDecision(reviewDecisionName(d));
        ASSERT_TRUE(parsed);
        EXPECT_EQ(*parsed, d);
    }
    EXPECT_FALSE(parseReviewDecision("Approved"));
    EXPECT_FALSE(parseReviewDecision(""));
}

TEST(Review, OnlyAHandedOverRecordGetsAManualDecisionAndItNeedsOne)
{
    for (RegistrationState state : kAllRegistrationStates) {
        for (ReviewDecision d : kAll) {
            const bool manual = d == ReviewDecision::ManualApproved || d == ReviewDecision::ManualRejected;
            const bool fits = manual ? state == RegistrationState::ManualReview
                                     : state == RegistrationState::Recorded || state == RegistrationState::Synced;
            const Status s = checkReview(state, d, reviewReasons(d).front());
            EXPECT_EQ(s.ok(), fits) << stateName(state) << " " << reviewDecisionName(d);
            // The manual outcome is one the state machine accepts after manual_review.
            if (manual)
                EXPECT_TRUE(isDecisionConsistent(RegistrationState::ManualReview, *outcomeOf(d)));
            else
                EXPECT_FALSE(outcomeOf(d).has_value());
        }
    }
}

TEST(Review, EveryDecisionAcceptsOnlyItsOwnReasons)
{
    for (ReviewDecision d : kAll) {
        const RegistrationState state = d == ReviewDecision::ManualApproved || d == ReviewDecision::ManualRejected
                                            ? RegistrationState::ManualReview
                                            : RegistrationState::Recorded;
        ASSERT_FALSE(reviewReasons(d).empty());
        for (std::string_view reason : reviewReasons(d))
            EXPECT_TRUE(checkReview(state, d, reason).ok()) << reason;
        EXPECT_FALSE(checkReview(state, d, "").ok());
        EXPECT_FALSE(checkReview(state, d, "Checked").ok());
    }
    EXPECT_FALSE(checkReview(RegistrationState::Recorded, ReviewDecision::Approved, "photo_mismatch").ok());
    EXPECT_FALSE(checkReview(RegistrationState::ManualReview, ReviewDecision::ManualApproved, "customer_left").ok());
}

} // namespace
} // namespace simkyc::core

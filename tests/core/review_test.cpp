// Review rules: which decision fits which state, the reason lists, names round-trip.
#include "core/quota.h"
#include "core/review.h"

#include <gtest/gtest.h>

namespace simkyc::core {
namespace {

constexpr std::array<ReviewDecision, 5> kAll = {ReviewDecision::Approved, ReviewDecision::Flagged,
                                                ReviewDecision::ManualApproved, ReviewDecision::ManualRejected,
                                                ReviewDecision::Cancelled};

bool isManual(ReviewDecision d)
{
    return d == ReviewDecision::ManualApproved || d == ReviewDecision::ManualRejected;
}

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
            const bool fits = isManual(d) ? state == RegistrationState::ManualReview
                                          : state == RegistrationState::Recorded || state == RegistrationState::Synced;
            const std::optional<Decision> outcome =
                state == RegistrationState::ManualReview ? std::nullopt : std::optional(Decision::Match);
            const Status s = checkReview(state, outcome, d, reviewReasons(d).front());
            EXPECT_EQ(s.ok(), fits) << stateName(state) << " " << reviewDecisionName(d);
            // The manual outcome is one the state machine accepts after manual_review.
            if (isManual(d))
                EXPECT_TRUE(isDecisionConsistent(RegistrationState::ManualReview, *outcomeOf(d)));
            else
                EXPECT_FALSE(outcomeOf(d).has_value());
        }
    }
}

TEST(Review, OnlyANumberThatWasIssuedCanBeCancelled)
{
    const auto cancel = [](std::optional<Decision> outcome) {
        return checkReview(RegistrationState::Recorded, outcome, ReviewDecision::Cancelled, "customer_request").ok();
    };
    EXPECT_TRUE(cancel(Decision::Match));
    EXPECT_TRUE(cancel(Decision::ManualApproved));
    // A failed attempt issued no SIM and holds no place: "cancelling" it frees nothing and would only
    // hide the attempt from the day's figures.
    EXPECT_FALSE(cancel(Decision::NoMatch));
    EXPECT_FALSE(cancel(Decision::ManualRejected));
    EXPECT_FALSE(cancel(std::nullopt));
    // A hand-over not decided yet gets the manager's rejection, not a cancellation.
    EXPECT_FALSE(
        checkReview(RegistrationState::ManualReview, std::nullopt, ReviewDecision::Cancelled, "customer_request").ok());
    // What it is for: the cancelled number no longer holds its person's place.
    EXPECT_TRUE(holdsQuotaSlot(Decision::Match, false));
    EXPECT_FALSE(holdsQuotaSlot(Decision::Match, true));
    EXPECT_FALSE(holdsQuotaSlot(Decision::ManualApproved, true));
}

TEST(Review, EveryDecisionAcceptsOnlyItsOwnReasons)
{
    for (ReviewDecision d : kAll) {
        const RegistrationState state = isManual(d) ? RegistrationState::ManualReview : RegistrationState::Recorded;
        const std::optional<Decision> outcome = isManual(d) ? std::nullopt : std::optional(Decision::Match);
        ASSERT_FALSE(reviewReasons(d).empty());
        for (std::string_view reason : reviewReasons(d))
            EXPECT_TRUE(checkReview(state, outcome, d, reason).ok()) << reason;
        EXPECT_FALSE(checkReview(state, outcome, d, "").ok());
        EXPECT_FALSE(checkReview(state, outcome, d, "Checked").ok());
    }
    EXPECT_FALSE(
        checkReview(RegistrationState::Recorded, Decision::Match, ReviewDecision::Approved, "photo_mismatch").ok());
    EXPECT_FALSE(
        checkReview(RegistrationState::ManualReview, std::nullopt, ReviewDecision::ManualApproved, "customer_left")
            .ok());
    EXPECT_FALSE(checkReview(RegistrationState::Recorded, Decision::Match, ReviewDecision::Cancelled, "checked").ok());
}

TEST(Review, OnlyTheApprovalOfAHandOverNeedsASecondPerson)
{
    EXPECT_FALSE(checkReviewer(ReviewDecision::ManualApproved, 7, 7).ok()) << "the SIM on one person's word";
    EXPECT_TRUE(checkReviewer(ReviewDecision::ManualApproved, 7, 8).ok());
    for (ReviewDecision d : kAll) {
        if (d != ReviewDecision::ManualApproved) {
            EXPECT_TRUE(checkReviewer(d, 7, 7).ok()) << reviewDecisionName(d) << " issues nothing";
        }
    }
}

} // namespace
} // namespace simkyc::core

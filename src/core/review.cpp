#include "core/review.h"

#include <algorithm>
#include <array>
#include <string>

namespace simkyc::core {
namespace {

constexpr std::array<std::string_view, 5> kNames = {"approved", "flagged", "manual_approved", "manual_rejected",
                                                    "cancelled"};

constexpr std::array<std::string_view, 1> kApprovedReasons = {"checked"};
constexpr std::array<std::string_view, 5> kFlaggedReasons = {"photo_mismatch", "document_suspect", "data_entry_error",
                                                             "customer_behaviour", "other"};
constexpr std::array<std::string_view, 2> kManualApprovedReasons = {"documents_checked_in_person",
                                                                    "second_document_checked"};
constexpr std::array<std::string_view, 3> kManualRejectedReasons = {"identity_not_confirmed", "document_suspect",
                                                                    "customer_left"};
constexpr std::array<std::string_view, 3> kCancelledReasons = {"customer_request", "lost_or_stolen", "fraud_suspected"};

} // namespace

std::string_view reviewDecisionName(ReviewDecision decision)
{
    const auto index = static_cast<std::size_t>(decision);
    return index < kNames.size() ? kNames[index] : "unknown";
}

Result<ReviewDecision> parseReviewDecision(std::string_view name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name)
            return static_cast<ReviewDecision>(i);
    }
    return {ErrorCode::InvalidFormat, "unknown review decision"};
}

std::span<const std::string_view> reviewReasons(ReviewDecision decision)
{
    switch (decision) {
    case ReviewDecision::Approved: return kApprovedReasons;
    case ReviewDecision::Flagged: return kFlaggedReasons;
    case ReviewDecision::ManualApproved: return kManualApprovedReasons;
    case ReviewDecision::ManualRejected: return kManualRejectedReasons;
    case ReviewDecision::Cancelled: return kCancelledReasons;
    }
    return {};
}

Status checkReview(RegistrationState state, std::optional<Decision> outcome, ReviewDecision decision,
                   std::string_view reason)
{
    const bool manual = decision == ReviewDecision::ManualApproved || decision == ReviewDecision::ManualRejected;
    if (manual && state != RegistrationState::ManualReview)
        return Error{ErrorCode::InvalidArgument, "a manual decision is only for a record handed to the manager, not " +
                                                     std::string(stateName(state))};
    if (!manual && state != RegistrationState::Recorded && state != RegistrationState::Synced)
        return Error{ErrorCode::InvalidArgument, "a record waiting for the manager's decision (" +
                                                     std::string(stateName(state)) +
                                                     ") needs manual_approved or manual_rejected"};
    if (decision == ReviewDecision::Cancelled && outcome != Decision::Match && outcome != Decision::ManualApproved)
        return Error{ErrorCode::InvalidArgument, "only an issued number (match or manual_approved) can be cancelled"};
    const auto reasons = reviewReasons(decision);
    if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end())
        return Error{ErrorCode::InvalidArgument,
                     "reason is not one of those for " + std::string(reviewDecisionName(decision))};
    return {};
}

Status checkReviewer(ReviewDecision decision, std::int64_t clerkId, std::int64_t reviewerId)
{
    if (decision == ReviewDecision::ManualApproved && clerkId == reviewerId)
        return Error{ErrorCode::InvalidArgument,
                     "a hand-over is approved by another manager than the one who registered the customer (four eyes)"};
    return {};
}

std::optional<Decision> outcomeOf(ReviewDecision decision)
{
    switch (decision) {
    case ReviewDecision::ManualApproved: return Decision::ManualApproved;
    case ReviewDecision::ManualRejected: return Decision::ManualRejected;
    default: return std::nullopt;
    }
}

} // namespace simkyc::core

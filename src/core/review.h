// The store manager's review of a stored registration: what may be decided, and with which reasons.
// Two kinds: a record the kiosk decided itself (outcome match / no_match) gets the end-of-day check,
// approved or flagged; a record handed to the manager (status manual_review) gets the identity
// decision, manual_approved or manual_rejected, which becomes its outcome. Every decision carries one
// reason code from a fixed list (shown in words by the GUI, explained in docs/operator-guide.md).
// A third kind is not a judgement but a fact: the SIM's number was cancelled ("cancelled", the
// deactivation of docs/upstream-api.md), which frees the person's quota place (core/quota.h). Only
// a number that was issued (outcome match or manual_approved) can be cancelled, once.
// Guarantees: names are stable snake_case strings (stored in the database and the audit log).
// Thread-safety: pure functions on constant tables; thread-safe.
#pragma once

#include "core/registration.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace simkyc::core {

enum class ReviewDecision {
    Approved,       // "approved": the end-of-day check found nothing wrong
    Flagged,        // "flagged": something needs a second look (the carrier is told by the report)
    ManualApproved, // "manual_approved": the manager confirmed the identity in person
    ManualRejected, // "manual_rejected": the manager could not confirm the identity
    Cancelled,      // "cancelled": the number was cancelled (returned, lost, fraud); frees the quota place
};

[[nodiscard]] std::string_view reviewDecisionName(ReviewDecision decision);
// InvalidFormat for an unknown name.
[[nodiscard]] Result<ReviewDecision> parseReviewDecision(std::string_view name);

// The reason codes a decision accepts, the first being the usual one.
[[nodiscard]] std::span<const std::string_view> reviewReasons(ReviewDecision decision);

// Whether `decision` with `reason` may be recorded for a registration in `state` with `outcome`:
// manual decisions only for ManualReview, approve/flag only for Recorded and Synced, a cancellation
// only for a number issued (Recorded or Synced with outcome Match or ManualApproved); the reason from
// reviewReasons(). InvalidArgument naming the rule otherwise. That a number is cancelled once only
// needs the record's history: the store and the carrier check it.
[[nodiscard]] Status checkReview(RegistrationState state, std::optional<Decision> outcome, ReviewDecision decision,
                                 std::string_view reason);

// Four eyes: the manager who approves a hand-over (ManualApproved: the SIM goes out on a person's
// word instead of the face check) is not the staff member who made the registration. Rejecting one's
// own hand-over, approving, flagging or cancelling issues nothing and stays allowed.
// InvalidArgument otherwise. The ids are the store's staff ids.
[[nodiscard]] Status checkReviewer(ReviewDecision decision, std::int64_t clerkId, std::int64_t reviewerId);

// The outcome a manual decision gives the registration (ManualApproved/ManualRejected); none for
// approve/flag, which leave the outcome as the kiosk decided it.
[[nodiscard]] std::optional<Decision> outcomeOf(ReviewDecision decision);

} // namespace simkyc::core

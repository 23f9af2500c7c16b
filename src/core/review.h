// The store manager's review of a stored registration: what may be decided, and with which reasons.
// Two kinds: a record the kiosk decided itself (outcome match / no_match) gets the end-of-day check,
// approved or flagged; a record handed to the manager (status manual_review) gets the identity
// decision, manual_approved or manual_rejected, which becomes its outcome. Every decision carries one
// reason code from a fixed list (shown in words by the GUI, explained in docs/operator-guide.md).
// Guarantees: names are stable snake_case strings (stored in the database and the audit log).
// Thread-safety: pure functions on constant tables; thread-safe.
#pragma once

#include "core/registration.h"
#include "core/result.h"

#include <optional>
#include <span>
#include <string_view>

namespace simkyc::core {

enum class ReviewDecision {
    Approved,       // "approved": the end-of-day check found nothing wrong
    Flagged,        // "flagged": something needs a second look (the carrier is told by the report)
    ManualApproved, // "manual_approved": the manager confirmed the identity in person
    ManualRejected, // "manual_rejected": the manager could not confirm the identity
};

[[nodiscard]] std::string_view reviewDecisionName(ReviewDecision decision);
// InvalidFormat for an unknown name.
[[nodiscard]] Result<ReviewDecision> parseReviewDecision(std::string_view name);

// The reason codes a decision accepts, the first being the usual one.
[[nodiscard]] std::span<const std::string_view> reviewReasons(ReviewDecision decision);

// Whether `decision` with `reason` may be recorded for a registration in `state`: manual decisions
// only for ManualReview, approve/flag only for Recorded and Synced; the reason from reviewReasons().
// InvalidArgument naming the rule otherwise.
[[nodiscard]] Status checkReview(RegistrationState state, ReviewDecision decision, std::string_view reason);

// The outcome a manual decision gives the registration (ManualApproved/ManualRejected); none for
// approve/flag, which leave the outcome as the kiosk decided it.
[[nodiscard]] std::optional<Decision> outcomeOf(ReviewDecision decision);

} // namespace simkyc::core

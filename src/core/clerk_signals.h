// Per-clerk signals for the store manager: a clerk who colludes leaves a pattern in the records
// (more failed matches, more hand-overs to a manager, more manual approvals, more retries, a staff
// face, registrations outside the opening hours, one manager approving their hand-overs) than the
// store's other clerks. Counts per clerk over a period, and one flag rule against
// the store's own baseline.
// The rule (flagClerks): for each measure, a clerk is flagged when they have at least
// kMinFlagEvents such records and their rate per registration exceeds twice the rate of all the
// other clerks together plus kFlagSlack (leave-one-out: a clerk's own records do not raise the
// baseline they are compared with; the slack keeps a store with almost no failures from flagging
// a clerk for three). A staff face and an approval without a review are flagged from the first one.
// The pair rule (inside flagClerks): a manager M who approved at least kMinFlagEvents of a clerk C's
// hand-overs is named beside C ("manager_pair") when M's approvals of C's registrations, per C's
// registration, exceed twice M's approvals of the other clerks', per their registration (M's own
// registrations left out: four eyes keeps M from approving them), plus kFlagSlack: the manager who
// waves one clerk's failures through and not the others'. Without other registrations to compare
// with (one clerk), or where a manager approves everyone's hand-overs alike, no pair is named.
// The rates are per registration with a fixed slack: a busy clerk stays under it with a few
// approvals a week (docs/threat-model.md, row 21).
// Pure (no I/O). Thread-safety: stateless functions.
#pragma once

#include "core/registration.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::core {

inline constexpr int kMinFlagEvents = 3;
// RegistrationFacts::approvedBy of a hand-over approved with no review on file: the kiosk writes the
// review and the outcome in one transaction, so only a row written into the database directly has
// one ("approvals_without_review", flagged from the first).
inline constexpr std::int64_t kNoReviewOnFile = -1;
inline constexpr double kFlagSlack = 0.05;

// What a record says about its clerk (from the store's clear metadata; nothing decrypted).
struct RegistrationFacts {
    std::int64_t clerkId = 0;
    RegistrationState status = RegistrationState::Recorded;
    std::optional<Decision> outcome;
    std::vector<std::string> reasons; // the record's reason codes
    int faceChecks = 0;               // face checks of the registration (1 + retries; 0 for a manual check)
    bool outsideOpeningHours = false; // made outside the shop's opening hours (core/opening_hours.h)
    std::int64_t approvedBy = 0;      // the manager whose review approved the hand-over (0: not looked up)
};

struct ClerkCounts {
    std::int64_t clerkId = 0;
    int registrations = 0;
    int failedMatches = 0;                          // no_match because the face did not match the ID photo
    int livenessFailures = 0;                       // no_match because liveness failed
    int staffFaces = 0;                             // no_match because the face was a staff member's
    int retries = 0;                                // face checks beyond the first, summed
    int handOvers = 0;                              // handed to the manager (by the clerk or at the customer's request)
    int manualApprovals = 0;                        // hand-overs the manager approved
    int outsideHours = 0;                           // registrations outside the opening hours
    int approvalsWithoutReview = 0;                 // manual approvals with no review on file (kNoReviewOnFile)
    std::map<std::int64_t, int> approvalsByManager; // manual approvals by the approving manager's id
};

struct ClerkSignal {
    ClerkCounts counts;
    // "failed_matches", "liveness_failures", "staff_faces", "retries", "hand_overs", "manual_approvals",
    // "outside_hours", "approvals_without_review", "manager_pair" (then pairedManagers names the managers)
    std::vector<std::string> flags;
    std::vector<std::int64_t> pairedManagers; // by id
};

// One row per clerk with records, by clerk id.
[[nodiscard]] std::vector<ClerkCounts> countByClerk(const std::vector<RegistrationFacts> &records);
[[nodiscard]] std::vector<ClerkSignal> flagClerks(const std::vector<ClerkCounts> &clerks);

} // namespace simkyc::core

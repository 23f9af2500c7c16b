// Per-clerk signals for the store manager: a clerk who colludes leaves a pattern in the records
// (more failed matches, more hand-overs to a manager, more manual approvals, more retries, a staff
// face) than the store's other clerks. Counts per clerk over a period, and one flag rule against
// the store's own baseline.
// The rule (flagClerks): for each measure, a clerk is flagged when they have at least
// kMinFlagEvents such records and their rate per registration exceeds twice the rate of all the
// other clerks together plus kFlagSlack (leave-one-out: a clerk's own records do not raise the
// baseline they are compared with; the slack keeps a store with almost no failures from flagging
// a clerk for three). A staff face is flagged from the first one.
// Pure (no I/O). Thread-safety: stateless functions.
#pragma once

#include "core/registration.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::core {

inline constexpr int kMinFlagEvents = 3;
inline constexpr double kFlagSlack = 0.05;

// What a record says about its clerk (from the store's clear metadata; nothing decrypted).
struct RegistrationFacts {
    std::int64_t clerkId = 0;
    RegistrationState status = RegistrationState::Recorded;
    std::optional<Decision> outcome;
    std::vector<std::string> reasons; // the record's reason codes
    int faceChecks = 0;               // face checks of the registration (1 + retries; 0 for a manual check)
};

struct ClerkCounts {
    std::int64_t clerkId = 0;
    int registrations = 0;
    int failedMatches = 0;    // no_match because the face did not match the ID photo
    int livenessFailures = 0; // no_match because liveness failed
    int staffFaces = 0;       // no_match because the face was a staff member's
    int retries = 0;          // face checks beyond the first, summed
    int handOvers = 0;        // handed to the manager (by the clerk or at the customer's request)
    int manualApprovals = 0;  // hand-overs the manager approved
};

struct ClerkSignal {
    ClerkCounts counts;
    // "failed_matches", "liveness_failures", "staff_faces", "retries", "hand_overs", "manual_approvals"
    std::vector<std::string> flags;
};

// One row per clerk with records, by clerk id.
[[nodiscard]] std::vector<ClerkCounts> countByClerk(const std::vector<RegistrationFacts> &records);
[[nodiscard]] std::vector<ClerkSignal> flagClerks(const std::vector<ClerkCounts> &clerks);

} // namespace simkyc::core

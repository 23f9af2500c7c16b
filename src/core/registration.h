// Registration lifecycle: the states a SIM registration passes through and the ONE table of legal
// transitions between them (see kTransitions in registration.cpp, listed by legalTransitions()).
// Guarantees: a Registration is only ever in a state reached from Draft by legal transitions;
// state and decision names are stable snake_case strings (stored in the database and JSON).
// Thread-safety: free functions are pure and thread-safe; Registration is a value type, one
// instance per thread.
#pragma once

#include "core/result.h"

#include <array>
#include <span>
#include <string_view>
#include <vector>

namespace simkyc::core {

enum class RegistrationState {
    Draft,          // "draft": nothing captured yet
    IdCaptured,     // "id_captured": ID number and card photo read
    Consented,      // "consented": customer agreed to face capture; liveness (re)starts here
    LivenessPassed, // "liveness_passed"
    LivenessFailed, // "liveness_failed": retry from Consented, or record the failure
    Matched,        // "matched": live face matches the card photo
    Mismatched,     // "mismatched": retry, send to manual review, or record the failure
    Recorded,       // "recorded": outcome stored locally (success or failure)
    Synced,         // "synced": outcome accepted upstream; final
    ManualReview,   // "manual_review": a person decides (borderline score or escalated mismatch)
};

inline constexpr std::array<RegistrationState, 10> kAllRegistrationStates = {
    RegistrationState::Draft,          RegistrationState::IdCaptured,     RegistrationState::Consented,
    RegistrationState::LivenessPassed, RegistrationState::LivenessFailed, RegistrationState::Matched,
    RegistrationState::Mismatched,     RegistrationState::Recorded,       RegistrationState::Synced,
    RegistrationState::ManualReview,
};

struct Transition {
    RegistrationState from;
    RegistrationState to;
};

// The transition table itself (for documentation, diagrams and tests).
[[nodiscard]] std::span<const Transition> legalTransitions();
[[nodiscard]] bool isLegalTransition(RegistrationState from, RegistrationState to);

[[nodiscard]] std::string_view stateName(RegistrationState state);
// InvalidFormat for an unknown name. Exact, case-sensitive match.
[[nodiscard]] Result<RegistrationState> parseState(std::string_view name);

// How the identity check ended; stored with the Recorded outcome.
enum class Decision {
    Match,          // "match": automatic, face matched
    NoMatch,        // "no_match": automatic, liveness failed or face did not match
    ManualApproved, // "manual_approved": a reviewer accepted
    ManualRejected, // "manual_rejected": a reviewer refused
};

[[nodiscard]] std::string_view decisionName(Decision decision);
[[nodiscard]] Result<Decision> parseDecision(std::string_view name);

// Whether `decision` fits the state a registration was in just before Recorded:
// Matched -> Match; Mismatched, LivenessFailed -> NoMatch; ManualReview -> ManualApproved or
// ManualRejected. False for every other state.
[[nodiscard]] bool isDecisionConsistent(RegistrationState beforeRecorded, Decision decision);

class Registration {
public:
    Registration() = default; // starts in Draft

    // Rebuilds a registration from a stored history (first entry Draft, each step legal).
    // InvalidTransition naming the first bad step otherwise.
    [[nodiscard]] static Result<Registration> fromHistory(std::span<const RegistrationState> history);

    [[nodiscard]] RegistrationState state() const { return m_history.back(); }
    // Every state entered, oldest first; history().front() is Draft, back() is state().
    [[nodiscard]] const std::vector<RegistrationState> &history() const { return m_history; }

    // Moves to `next` when the table allows it; otherwise InvalidTransition naming both states,
    // and nothing changes.
    [[nodiscard]] Status transitionTo(RegistrationState next);

private:
    std::vector<RegistrationState> m_history{RegistrationState::Draft};
};

} // namespace simkyc::core

#include "core/registration.h"

#include <string>

namespace simkyc::core {
namespace {

using S = RegistrationState;

// THE transition table. Anything not listed is illegal, including staying in the same state.
constexpr std::array<Transition, 17> kTransitions = {{
    {S::Draft, S::IdCaptured},
    {S::IdCaptured, S::Consented},
    {S::IdCaptured, S::ManualReview}, // the customer declines the face check: the non-face alternative
    {S::Consented, S::LivenessPassed},
    {S::Consented, S::LivenessFailed},
    {S::LivenessFailed, S::Consented},    // retry the face capture
    {S::LivenessFailed, S::Recorded},     // failed outcomes are recorded too, so the manager sees them
    {S::LivenessFailed, S::ManualReview}, // the clerk hands over to the manager instead of retrying
    {S::LivenessPassed, S::Matched},
    {S::LivenessPassed, S::Mismatched},
    {S::LivenessPassed, S::ManualReview}, // face-match score in the undecided band
    {S::Mismatched, S::Consented},        // retry the face capture
    {S::Mismatched, S::ManualReview},     // operator escalates instead of retrying
    {S::Mismatched, S::Recorded},
    {S::ManualReview, S::Recorded}, // with Decision ManualApproved or ManualRejected
    {S::Matched, S::Recorded},
    {S::Recorded, S::Synced},
}};

constexpr std::array<std::string_view, 4> kDecisionNames = {"match", "no_match", "manual_approved", "manual_rejected"};

Error transitionError(RegistrationState from, RegistrationState to)
{
    std::string message = "illegal transition from ";
    message += stateName(from);
    message += " to ";
    message += stateName(to);
    return Error{ErrorCode::InvalidTransition, std::move(message)};
}

} // namespace

std::span<const Transition> legalTransitions()
{
    return kTransitions;
}

bool isLegalTransition(RegistrationState from, RegistrationState to)
{
    for (const Transition &t : kTransitions) {
        if (t.from == from && t.to == to)
            return true;
    }
    return false;
}

std::string_view stateName(RegistrationState state)
{
    switch (state) {
    case S::Draft: return "draft";
    case S::IdCaptured: return "id_captured";
    case S::Consented: return "consented";
    case S::LivenessPassed: return "liveness_passed";
    case S::LivenessFailed: return "liveness_failed";
    case S::Matched: return "matched";
    case S::Mismatched: return "mismatched";
    case S::Recorded: return "recorded";
    case S::Synced: return "synced";
    case S::ManualReview: return "manual_review";
    }
    return "unknown";
}

Result<RegistrationState> parseState(std::string_view name)
{
    for (RegistrationState state : kAllRegistrationStates) {
        if (stateName(state) == name)
            return state;
    }
    return {ErrorCode::InvalidFormat, "unknown registration state name"};
}

std::string_view decisionName(Decision decision)
{
    const auto index = static_cast<std::size_t>(decision);
    return index < kDecisionNames.size() ? kDecisionNames[index] : "unknown";
}

Result<Decision> parseDecision(std::string_view name)
{
    for (std::size_t i = 0; i < kDecisionNames.size(); ++i) {
        if (kDecisionNames[i] == name)
            return static_cast<Decision>(i);
    }
    return {ErrorCode::InvalidFormat, "unknown decision name"};
}

bool isDecisionConsistent(RegistrationState beforeRecorded, Decision decision)
{
    switch (beforeRecorded) {
    case S::Matched: return decision == Decision::Match;
    case S::Mismatched:
    case S::LivenessFailed: return decision == Decision::NoMatch;
    case S::ManualReview: return decision == Decision::ManualApproved || decision == Decision::ManualRejected;
    default: return false;
    }
}

Result<Registration> Registration::fromHistory(std::span<const RegistrationState> history)
{
    if (history.empty() || history.front() != S::Draft)
        return {ErrorCode::InvalidTransition, "a registration history starts with draft"};
    Registration registration;
    for (std::size_t i = 1; i < history.size(); ++i) {
        if (Status step = registration.transitionTo(history[i]); !step.ok())
            return step.error();
    }
    return registration;
}

Status Registration::transitionTo(RegistrationState next)
{
    if (!isLegalTransition(state(), next))
        return transitionError(state(), next);
    m_history.push_back(next);
    return {};
}

} // namespace simkyc::core

#include "core/registration.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <queue>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace simkyc::core {
namespace {

using S = RegistrationState;

// The intended lifecycle, written out independently of the table in registration.cpp.
const std::set<std::pair<S, S>> kExpected = {
    {S::Draft, S::IdCaptured},
    {S::IdCaptured, S::Consented},
    {S::Consented, S::LivenessPassed},
    {S::Consented, S::LivenessFailed},
    {S::LivenessFailed, S::Consented},
    {S::LivenessFailed, S::Recorded},
    {S::LivenessPassed, S::Matched},
    {S::LivenessPassed, S::Mismatched},
    {S::LivenessPassed, S::ManualReview},
    {S::Mismatched, S::Consented},
    {S::Mismatched, S::ManualReview},
    {S::Mismatched, S::Recorded},
    {S::ManualReview, S::Recorded},
    {S::Matched, S::Recorded},
    {S::Recorded, S::Synced},
    {S::IdCaptured, S::ManualReview},     // the non-face alternative chosen at the consent
    {S::LivenessFailed, S::ManualReview}, // handed to the manager after a failed liveness check
};

TEST(RegistrationTable, EveryPairOfStatesMatchesTheLifecycle)
{
    int legal = 0;
    for (S from : kAllRegistrationStates) {
        for (S to : kAllRegistrationStates) {
            const bool expected = kExpected.count({from, to}) == 1;
            EXPECT_EQ(isLegalTransition(from, to), expected) << stateName(from) << " -> " << stateName(to);
            legal += expected ? 1 : 0;
        }
    }
    EXPECT_EQ(legal, 17);
    EXPECT_EQ(legalTransitions().size(), kExpected.size());
}

TEST(RegistrationTable, HasNoDuplicatesOrSelfLoops)
{
    std::set<std::pair<S, S>> seen;
    for (const Transition &t : legalTransitions()) {
        EXPECT_NE(t.from, t.to) << stateName(t.from);
        EXPECT_TRUE(seen.insert({t.from, t.to}).second) << stateName(t.from) << " -> " << stateName(t.to);
    }
}

std::set<S> reachableFrom(S start)
{
    std::set<S> seen{start};
    std::queue<S> todo;
    todo.push(start);
    while (!todo.empty()) {
        const S s = todo.front();
        todo.pop();
        for (const Transition &t : legalTransitions()) {
            if (t.from == s && seen.insert(t.to).second)
                todo.push(t.to);
        }
    }
    return seen;
}

TEST(RegistrationTable, EveryStateIsReachableAndEveryPathCanEndSynced)
{
    EXPECT_EQ(reachableFrom(S::Draft).size(), kAllRegistrationStates.size());
    for (S s : kAllRegistrationStates)
        EXPECT_EQ(reachableFrom(s).count(S::Synced), 1u) << stateName(s) << " is a dead end";
    EXPECT_EQ(reachableFrom(S::Synced).size(), 1u); // final
}

TEST(RegistrationNames, AreStable)
{
    const std::vector<std::pair<S, std::string>> names = {
        {S::Draft, "draft"},
        {S::IdCaptured, "id_captured"},
        {S::Consented, "consented"},
        {S::LivenessPassed, "liveness_passed"},
        {S::LivenessFailed, "liveness_failed"},
        {S::Matched, "matched"},
        {S::Mismatched, "mismatched"},
        {S::Recorded, "recorded"},
        {S::Synced, "synced"},
        {S::ManualReview, "manual_review"},
    };
    ASSERT_EQ(names.size(), kAllRegistrationStates.size());
    for (const auto &[state, name] : names)
        EXPECT_EQ(stateName(state), name);
}

TEST(RegistrationNames, RoundTripAndAreDistinct)
{
    std::set<std::string_view> names;
    for (S s : kAllRegistrationStates) {
        auto parsed = parseState(stateName(s));
        ASSERT_TRUE(parsed.ok()) << stateName(s);
        EXPECT_EQ(*parsed, s);
        names.insert(stateName(s));
    }
    EXPECT_EQ(names.size(), kAllRegistrationStates.size());
    for (int i = 0; i < static_cast<int>(kAllRegistrationStates.size()); ++i)
        EXPECT_EQ(kAllRegistrationStates[static_cast<std::size_t>(i)], static_cast<S>(i)); // list is complete
}

TEST(RegistrationNames, UnknownNamesAreRejected)
{
    for (const char *name : {"", "Draft", "DRAFT", "draft ", "id-captured", "manualreview", "unknown"}) {
        auto parsed = parseState(name);
        ASSERT_FALSE(parsed.ok()) << name;
        EXPECT_EQ(parsed.error().code, ErrorCode::InvalidFormat);
    }
}

TEST(DecisionNames, AreStableAndRoundTrip)
{
    const std::vector<std::pair<Decision, std::string>> names = {
        {Decision::Match, "match"},
        {Decision::NoMatch, "no_match"},
        {Decision::ManualApproved, "manual_approved"},
        {Decision::ManualRejected, "manual_rejected"},
    };
    for (const auto &[decision, name] : names) {
        EXPECT_EQ(decisionName(decision), name);
        auto parsed = parseDecision(name);
        ASSERT_TRUE(parsed.ok()) << name;
        EXPECT_EQ(*parsed, decision);
    }
    for (const char *name : {"", "Match", "nomatch", "approved"})
        EXPECT_FALSE(parseDecision(name).ok()) << name;
}

TEST(DecisionConsistency, EveryStateAndDecision)
{
    const std::set<std::pair<S, Decision>> consistent = {
        {S::Matched, Decision::Match},
        {S::Mismatched, Decision::NoMatch},
        {S::LivenessFailed, Decision::NoMatch},
        {S::ManualReview, Decision::ManualApproved},
        {S::ManualReview, Decision::ManualRejected},
    };
    for (S s : kAllRegistrationStates) {
        for (Decision d : {Decision::Match, Decision::NoMatch, Decision::ManualApproved, Decision::ManualRejected}) {
            EXPECT_EQ(isDecisionConsistent(s, d), consistent.count({s, d}) == 1)
                << stateName(s) << " / " << decisionName(d);
        }
    }
    // Exactly the states that may precede Recorded have a consistent decision.
    for (S s : kAllRegistrationStates) {
        const bool hasDecision =
            std::any_of(consistent.begin(), consistent.end(), [s](const auto &entry) { return entry.first == s; });
        EXPECT_EQ(hasDecision, isLegalTransition(s, S::Recorded)) << stateName(s);
    }
}

TEST(Registration, StartsInDraft)
{
    Registration r;
    EXPECT_EQ(r.state(), S::Draft);
    EXPECT_EQ(r.history(), std::vector<S>{S::Draft});
}

TEST(Registration, HappyPathRecordsHistory)
{
    Registration r;
    const std::vector<S> path = {S::IdCaptured, S::Consented, S::LivenessPassed, S::Matched, S::Recorded, S::Synced};
    for (S next : path) {
        Status status = r.transitionTo(next);
        ASSERT_TRUE(status.ok()) << status.error().toString();
        EXPECT_EQ(r.state(), next);
    }
    std::vector<S> expected{S::Draft};
    expected.insert(expected.end(), path.begin(), path.end());
    EXPECT_EQ(r.history(), expected);
}

TEST(Registration, RetriesManualReviewAndFailuresAreRecorded)
{
    for (const std::vector<S> &path : std::vector<std::vector<S>>{
             {S::IdCaptured, S::Consented, S::LivenessFailed, S::Consented, S::LivenessPassed, S::Mismatched,
              S::Consented, S::LivenessPassed, S::Matched, S::Recorded, S::Synced},
             {S::IdCaptured, S::Consented, S::LivenessFailed, S::Recorded, S::Synced},
             {S::IdCaptured, S::Consented, S::LivenessPassed, S::Mismatched, S::Recorded},
             {S::IdCaptured, S::Consented, S::LivenessPassed, S::ManualReview, S::Recorded, S::Synced},
             {S::IdCaptured, S::Consented, S::LivenessPassed, S::Mismatched, S::ManualReview, S::Recorded},
             {S::IdCaptured, S::ManualReview, S::Recorded},
             {S::IdCaptured, S::Consented, S::LivenessFailed, S::ManualReview, S::Recorded}}) {
        Registration r;
        for (S next : path)
            ASSERT_TRUE(r.transitionTo(next).ok()) << stateName(r.state()) << " -> " << stateName(next);
        EXPECT_EQ(r.history().size(), path.size() + 1);
    }
}

TEST(Registration, IllegalMoveIsRefusedAndChangesNothing)
{
    Registration r;
    ASSERT_TRUE(r.transitionTo(S::IdCaptured).ok());
    ASSERT_TRUE(r.transitionTo(S::Consented).ok());
    ASSERT_TRUE(r.transitionTo(S::LivenessFailed).ok());
    const auto before = r.history();

    Status status = r.transitionTo(S::Matched);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::InvalidTransition);
    EXPECT_EQ(status.error().message, "illegal transition from liveness_failed to matched");
    EXPECT_EQ(r.state(), S::LivenessFailed);
    EXPECT_EQ(r.history(), before);
    EXPECT_FALSE(r.transitionTo(S::LivenessFailed).ok()); // staying put is not a transition
}

// Breadth-first search over histories: the shortest legal history from Draft that ends in `target`.
std::vector<S> shortestHistoryTo(S target)
{
    std::vector<std::vector<S>> frontier{{S::Draft}};
    for (std::size_t i = 0; i < frontier.size(); ++i) {
        if (frontier[i].back() == target)
            return frontier[i];
        for (const Transition &t : legalTransitions()) {
            if (t.from == frontier[i].back()) {
                std::vector<S> next = frontier[i];
                next.push_back(t.to);
                frontier.push_back(std::move(next));
            }
        }
    }
    return {};
}

TEST(Registration, TransitionToAgreesWithTableFromEveryState)
{
    for (S from : kAllRegistrationStates) {
        const std::vector<S> pathToFrom = shortestHistoryTo(from);
        ASSERT_FALSE(pathToFrom.empty()) << stateName(from);
        for (S to : kAllRegistrationStates) {
            auto r = Registration::fromHistory(pathToFrom);
            ASSERT_TRUE(r.ok()) << stateName(from);
            Status status = r->transitionTo(to);
            EXPECT_EQ(status.ok(), kExpected.count({from, to}) == 1) << stateName(from) << " -> " << stateName(to);
            if (!status.ok()) {
                EXPECT_NE(status.error().message.find(stateName(from)), std::string::npos);
                EXPECT_NE(status.error().message.find(stateName(to)), std::string::npos);
                EXPECT_EQ(r->state(), from);
            }
        }
    }
}

TEST(Registration, FromHistory)
{
    const std::vector<S> good = {S::Draft, S::IdCaptured, S::Consented, S::LivenessPassed};
    auto r = Registration::fromHistory(good);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->history(), good);
    EXPECT_EQ(r->state(), S::LivenessPassed);

    auto empty = Registration::fromHistory({});
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, ErrorCode::InvalidTransition);

    auto wrongStart = Registration::fromHistory(std::vector<S>{S::IdCaptured, S::Consented});
    ASSERT_FALSE(wrongStart.ok());
    EXPECT_EQ(wrongStart.error().code, ErrorCode::InvalidTransition);

    auto skipped = Registration::fromHistory(std::vector<S>{S::Draft, S::IdCaptured, S::LivenessPassed});
    ASSERT_FALSE(skipped.ok());
    EXPECT_EQ(skipped.error().message, "illegal transition from id_captured to liveness_passed");
}

} // namespace
} // namespace simkyc::core

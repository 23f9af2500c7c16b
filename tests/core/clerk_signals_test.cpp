#include "core/clerk_signals.h"

#include <gtest/gtest.h>

namespace simkyc::core {
namespace {

using S = RegistrationState;

std::vector<RegistrationFacts> repeat(int n, RegistrationFacts facts)
{
    return std::vector<RegistrationFacts>(static_cast<std::size_t>(n), facts);
}

void add(std::vector<RegistrationFacts> &to, const std::vector<RegistrationFacts> &more)
{
    to.insert(to.end(), more.begin(), more.end());
}

const RegistrationFacts kPass{0, S::Recorded, Decision::Match, {"liveness_passed", "face_match"}, 1};

RegistrationFacts by(std::int64_t clerk, RegistrationFacts facts)
{
    facts.clerkId = clerk;
    return facts;
}

TEST(ClerkSignals, RecordsAreCountedByWhatTheySayAboutTheClerk)
{
    std::vector<RegistrationFacts> day{
        by(1, kPass),
        by(1, {0, S::Recorded, Decision::NoMatch, {"liveness_passed", "face_mismatch"}, 3}),
        by(1, {0, S::Recorded, Decision::NoMatch, {"challenge_timeout"}, 1}),
        by(1, {0, S::Recorded, Decision::NoMatch, {"liveness_passed", "staff_face"}, 1}),
        by(1, {0, S::ManualReview, std::nullopt, {"manual_check_requested"}, 0}),
        by(1, {0, S::Recorded, Decision::ManualApproved, {"face_mismatch", "handed_to_manager"}, 2}),
        by(2, kPass),
    };
    const auto counts = countByClerk(day);
    ASSERT_EQ(counts.size(), 2U);
    const ClerkCounts &c = counts[0];
    EXPECT_EQ(c.clerkId, 1);
    EXPECT_EQ(c.registrations, 6);
    EXPECT_EQ(c.failedMatches, 1);
    EXPECT_EQ(c.livenessFailures, 1);
    EXPECT_EQ(c.staffFaces, 1);
    EXPECT_EQ(c.retries, 3); // 2 + 1
    EXPECT_EQ(c.handOvers, 2);
    EXPECT_EQ(c.manualApprovals, 1);
    EXPECT_EQ(counts[1].registrations, 1);
}

TEST(ClerkSignals, TheClerkWhoseHandOversStandOutIsFlaggedAndAnHonestShopIsNot)
{
    // The pattern of collusion: a clerk whose customers "fail" and are handed to a manager who
    // approves them, week after week, while the other clerks' customers pass.
    std::vector<RegistrationFacts> week;
    for (std::int64_t clerk : {1, 2, 3}) {
        add(week, repeat(40, by(clerk, kPass)));
        add(week, repeat(2, by(clerk, {0, S::Recorded, Decision::NoMatch, {"liveness_passed", "face_mismatch"}, 1})));
    }
    {
        const auto honest = flagClerks(countByClerk(week));
        for (const ClerkSignal &s : honest)
            EXPECT_TRUE(s.flags.empty()) << "clerk " << s.counts.clerkId << ": " << s.flags.front();
    }
    add(week, repeat(30, by(4, kPass)));
    add(week, repeat(8, by(4, {0, S::Recorded, Decision::ManualApproved, {"face_mismatch", "handed_to_manager"}, 2})));
    const auto flagged = flagClerks(countByClerk(week));
    ASSERT_EQ(flagged.size(), 4U);
    EXPECT_TRUE(flagged[0].flags.empty());
    EXPECT_EQ(flagged[3].flags, (std::vector<std::string>{"retries", "hand_overs", "manual_approvals"}));
}

TEST(ClerkSignals, AFewEventsOrAStoreWhereEveryoneFailsAlikeFlagNobody)
{
    std::vector<RegistrationFacts> day;
    add(day, repeat(3, by(1, kPass)));
    add(day, repeat(2, by(1, {0, S::ManualReview, std::nullopt, {"handed_to_manager"}, 1})));
    add(day, repeat(20, by(2, kPass)));
    EXPECT_TRUE(flagClerks(countByClerk(day))[0].flags.empty()) << "two hand-overs are below the minimum";

    std::vector<RegistrationFacts> badLight; // a dim shop: everyone's customers fail liveness as often
    for (std::int64_t clerk : {1, 2}) {
        add(badLight, repeat(10, by(clerk, kPass)));
        add(badLight, repeat(5, by(clerk, {0, S::Recorded, Decision::NoMatch, {"challenge_timeout"}, 1})));
    }
    for (const ClerkSignal &s : flagClerks(countByClerk(badLight)))
        EXPECT_TRUE(s.flags.empty());
}

TEST(ClerkSignals, AStaffFaceIsFlaggedFromTheFirst)
{
    std::vector<RegistrationFacts> day;
    add(day, repeat(10, by(1, kPass)));
    add(day, repeat(1, by(1, {0, S::Recorded, Decision::NoMatch, {"liveness_passed", "staff_face"}, 1})));
    EXPECT_EQ(flagClerks(countByClerk(day))[0].flags, std::vector<std::string>{"staff_faces"});
}

} // namespace
} // namespace simkyc::core

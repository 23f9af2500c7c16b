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

RegistrationFacts after(RegistrationFacts facts)
{
    facts.outsideOpeningHours = true;
    return facts;
}

RegistrationFacts approvedBy(std::int64_t manager)
{
    RegistrationFacts facts{0, S::Recorded, Decision::ManualApproved, {"face_mismatch", "handed_to_manager"}, 1};
    facts.approvedBy = manager;
    return facts;
}

TEST(ClerkSignals, AClerkWhoRegistersAfterClosingStandsOut)
{
    std::vector<RegistrationFacts> week;
    for (std::int64_t clerk : {1, 2, 3}) {
        add(week, repeat(30, by(clerk, kPass)));
        add(week, repeat(1, by(clerk, after(kPass)))); // the customer at closing time
    }
    for (const ClerkSignal &s : flagClerks(countByClerk(week)))
        EXPECT_TRUE(s.flags.empty()) << "clerk " << s.counts.clerkId;
    add(week, repeat(6, by(3, after(kPass)))); // the Sunday-evening batch
    const auto flagged = flagClerks(countByClerk(week));
    EXPECT_EQ(flagged[2].counts.outsideHours, 7);
    EXPECT_EQ(flagged[2].flags, std::vector<std::string>{"outside_hours"});
    EXPECT_TRUE(flagged[0].flags.empty());
}

TEST(ClerkSignals, TheManagerWhoApprovesOneClerksHandOversIsNamedBesideThatClerk)
{
    // Manager 9 confirms every hand-over in the store; manager 8 only clerk 2's. Clerk 2's approval
    // rate (4 in 40) alone does not stand out against the store (3 in 60 elsewhere), the pair does.
    std::vector<RegistrationFacts> week;
    add(week, repeat(29, by(1, kPass)));
    add(week, repeat(1, by(1, approvedBy(9))));
    add(week, repeat(28, by(3, kPass)));
    add(week, repeat(2, by(3, approvedBy(9))));
    add(week, repeat(36, by(2, kPass)));
    add(week, repeat(4, by(2, approvedBy(8))));
    const auto flagged = flagClerks(countByClerk(week));
    ASSERT_EQ(flagged.size(), 3U);
    EXPECT_EQ(flagged[1].counts.approvalsByManager.at(8), 4);
    EXPECT_EQ(flagged[1].flags, std::vector<std::string>{"manager_pair"});
    EXPECT_EQ(flagged[1].pairedManagers, std::vector<std::int64_t>{8});
    EXPECT_TRUE(flagged[0].flags.empty());
    EXPECT_TRUE(flagged[2].flags.empty());

    // The same four approvals by the manager who confirms everyone's alike name no pair.
    for (RegistrationFacts &r : week)
        if (r.approvedBy == 8)
            r.approvedBy = 9;
    for (const ClerkSignal &s : flagClerks(countByClerk(week)))
        EXPECT_TRUE(s.pairedManagers.empty()) << "clerk " << s.counts.clerkId;

    // A store with one clerk has nobody to compare the manager's approvals with; and a manager's own
    // registrations (which four eyes keeps them from approving) do not lower their baseline.
    std::vector<RegistrationFacts> alone = repeat(20, by(1, kPass));
    add(alone, repeat(3, by(1, approvedBy(9))));
    EXPECT_TRUE(flagClerks(countByClerk(alone))[0].pairedManagers.empty());
    std::vector<RegistrationFacts> managersServe = repeat(200, by(8, kPass)); // manager 8 serves many
    add(managersServe, repeat(20, by(9, kPass)));
    add(managersServe, repeat(3, by(9, approvedBy(8)))); // manager 9's hand-overs: manager 8 must decide
    add(managersServe, repeat(30, by(1, kPass)));
    add(managersServe, repeat(2, by(1, approvedBy(8))));
    const auto served = flagClerks(countByClerk(managersServe));
    ASSERT_EQ(served.size(), 3U);
    EXPECT_TRUE(served[2].pairedManagers.empty())
        << "manager 8 approving manager 9 is compared with clerk 1, not with manager 8's own records";
}

TEST(ClerkSignals, AnApprovalWithNoReviewOnFileIsFlaggedFromTheFirst)
{
    // A hand-over "approved" by a row written into the database: the kiosk never stores one without
    // the manager's review. Not looked up (0) counts as nothing.
    std::vector<RegistrationFacts> day = repeat(20, by(1, kPass));
    add(day, repeat(1, by(1, approvedBy(kNoReviewOnFile))));
    add(day, repeat(20, by(2, kPass)));
    add(day, repeat(1, by(2, approvedBy(0))));
    const auto flagged = flagClerks(countByClerk(day));
    EXPECT_EQ(flagged[0].counts.approvalsWithoutReview, 1);
    EXPECT_EQ(flagged[0].flags, std::vector<std::string>{"approvals_without_review"});
    EXPECT_TRUE(flagged[0].counts.approvalsByManager.empty());
    EXPECT_TRUE(flagged[1].flags.empty());
}

} // namespace
} // namespace simkyc::core

#include "core/sim_reconciliation.h"

#include <gtest/gtest.h>

namespace simkyc::core {
namespace {

RegisteredSim sim(std::string id, std::string iccid, std::optional<Decision> outcome, bool carrierRefused = false)
{
    return {std::move(id), std::move(iccid), outcome, carrierRefused};
}

TEST(SimReconciliation, AnHonestDayIsClean)
{
    const std::vector<std::string> activated{"8986000000000000011", "8986000000000000029"};
    const std::vector<RegisteredSim> day{sim("r1", "8986000000000000011", Decision::Match),
                                         sim("r2", "8986000000000000029", Decision::ManualApproved),
                                         // a failed attempt, then the same SIM again after a successful retry
                                         sim("r3", "8986000000000000037", Decision::NoMatch)};
    EXPECT_TRUE(reconcileSims(activated, day).clean());
}

TEST(SimReconciliation, EachKindOfMismatchIsListed)
{
    // What a colluding clerk leaves: a SIM sold with no registration, a SIM activated after a failed
    // check, one SIM handed over under two identities, and a registration whose SIM never went live.
    const std::vector<std::string> activated{"8986000000000000011", "8986000000000000011", "8986000000000000045",
                                             "8986000000000000052", "8986000000000000060", "8986000000000000078",
                                             "8986000000000000102"};
    const std::vector<RegisteredSim> day{
        sim("ok", "8986000000000000011", Decision::Match),
        sim("failed-1", "8986000000000000052", Decision::NoMatch),
        sim("failed-2", "8986000000000000052", Decision::ManualRejected),
        sim("undecided", "8986000000000000060", std::nullopt),
        sim("twice-a", "8986000000000000078", Decision::Match),
        sim("twice-b", "8986000000000000078", Decision::ManualApproved),
        sim("not-live", "8986000000000000086", Decision::Match),
        sim("failed-not-live", "8986000000000000094", Decision::NoMatch),
        // the carrier refused the number (the person's quota was full), and the SIM went live anyway
        sim("refused", "8986000000000000102", Decision::Match, true),
    };
    const SimReconciliation r = reconcileSims(activated, day);
    EXPECT_EQ(r.activatedWithoutRegistration, std::vector<std::string>{"8986000000000000045"});
    ASSERT_EQ(r.activatedWithoutHandOver.size(), 3U);
    EXPECT_EQ(r.activatedWithoutHandOver[0].iccid, "8986000000000000052");
    EXPECT_EQ(r.activatedWithoutHandOver[0].recordIds, (std::vector<std::string>{"failed-1", "failed-2"}));
    EXPECT_EQ(r.activatedWithoutHandOver[1].recordIds, std::vector<std::string>{"undecided"})
        << "activated before the manager decided";
    EXPECT_EQ(r.activatedWithoutHandOver[2].recordIds, std::vector<std::string>{"refused"});
    ASSERT_EQ(r.registeredTwice.size(), 1U);
    EXPECT_EQ(r.registeredTwice[0].iccid, "8986000000000000078");
    EXPECT_EQ(r.registeredTwice[0].recordIds, (std::vector<std::string>{"twice-a", "twice-b"}));
    EXPECT_EQ(r.handedOverNotActivated, std::vector<std::string>{"not-live"})
        << "a failed attempt's SIM is not expected to be live";
    EXPECT_FALSE(r.clean());
}

} // namespace
} // namespace simkyc::core

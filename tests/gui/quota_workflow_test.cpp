// The per-person quota at the counter (issue 20): the clerk's form does not go on for an ID number
// that already holds quota.max_per_id registrations in this store, before any face is captured; failed
// attempts never count. Real store, real recorder, no face-check service.
#include "app/gui/registration_workflow.h"
#include "gui_fixture.h"
#include "store/audit_log.h"
#include "sync/quota_checker.h"

#include <gtest/gtest.h>

namespace simkyc::app {
namespace {

using Screen = RegistrationWorkflow::Screen;
using core::Decision;
using core::RegistrationState;

class QuotaWorkflowTest : public test::WorkflowOnStoreTest {
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(test::WorkflowOnStoreTest::SetUp());
        auto clerk = demo.staff().find(demo.account().name);
        ASSERT_TRUE(clerk.ok() && clerk->has_value());
        clerkId = (*clerk)->id;
        w->login(QString::fromStdString(demo.account().name), QString::fromStdString(demo.account().password));
        ASSERT_EQ(w->screen(), Screen::Home);
    }

    // `n` earlier registrations of the sample customer (test::kValidIdNumber) with this outcome.
    void storeEarlier(int n, RegistrationState status, std::optional<Decision> outcome)
    {
        for (int i = 0; i < n; ++i) {
            auto saved = test::storeTestRecord(*recorder, clerkId, {status, outcome, {"test"}, 0.4, "test", {}});
            ASSERT_TRUE(saved.ok()) << saved.error().toString();
        }
    }

    // Starts a registration of the sample customer and tries to go on from the form.
    bool tryTheForm()
    {
        w->startRegistration();
        test::fillValidCustomer(*w->form());
        return w->continueRegistration();
    }

    std::int64_t clerkId = 0;
};

TEST_F(QuotaWorkflowTest, TheSixthNumberForOneIdIsRefusedBeforeTheFaceCheck)
{
    storeEarlier(4, RegistrationState::Recorded, Decision::Match);
    storeEarlier(1, RegistrationState::Recorded, Decision::ManualApproved);
    EXPECT_FALSE(tryTheForm()) << "five numbers issued: a sixth is refused at the form";
    EXPECT_EQ(w->screen(), Screen::CustomerForm) << "no ID photo, no consent, no face captured";
    EXPECT_EQ(w->formRefusalCode(), "quota_reached");
    EXPECT_TRUE(w->formRefusal().contains(QStringLiteral("5"))) << w->formRefusal().toStdString();
    EXPECT_FALSE(w->formRefusal().contains(test::kValidIdNumber)) << "the message does not repeat the number";

    auto audit = store::recentAudit(session->db, 5);
    ASSERT_TRUE(audit.ok()) << audit.error().toString();
    ASSERT_FALSE(audit->empty());
    EXPECT_EQ(audit->front().entry.action, "registration.quota_refused");
    EXPECT_EQ(audit->front().entry.actor, "staff:" + std::to_string(clerkId));
    EXPECT_EQ(audit->front().entry.detail, "by=local,held=5,limit=5");

    // Another customer's number goes on; the refusal goes with the edit.
    w->form()->setIdNumber(QStringLiteral("11010519491231002X"));
    EXPECT_TRUE(w->formRefusal().isEmpty());
    EXPECT_TRUE(w->continueRegistration());
    EXPECT_EQ(w->screen(), Screen::IdPhoto);
}

TEST_F(QuotaWorkflowTest, FailedAttemptsWithSomeonesIdCardDoNotUseUpTheirQuota)
{
    // The attack: an impostor with the victim's card fails on purpose, again and again, and a
    // colluding manager rejects the hand-overs; the victim must still get a number.
    storeEarlier(4, RegistrationState::Recorded, Decision::NoMatch);
    storeEarlier(4, RegistrationState::Recorded, Decision::ManualRejected);
    storeEarlier(4, RegistrationState::Recorded, Decision::Match);
    EXPECT_TRUE(tryTheForm()) << w->formRefusal().toStdString();
    EXPECT_EQ(w->formRefusalCode(), "");
}

TEST_F(QuotaWorkflowTest, AnUndecidedHandOverHoldsAPlaceAndTheLimitIsTheKiosks)
{
    RegistrationRecorder strict(*session, 2); // quota.max_per_id = 2
    w->setFaceCheck(nullptr, &strict, {});
    storeEarlier(1, RegistrationState::Recorded, Decision::Match);
    EXPECT_TRUE(tryTheForm());
    w->cancelRegistration();
    storeEarlier(1, RegistrationState::ManualReview, std::nullopt);
    EXPECT_FALSE(tryTheForm()) << "the manager may still approve the hand-over";
    EXPECT_EQ(w->formRefusalCode(), "quota_reached");
    EXPECT_EQ(RegistrationRecorder(*session, 9).quotaLimit(), core::kQuotaLimit) << "never above the carrier's";
}

// The carrier's count, asked after the local one (the real HTTP path: SyncE2e.TheCarriersQuotaCheck...
// and ServerTest.AQuotaCheck...; here the seam the kiosk program fills with sync::checkQuotaOnline).
class OnlineQuotaWorkflowTest : public QuotaWorkflowTest {
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(QuotaWorkflowTest::SetUp());
        w->setOnlineQuotaCheck([this](const std::string &idNumber, auto done) {
            asked.push_back(idNumber);
            pending = std::move(done);
        });
    }
    void answer(sync::QuotaVerdict verdict, std::int64_t count, std::string why = {})
    {
        ASSERT_TRUE(pending) << "no check in flight";
        auto done = std::move(pending);
        pending = nullptr;
        done(sync::QuotaCheckResult{verdict, count, 5, std::move(why)});
    }
    std::vector<std::string> asked;
    std::function<void(const sync::QuotaCheckResult &)> pending;
};

TEST_F(OnlineQuotaWorkflowTest, FiveNumbersInOtherShopsStopTheFormHere)
{
    // This kiosk has never seen the person; the carrier has five numbers for them elsewhere.
    EXPECT_TRUE(tryTheForm()) << "the check started";
    EXPECT_TRUE(w->quotaChecking());
    EXPECT_EQ(w->screen(), Screen::CustomerForm) << "the form waits for the answer";
    EXPECT_FALSE(w->continueRegistration()) << "no second check while one is in flight";
    ASSERT_EQ(asked.size(), 1U);
    answer(sync::QuotaVerdict::Refused, 5);
    EXPECT_FALSE(w->quotaChecking());
    EXPECT_EQ(w->screen(), Screen::CustomerForm);
    EXPECT_EQ(w->formRefusalCode(), "quota_reached");
    EXPECT_TRUE(w->formRefusal().contains(QStringLiteral("other shops"))) << w->formRefusal().toStdString();
    auto audit = store::recentAudit(session->db, 5);
    ASSERT_TRUE(audit.ok());
    EXPECT_EQ(audit->front().entry.action, "registration.quota_refused");
    EXPECT_EQ(audit->front().entry.detail, "by=carrier,held=5,limit=5");
}

TEST_F(OnlineQuotaWorkflowTest, TheLocalCountIsAskedFirstAndTheCarrierOnlyWhenItAllows)
{
    storeEarlier(5, RegistrationState::Recorded, Decision::Match);
    EXPECT_FALSE(tryTheForm());
    EXPECT_TRUE(asked.empty()) << "refused here already";
    EXPECT_EQ(w->formRefusalCode(), "quota_reached");
}

TEST_F(OnlineQuotaWorkflowTest, AnAllowedOrUnconfirmedAnswerGoesOnAndSaysWhoSettledIt)
{
    EXPECT_TRUE(tryTheForm());
    answer(sync::QuotaVerdict::Allowed, 2);
    EXPECT_EQ(w->screen(), Screen::IdPhoto);
    EXPECT_EQ(w->quotaSettledBy(), "carrier");
    w->cancelRegistration();

    EXPECT_TRUE(tryTheForm());
    answer(sync::QuotaVerdict::Unconfirmed, 0, "network: connection refused");
    EXPECT_EQ(w->screen(), Screen::IdPhoto) << "offline, the local count decides";
    EXPECT_EQ(w->quotaSettledBy(), "unconfirmed");
    w->cancelRegistration();
}

TEST_F(OnlineQuotaWorkflowTest, AnAnswerAfterTheClerkCancelledIsIgnored)
{
    EXPECT_TRUE(tryTheForm());
    w->cancelRegistration();
    EXPECT_FALSE(w->quotaChecking());
    answer(sync::QuotaVerdict::Allowed, 0);
    EXPECT_EQ(w->screen(), Screen::Home) << "a late answer moves nothing";
}

} // namespace
} // namespace simkyc::app

// The store manager's day view without a window: RegistrationWorkflow and DayViewModel on a real
// store with records written by the kiosk's RegistrationRecorder (a pass, a failure, a manual check).
#include "app/gui/registration_workflow.h"
#include "app/registration_recorder.h"
#include "gui_fixture.h"

#include <gtest/gtest.h>

namespace simkyc::app {
namespace {

using Screen = RegistrationWorkflow::Screen;

class DayViewTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { test::ensureCoreApplication(); }
    void SetUp() override
    {
        ASSERT_TRUE(demo.ok()) << demo.error();
        auto opened = demo.newSession();
        ASSERT_TRUE(opened.ok()) << opened.error().toString();
        session = std::move(opened).value();
        RegistrationRecorder recorder(*session);
        auto clerk = demo.staff().find(demo.account().name);
        ASSERT_TRUE(clerk.ok() && clerk->has_value());
        const struct {
            core::RegistrationState status;
            std::optional<core::Decision> outcome;
            std::vector<std::string> reasons;
            std::optional<double> distance;
            const char *liveness;
        } records[] = {
            {core::RegistrationState::Recorded,
             core::Decision::Match,
             {"liveness_passed", "face_match"},
             0.41,
             "challenges=2;passed=1"},
            {core::RegistrationState::Recorded,
             core::Decision::NoMatch,
             {"liveness_passed", "face_mismatch"},
             0.83,
             "challenges=2;passed=1"},
            {core::RegistrationState::ManualReview, std::nullopt, {"manual_check_requested"}, std::nullopt, "not_run"},
        };
        for (const auto &r : records) {
            store::NewRegistration n;
            n.clerkId = (*clerk)->id;
            n.status = r.status;
            n.outcome = r.outcome;
            n.reasonCodes = r.reasons;
            n.matchDistance = r.distance;
            n.livenessSummary = r.liveness;
            n.customer = {"Zhang San",   test::kValidIdNumber.toStdString(), "1991-01-01", "1 Renmin Road",
                          "13812345678", test::validIccid().toStdString()};
            n.biometricPayload = biometricPayloadWithoutFace("test");
            auto saved = recorder.record(n);
            ASSERT_TRUE(saved.ok()) << saved.error().toString();
        }
        checker = std::make_unique<DirectLoginChecker>(demo.staff());
        w = std::make_unique<RegistrationWorkflow>(*checker, finder, QString(), kDefaultIdleLock);
        w->setStore(session.get());
    }

    std::int64_t auditedReads()
    {
        auto n = session->db.queryInt64(
            "SELECT count(*) FROM audit_log WHERE action = 'customer.read' AND detail LIKE '%day_view%'");
        return n.ok() ? *n : -1;
    }

    test::DemoStore demo;
    std::unique_ptr<StoreSession> session;
    std::unique_ptr<DirectLoginChecker> checker;
    DirectIdPortraitFinder finder;
    std::unique_ptr<RegistrationWorkflow> w;
};

TEST_F(DayViewTest, AClerkCannotOpenIt)
{
    w->login(QString::fromStdString(demo.account().name), QString::fromStdString(demo.account().password));
    ASSERT_EQ(w->screen(), Screen::Home);
    EXPECT_FALSE(w->isManager());
    EXPECT_FALSE(w->openDayView());
    EXPECT_EQ(w->screen(), Screen::Home);
    EXPECT_EQ(w->dayView()->rowCount(), 0);
    EXPECT_EQ(auditedReads(), 0);
}

TEST_F(DayViewTest, TheManagerSeesTodaysRecordsMaskedAndEveryReadIsAudited)
{
    w->login(QString::fromStdString(demo.account().managerName),
             QString::fromStdString(demo.account().managerPassword));
    ASSERT_EQ(w->screen(), Screen::Home);
    ASSERT_TRUE(w->isManager());
    ASSERT_TRUE(w->openDayView());
    EXPECT_EQ(w->screenName(), "day_view");
    DayViewModel &day = *w->dayView();
    EXPECT_TRUE(day.error().isEmpty()) << day.error().toStdString();
    EXPECT_EQ(day.date(), QDate::currentDate().toString(Qt::ISODate));
    ASSERT_EQ(day.total(), 3);
    EXPECT_EQ(day.passed(), 1);
    EXPECT_EQ(day.failed(), 1);
    EXPECT_EQ(day.manual(), 1);
    EXPECT_EQ(day.notSynced(), 3);
    ASSERT_EQ(day.rowCount(), 3);
    const DayRow &pass = day.rows()[0];
    EXPECT_EQ(pass.clerk, QString::fromStdString(demo.account().name));
    EXPECT_EQ(pass.name, "Z**");
    EXPECT_EQ(pass.idNumber, "360***********0071");
    EXPECT_EQ(pass.outcome, "match");
    EXPECT_EQ(pass.distance, "0.410");
    EXPECT_EQ(pass.liveness, "passed");
    EXPECT_EQ(pass.syncState, "pending");
    EXPECT_EQ(pass.reasons, RegistrationWorkflow::reasonWords("liveness_passed") + " " +
                                RegistrationWorkflow::reasonWords("face_match"));
    EXPECT_EQ(day.rows()[2].outcome, "manual_review");
    EXPECT_EQ(day.rows()[2].liveness, "not_run");
    // Nothing clear reaches the view.
    for (int r = 0; r < day.rowCount(); ++r)
        for (const int role : day.roleNames().keys()) {
            const QString value = day.data(day.index(r), role).toString();
            EXPECT_FALSE(value.contains("Zhang San") || value.contains(test::kValidIdNumber) ||
                         value.contains("Renmin"))
                << value.toStdString();
        }
    EXPECT_EQ(auditedReads(), 3) << "one audited read per record shown";

    day.setFilter("failed");
    ASSERT_EQ(day.rowCount(), 1);
    EXPECT_EQ(day.rows()[0].outcome, "no_match");
    day.setFilter("manual");
    EXPECT_EQ(day.rowCount(), 1);
    day.setFilter("all");
    EXPECT_EQ(day.rowCount(), 3);

    w->closeDayView();
    EXPECT_EQ(w->screen(), Screen::Home);
    EXPECT_EQ(day.rowCount(), 0) << "rows dropped on leaving";
    EXPECT_EQ(auditedReads(), 3);
}

TEST_F(DayViewTest, MaskingKeepsOnlyWhatTheManagerNeedsToRecogniseTheRecord)
{
    EXPECT_EQ(DayViewModel::maskName(QStringLiteral("张三")), QStringLiteral("张**"));
    EXPECT_EQ(DayViewModel::maskName(QString()), QString());
    EXPECT_EQ(DayViewModel::maskIdNumber(QStringLiteral("36042619910101007X")), "360***********007X");
    EXPECT_EQ(DayViewModel::maskIdNumber(QStringLiteral("1234567")), "*******");
}

} // namespace
} // namespace simkyc::app

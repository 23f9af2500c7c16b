// The store manager's day view without a window: RegistrationWorkflow and DayViewModel on a real
// store with records written by the kiosk's RegistrationRecorder (a pass, a failure, a manual check).
#include "app/csv_table.h"
#include "app/gui/registration_workflow.h"
#include "app/registration_recorder.h"
#include "gui_fixture.h"
#include "store/outbox_repository.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace simkyc::app {
namespace {

using Screen = RegistrationWorkflow::Screen;

class DayViewTest : public test::WorkflowOnStoreTest {
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(test::WorkflowOnStoreTest::SetUp());
        auto clerk = demo.staff().find(demo.account().name);
        ASSERT_TRUE(clerk.ok() && clerk->has_value());
        const test::TestRecord records[] = {
            {core::RegistrationState::Recorded,
             core::Decision::Match,
             {"liveness_passed", "face_match"},
             0.41,
             "challenges=2;passed=1",
             {}},
            {core::RegistrationState::Recorded,
             core::Decision::NoMatch,
             {"liveness_passed", "face_mismatch"},
             0.83,
             "challenges=2;passed=1",
             {}},
            {core::RegistrationState::ManualReview,
             std::nullopt,
             {"manual_check_requested"},
             std::nullopt,
             "not_run",
             {}},
        };
        for (const auto &r : records) {
            auto saved = test::storeTestRecord(*recorder, (*clerk)->id, r);
            ASSERT_TRUE(saved.ok()) << saved.error().toString();
            ids.push_back(*saved);
        }
    }

    // Records written within the same millisecond have no fixed order in the day: rows are found by outcome.
    const DayRow &rowWithOutcome(const QString &outcome) const
    {
        const auto &rows = w->dayView()->rows();
        const auto it = std::find_if(rows.begin(), rows.end(), [&](const DayRow &r) { return r.outcome == outcome; });
        EXPECT_NE(it, rows.end()) << outcome.toStdString();
        static const DayRow none;
        return it == rows.end() ? none : *it;
    }

    std::int64_t auditedReads()
    {
        auto n = session->db.queryInt64(
            "SELECT count(*) FROM audit_log WHERE action = 'customer.read' AND detail LIKE '%day_view%'");
        return n.ok() ? *n : -1;
    }

    std::vector<std::string> ids; // of the records written in SetUp, oldest first
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
    const DayRow &pass = rowWithOutcome("match");
    EXPECT_EQ(pass.clerk, QString::fromStdString(demo.account().name));
    EXPECT_EQ(pass.name, "Z**"); // masked by core::maskPersonName and core::maskIdNumber
    EXPECT_EQ(pass.idNumber, "360***********0071");
    EXPECT_EQ(pass.outcome, "match");
    EXPECT_EQ(pass.distance, "0.410");
    EXPECT_EQ(pass.liveness, "passed");
    EXPECT_EQ(pass.syncState, "pending");
    EXPECT_EQ(pass.syncWords, "waiting") << "the manager reads words, not the state code";
    EXPECT_EQ(pass.outcomeWords, RegistrationWorkflow::reasonWords("outcome.match"));
    EXPECT_EQ(pass.livenessWords, RegistrationWorkflow::reasonWords("liveness.passed"));
    EXPECT_EQ(rowWithOutcome("manual_review").outcomeWords, "for the manager");
    EXPECT_EQ(rowWithOutcome("manual_review").livenessWords, "not run");
    EXPECT_EQ(pass.reasons, RegistrationWorkflow::reasonWords("liveness_passed") + " " +
                                RegistrationWorkflow::reasonWords("face_match"));
    EXPECT_EQ(rowWithOutcome("manual_review").outcome, "manual_review");
    EXPECT_EQ(rowWithOutcome("manual_review").liveness, "not_run");
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

TEST_F(DayViewTest, TheUploadStateAndParkedRecordsAreShownWithTheirReasons)
{
    store::OutboxRepository outbox(session->db);
    ASSERT_TRUE(outbox.park(ids[1], "conflict_with_earlier_body").ok());
    w->login(QString::fromStdString(demo.account().managerName),
             QString::fromStdString(demo.account().managerPassword));
    ASSERT_TRUE(w->openDayView());
    const DayViewModel &day = *w->dayView();
    const QString health = day.syncHealth();
    EXPECT_TRUE(health.contains("2 waiting")) << health.toStdString();
    EXPECT_TRUE(health.contains("1 parked")) << health.toStdString();
    EXPECT_TRUE(health.contains("Last success: -")) << health.toStdString();
    ASSERT_EQ(day.parked().size(), 1);
    EXPECT_TRUE(day.parked()[0].startsWith(QString::fromStdString(ids[1]))) << day.parked()[0].toStdString();
    EXPECT_TRUE(day.parked()[0].endsWith("conflict_with_earlier_body")) << day.parked()[0].toStdString();
    EXPECT_EQ(day.notSynced(), 3);
    w->closeDayView();
    EXPECT_TRUE(day.syncHealth().isEmpty());
}

TEST_F(DayViewTest, TheDayReportIsExportedAsCsvMaskedLikeTheScreen)
{
    w->login(QString::fromStdString(demo.account().managerName),
             QString::fromStdString(demo.account().managerPassword));
    ASSERT_TRUE(w->openDayView());
    DayViewModel &day = *w->dayView();
    day.setFilter("failed"); // the report holds the whole day anyway
    test::TempDir out;
    const QString path = day.exportCsv(QString::fromStdString(out.path().string()));
    ASSERT_FALSE(path.isEmpty()) << day.error().toStdString();
    auto table = readCsvTable(path.toStdString());
    ASSERT_TRUE(table.ok()) << table.error().toString();
    ASSERT_EQ(table->rows.size(), 3u);
    auto csvRow = [&](const std::string &outcome) {
        const auto it = std::find_if(table->rows.begin(), table->rows.end(), [&](const auto &row) {
            return table->cell(row, table->column("outcome")) == outcome;
        });
        EXPECT_NE(it, table->rows.end()) << outcome;
        return it == table->rows.end() ? std::vector<std::string>{} : *it;
    };
    const auto match = csvRow("match");
    EXPECT_EQ(table->cell(match, table->column("name")), "Z**");
    EXPECT_EQ(table->cell(match, table->column("id_number")), "360***********0071");
    EXPECT_EQ(table->cell(match, table->column("outcome")), "match");
    EXPECT_EQ(table->cell(csvRow("manual_review"), table->column("outcome")), "manual_review");
    EXPECT_EQ(table->cell(match, table->column("record_id")), ids[0]);
    std::ifstream in(path.toStdString());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text.find("Zhang San"), std::string::npos);
    EXPECT_EQ(text.find(test::kValidIdNumber.toStdString()), std::string::npos);
    EXPECT_EQ(std::filesystem::status(path.toStdString()).permissions() & std::filesystem::perms::others_read,
              std::filesystem::perms::none);
    // Again the same day: replaced, not refused.
    EXPECT_EQ(day.exportCsv(QString::fromStdString(out.path().string())), path);
    // A folder that does not exist: an error, no file.
    EXPECT_TRUE(day.exportCsv(QString::fromStdString((out.path() / "missing").string())).isEmpty());
    EXPECT_FALSE(day.error().isEmpty());
    EXPECT_EQ(DayViewModel::csvField("a, \"b\""), "\"a, \"\"b\"\"\"");
}

} // namespace
} // namespace simkyc::app

// The store manager's screens, real QML on the offscreen platform, on a day of records stored by the
// kiosk's recorder (passes, a failure after retries, a customer handed over, a manual check): the
// charts, a record opened and decided, the PDF report (its first page rendered to PNG with poppler's
// pdftoppm, its text read with pdftotext), and the audit log with its verified chain. Screenshots
// into build/screenshots/.
#include "core/iccid.h"
#include "core/opening_hours.h"
#include "kiosk_screen_fixture.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>

#include <fstream>

namespace simkyc::app {
namespace {

// A stand-in review picture (two labelled panels, not a face), as the kiosk stores it: JPEG.
std::vector<std::uint8_t> testPicture()
{
    QImage image(224, 112, QImage::Format_RGB888);
    image.fill(QColor(0xdd, 0xe4, 0xee));
    QPainter p(&image);
    p.fillRect(QRect(112, 0, 112, 112), QColor(0xc8, 0xd6, 0xc8));
    p.drawText(QRect(0, 0, 112, 112), Qt::AlignCenter, QStringLiteral("ID photo"));
    p.drawText(QRect(112, 0, 112, 112), Qt::AlignCenter, QStringLiteral("kiosk"));
    p.end();
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return {jpeg.begin(), jpeg.end()};
}

// Runs a poppler tool; its standard output, or nullopt (with the reason printed) when it failed.
std::optional<QByteArray> runTool(const QString &tool, const QStringList &arguments)
{
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty()) {
        ADD_FAILURE() << tool.toStdString() << " not found: scripts/setup installs poppler-utils";
        return std::nullopt;
    }
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        ADD_FAILURE() << tool.toStdString() << " failed: " << process.readAllStandardError().toStdString();
        return std::nullopt;
    }
    return process.readAllStandardOutput();
}

class KioskManagerScreensTest : public KioskScreensTest {
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(KioskScreensTest::SetUp());
        auto clerk = demo.staff().find(demo.account().name);
        ASSERT_TRUE(clerk.ok() && clerk->has_value());
        using S = core::RegistrationState;
        const auto picture = testPicture();
        const test::TestRecord day[] = {
            {S::Recorded,
             core::Decision::Match,
             {"liveness_passed", "face_match"},
             0.31,
             "challenges=3;passed=1;face_checks=1",
             picture},
            {S::Recorded,
             core::Decision::Match,
             {"liveness_passed", "face_match"},
             0.38,
             "challenges=3;passed=1;face_checks=2",
             picture},
            {S::Recorded,
             core::Decision::Match,
             {"liveness_passed", "face_match"},
             0.44,
             "challenges=3;passed=1;face_checks=1",
             picture},
            {S::Recorded,
             core::Decision::NoMatch,
             {"liveness_passed", "face_mismatch"},
             0.71,
             "challenges=3;passed=1;face_checks=3",
             picture},
            {S::ManualReview,
             std::nullopt,
             {"liveness_passed", "face_mismatch", "handed_to_manager"},
             0.62,
             "challenges=3;passed=1;face_checks=2",
             picture},
            {S::ManualReview, std::nullopt, {"manual_check_requested"}, std::nullopt, "not_run;face_checks=0", {}},
        };
        for (const auto &r : day) {
            auto id = test::storeTestRecord(*recorder, (*clerk)->id, r);
            ASSERT_TRUE(id.ok()) << id.error().toString();
            ids.push_back(*id);
        }
    }

    void openTheDayAsManager()
    {
        test::ScreenDriver &d = *driver;
        ASSERT_NO_FATAL_FAILURE(signInAsManager());
        ASSERT_TRUE(d.click(QStringLiteral("dayViewButton")));
        ASSERT_TRUE(d.waitFor(QStringLiteral("dayRow_5")));
    }

    // A second clerk whose customers pass at the first try (the demo clerk's retries, failure and
    // hand-over stand out against them), the day view opened and its clerks shown; a screenshot.
    void showTheClerks(const QString &screenshot)
    {
        auto other = demo.staff().add("li.clerk", store::StaffRole::Clerk, "a good password");
        ASSERT_TRUE(other.ok()) << other.error().toString();
        const test::TestRecord pass{core::RegistrationState::Recorded,     core::Decision::Match,
                                    {"liveness_passed", "face_match"},     0.35,
                                    "challenges=3;passed=1;face_checks=1", {}};
        for (int i = 0; i < 12; ++i)
            ASSERT_TRUE(test::storeTestRecord(*recorder, other->id, pass).ok());
        workflow->clerkSignals()->setOpeningHours(*core::parseOpeningHours("00:00-23:59"));
        ASSERT_NO_FATAL_FAILURE(openTheDayAsManager());
        test::ScreenDriver &d = *driver;
        ASSERT_TRUE(d.click(QStringLiteral("showClerksButton")));
        ASSERT_TRUE(d.waitFor(QStringLiteral("clerkRow_1")));
        ASSERT_TRUE(d.screenshot(screenshot));
    }

    // The day opened, the carrier's export saved where the screen expects it (the day's SIM and one no
    // registration handed over), reconciled on the SIMs view; a screenshot.
    void reconcileTheSims(const QString &screenshot)
    {
        ASSERT_NO_FATAL_FAILURE(openTheDayAsManager());
        test::ScreenDriver &d = *driver;
        ASSERT_TRUE(d.click(QStringLiteral("showSimsButton")));
        ASSERT_TRUE(d.waitFor(QStringLiteral("activationsFile")));
        const QString file = d.text(QStringLiteral("activationsFile"));
        ASSERT_TRUE(file.endsWith(QStringLiteral(".csv"))) << file.toStdString();
        std::filesystem::create_directories(std::filesystem::path(file.toStdString()).parent_path());
        const std::string stranger = "898601234567890124";
        std::ofstream(file.toStdString()) << "iccid,activated_at\n"
                                          << test::validIccid().toStdString() << ",2026-12-07T10:00:00Z\n"
                                          << stranger + *core::luhnCheckDigit(stranger) << ",2026-12-07T11:00:00Z\n";
        ASSERT_TRUE(d.click(QStringLiteral("reconcileButton")));
        ASSERT_TRUE(d.waitFor(QStringLiteral("simSummary")));
        ASSERT_TRUE(QTest::qWaitFor([&] { return workflow->simReconciliation()->done(); }))
            << workflow->simReconciliation()->error().toStdString();
        ASSERT_TRUE(d.screenshot(screenshot));
    }

    // The row index of a record in the day view as shown.
    int rowOf(const std::string &id) const
    {
        const auto &rows = workflow->dayView()->rows();
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].recordId == QString::fromStdString(id))
                return static_cast<int>(i);
        return -1;
    }

    std::vector<std::string> ids; // 3 passes, a failure, handed over, a manual check
};

TEST_F(KioskManagerScreensTest, TheManagerReviewsTheDayWithChartsAReportAndTheAuditLog)
{
    ASSERT_NO_FATAL_FAILURE(openTheDayAsManager());
    test::ScreenDriver &d = *driver;
    EXPECT_TRUE(d.text(QStringLiteral("dayFigures")).startsWith(QStringLiteral("Pass rate 75 %")))
        << d.text(QStringLiteral("dayFigures")).toStdString();

    // The charts.
    ASSERT_TRUE(d.click(QStringLiteral("showChartsButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("chartDistances")));
    EXPECT_EQ(d.find(QStringLiteral("dayList")), nullptr);
    ASSERT_TRUE(d.screenshot(QStringLiteral("21-manager-charts")));
    ASSERT_TRUE(d.click(QStringLiteral("showChartsButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("dayList")));

    // The customer handed over: opened, decided.
    const int handed = rowOf(ids[4]);
    ASSERT_GE(handed, 0);
    // Scrolled into view as the manager would (the list shows some rows at a time).
    ASSERT_TRUE(QMetaObject::invokeMethod(d.find(QStringLiteral("dayList")), "positionViewAtIndex", Q_ARG(int, handed),
                                          Q_ARG(int, 1 /* ListView.Center */)));
    QTest::qWait(50);
    ASSERT_TRUE(d.click(QStringLiteral("openRecord_%1").arg(handed)));
    ASSERT_TRUE(d.waitFor(QStringLiteral("recordDetailScreen")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("reviewPicture")));
    EXPECT_TRUE(QTest::qWaitFor([&] {
        auto *picture = d.find(QStringLiteral("reviewPicture"));
        return picture != nullptr && picture->property("status").toInt() == 1; // Image.Ready
    }));
    // The outcome in words, not its code.
    EXPECT_TRUE(d.text(QStringLiteral("recordOutcome")).contains(QStringLiteral("for the manager")))
        << d.text(QStringLiteral("recordOutcome")).toStdString();
    EXPECT_FALSE(d.text(QStringLiteral("recordOutcome")).contains(QStringLiteral("manual_review")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("decide_manual_approved")));
    ASSERT_TRUE(d.screenshot(QStringLiteral("22-manager-record-detail")));
    ASSERT_TRUE(d.click(QStringLiteral("decide_manual_approved")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return workflow->recordDetail()->reviews().size() == 1; }));
    EXPECT_TRUE(d.text(QStringLiteral("recordOutcome")).contains(QStringLiteral("approved by hand")))
        << d.text(QStringLiteral("recordOutcome")).toStdString();
    ASSERT_TRUE(d.waitFor(QStringLiteral("decide_approved"))) << "now the end-of-day check";
    ASSERT_TRUE(d.waitFor(QStringLiteral("decide_cancelled"))) << "and, the number being issued, its cancellation";
    ASSERT_TRUE(d.screenshot(QStringLiteral("23-manager-record-issued-number")));
    ASSERT_TRUE(d.click(QStringLiteral("backButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("dayViewScreen")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("dayRow_5")));
    EXPECT_EQ(workflow->dayView()->toReview(), 1);

    // The PDF report.
    ASSERT_TRUE(d.click(QStringLiteral("exportPdfButton")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return d.text(QStringLiteral("exportedPath")).startsWith("Saved as "); }))
        << d.text(QStringLiteral("exportedPath")).toStdString();
    const std::filesystem::path pdf =
        demo.dataDir() / "reports" / ("simkyc-day-" + workflow->dayView()->date().toStdString() + ".pdf");
    ASSERT_TRUE(std::filesystem::exists(pdf));
    {
        std::ifstream in(pdf, std::ios::binary);
        char magic[5] = {};
        in.read(magic, 4);
        EXPECT_EQ(std::string(magic), "%PDF");
    }
    EXPECT_EQ(std::filesystem::status(pdf).permissions() & std::filesystem::perms::others_read,
              std::filesystem::perms::none);
    const QString file = QString::fromStdString(pdf.string());
    if (auto text = runTool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), file, QStringLiteral("-")})) {
        QString t = QString::fromUtf8(*text);
        t.replace(QChar(0xfb01), QStringLiteral("fi")).replace(QChar(0xfb02), QStringLiteral("fl")); // ligatures
        EXPECT_TRUE(t.contains(QStringLiteral("Day report ") + workflow->dayView()->date())) << t.toStdString();
        EXPECT_TRUE(t.contains(QStringLiteral("Registrations per hour")));
        EXPECT_TRUE(t.contains(QStringLiteral("Audit chain verified"))) << t.toStdString();
        EXPECT_TRUE(t.contains(QStringLiteral("Clerks\n"))) << t.toStdString();
        EXPECT_TRUE(t.contains(clerk() + QStringLiteral(": 6 registrations"))) << t.toStdString();
        EXPECT_TRUE(t.contains(QStringLiteral("360***********0071")));
        EXPECT_EQ(t.count(QStringLiteral("Z**")), 6) << "every row, masked";
        EXPECT_FALSE(t.contains(QStringLiteral("Zhang San")));
        EXPECT_FALSE(t.contains(test::kValidIdNumber));
        EXPECT_TRUE(t.contains(QStringLiteral("manual_approved")));
    }
    const QString png =
        QString::fromStdString((std::filesystem::path(SIMKYC_SCREENSHOT_DIR) / "24-manager-report-pdf").string());
    EXPECT_TRUE(runTool(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                                                     QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                                     QStringLiteral("1"), QStringLiteral("-singlefile"), file, png})
                    .has_value());
    EXPECT_FALSE(QImage(png + QStringLiteral(".png")).isNull());

    // The audit log: the decision and the reads are in it, the chain holds.
    ASSERT_TRUE(d.click(QStringLiteral("auditLogButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("auditLogScreen")));
    EXPECT_TRUE(d.text(QStringLiteral("auditChain")).startsWith(QStringLiteral("Audit chain verified")))
        << d.text(QStringLiteral("auditChain")).toStdString();
    const auto &rows = workflow->auditView()->rows();
    EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const AuditRow &r) {
        return r.action == "registration.review" &&
               r.detail == "decision=manual_approved,reason=documents_checked_in_person";
    }));
    ASSERT_TRUE(d.screenshot(QStringLiteral("25-manager-audit-log")));
    ASSERT_TRUE(d.click(QStringLiteral("backButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("dayViewScreen")));
}

TEST_F(KioskManagerScreensTest, TheClerksViewShowsTheClerkWhoseCustomersRetryAndFailAgainstTheOthers)
{
    ASSERT_NO_FATAL_FAILURE(showTheClerks(QStringLiteral("30-manager-clerk-signals")));
    test::ScreenDriver &d = *driver;
    EXPECT_EQ(d.find(QStringLiteral("dayList")), nullptr);
    const QVariantList clerks = workflow->clerkSignals()->clerks();
    ASSERT_EQ(clerks.size(), 2);
    const QVariantMap demoClerk = clerks[0].toMap(), li = clerks[1].toMap();
    EXPECT_EQ(demoClerk["name"].toString(), clerk());
    EXPECT_TRUE(demoClerk["flagged"].toBool());
    EXPECT_TRUE(demoClerk["flags"].toString().contains(QStringLiteral("many retries")))
        << demoClerk["flags"].toString().toStdString();
    EXPECT_TRUE(demoClerk["line"].toString().startsWith(QStringLiteral("6 registrations")))
        << demoClerk["line"].toString().toStdString();
    EXPECT_EQ(li["name"].toString(), QStringLiteral("li.clerk"));
    EXPECT_FALSE(li["flagged"].toBool()) << li["flags"].toString().toStdString();
    EXPECT_TRUE(d.text(QStringLiteral("clerkFlags_0")).startsWith(QStringLiteral("Look at:")));
    EXPECT_TRUE(d.text(QStringLiteral("clerkSignalsPeriod")).contains(QStringLiteral("opening hours 00:00-23:59")));
    // The day alone: the same records (all made today), another period.
    ASSERT_TRUE(d.click(QStringLiteral("clerkSignalsDay")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return workflow->clerkSignals()->days() == 1; }));
    EXPECT_TRUE(d.text(QStringLiteral("clerkSignalsPeriod")).contains(QStringLiteral("(UTC day)")))
        << d.text(QStringLiteral("clerkSignalsPeriod")).toStdString();
    EXPECT_EQ(workflow->clerkSignals()->clerks().size(), 2);
    ASSERT_TRUE(d.click(QStringLiteral("clerkSignalsWeek")));
    ASSERT_TRUE(d.click(QStringLiteral("showClerksButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("dayList")));
    ASSERT_TRUE(d.click(QStringLiteral("backButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
    EXPECT_TRUE(workflow->clerkSignals()->clerks().isEmpty()) << "dropped with the day view";
}

TEST_F(KioskManagerScreensTest, TheSimReconciliationListsTheDaysMismatchesMasked)
{
    ASSERT_NO_FATAL_FAILURE(reconcileTheSims(QStringLiteral("31-manager-sim-reconciliation")));
    test::ScreenDriver &d = *driver;
    const SimReconciliationModel &sims = *workflow->simReconciliation();
    EXPECT_FALSE(sims.clean());
    EXPECT_TRUE(sims.summary().contains(QStringLiteral("2 activated SIMs, 6 registrations")))
        << sims.summary().toStdString();
    const QVariantList lists = sims.lists();
    ASSERT_EQ(lists.size(), 4);
    const auto items = [&](int i) { return lists[i].toMap()[QStringLiteral("items")].toStringList(); };
    EXPECT_EQ(items(0).size(), 1) << "the SIM no registration names";
    EXPECT_EQ(items(2).size(), 1) << "the day's SIM, handed over by three registrations";
    EXPECT_TRUE(items(1).isEmpty());
    EXPECT_TRUE(items(3).isEmpty());
    for (int i = 0; i < 4; ++i)
        for (const QString &item : items(i))
            EXPECT_FALSE(item.contains(test::validIccid().left(12))) << "masked: " << item.toStdString();
    EXPECT_TRUE(d.text(QStringLiteral("simList_registered_twice")).endsWith(QStringLiteral("(1)")));

    // A file that is not the carrier's export is refused whole, and the lists are gone.
    const QString file = d.text(QStringLiteral("activationsFile"));
    std::ofstream(file.toStdString()) << "iccid\n12345\n";
    ASSERT_TRUE(d.click(QStringLiteral("reconcileButton")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return !sims.error().isEmpty(); }));
    EXPECT_FALSE(sims.done());
    EXPECT_TRUE(d.text(QStringLiteral("simError")).contains(QStringLiteral("row 1: ")))
        << d.text(QStringLiteral("simError")).toStdString();

    // The report carries the reconciliation that ran last; none ran now, so none is printed.
    ASSERT_TRUE(workflow->simReconciliation()->reportLines().isEmpty());
    ASSERT_TRUE(d.click(QStringLiteral("backButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
    EXPECT_TRUE(workflow->simReconciliation()->date().isEmpty()) << "dropped with the day view";
}

TEST_F(KioskManagerScreensTest, TheDayReportCarriesTheSimReconciliation)
{
    ASSERT_NO_FATAL_FAILURE(reconcileTheSims(QStringLiteral("31-manager-sim-reconciliation")));
    test::ScreenDriver &d = *driver;
    ASSERT_TRUE(d.click(QStringLiteral("exportPdfButton")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return d.text(QStringLiteral("exportedPath")).startsWith("Saved as "); }))
        << d.text(QStringLiteral("exportedPath")).toStdString();
    const std::filesystem::path pdf =
        demo.dataDir() / "reports" / ("simkyc-day-" + workflow->dayView()->date().toStdString() + ".pdf");
    if (auto text = runTool(QStringLiteral("pdftotext"), {QString::fromStdString(pdf.string()), QStringLiteral("-")})) {
        const QString t = QString::fromUtf8(*text);
        EXPECT_TRUE(t.contains(QStringLiteral("SIM reconciliation"))) << t.toStdString();
        EXPECT_TRUE(t.contains(QStringLiteral("Activated without a registration (1)"))) << t.toStdString();
        EXPECT_FALSE(t.contains(test::validIccid())) << "ICCIDs masked";
    }
}

// The clerks view in the kiosk's other languages (screenshots -de, -zh_CN).
class KioskManagerGermanTest : public KioskManagerScreensTest {
protected:
    KioskManagerGermanTest() { language = QStringLiteral("de"); }
};
class KioskManagerChineseTest : public KioskManagerScreensTest {
protected:
    KioskManagerChineseTest() { language = QStringLiteral("zh_CN"); }
};

TEST_F(KioskManagerGermanTest, TheClerksViewIsTranslated)
{
    ASSERT_NO_FATAL_FAILURE(showTheClerks(QStringLiteral("30-manager-clerk-signals-de")));
    EXPECT_TRUE(driver->text(QStringLiteral("clerkFlags_0")).startsWith(QStringLiteral("Prüfen: viele Wiederholungen")))
        << driver->text(QStringLiteral("clerkFlags_0")).toStdString();
}

TEST_F(KioskManagerGermanTest, TheSimReconciliationIsTranslated)
{
    ASSERT_NO_FATAL_FAILURE(reconcileTheSims(QStringLiteral("31-manager-sim-reconciliation-de")));
    EXPECT_FALSE(workflow->simReconciliation()->summary().contains(QStringLiteral("activated SIMs")));
}

TEST_F(KioskManagerChineseTest, TheSimReconciliationIsTranslated)
{
    ASSERT_NO_FATAL_FAILURE(reconcileTheSims(QStringLiteral("31-manager-sim-reconciliation-zh_CN")));
    EXPECT_FALSE(workflow->simReconciliation()->summary().contains(QStringLiteral("activated SIMs")));
}

TEST_F(KioskManagerChineseTest, TheClerksViewIsTranslated)
{
    ASSERT_NO_FATAL_FAILURE(showTheClerks(QStringLiteral("30-manager-clerk-signals-zh_CN")));
    EXPECT_TRUE(driver->text(QStringLiteral("clerkFlags_0")).startsWith(QStringLiteral("请核查：重试多")))
        << driver->text(QStringLiteral("clerkFlags_0")).toStdString();
}

TEST_F(KioskManagerScreensTest, TheManagerAddsAClerkOnTheStaffScreen)
{
    test::ScreenDriver &d = *driver;
    ASSERT_NO_FATAL_FAILURE(signInAsManager());
    ASSERT_TRUE(d.click(QStringLiteral("staffButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("staffScreen")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("staffRow_demo-clerk")));
    ASSERT_TRUE(d.typeInto(QStringLiteral("staffName"), QStringLiteral("zhao.clerk")));
    ASSERT_TRUE(d.typeInto(QStringLiteral("staffPassword"), QStringLiteral("a good password")));
    ASSERT_TRUE(d.typeInto(QStringLiteral("staffPasswordRepeated"), QStringLiteral("a good password")));
    ASSERT_TRUE(d.click(QStringLiteral("addClerkButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("staffRow_zhao.clerk")));
    EXPECT_TRUE(d.text(QStringLiteral("staffMessage")).startsWith(QStringLiteral("Clerk zhao.clerk added")))
        << d.text(QStringLiteral("staffMessage")).toStdString();
    EXPECT_TRUE(d.text(QStringLiteral("staffPassword")).isEmpty()) << "passwords are not left in the fields";
    ASSERT_TRUE(d.click(QStringLiteral("lock_demo-clerk")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return d.find(QStringLiteral("lock_demo-clerk")) == nullptr; }))
        << "a locked account has no lock button";
    ASSERT_TRUE(d.screenshot(QStringLiteral("26-manager-staff")));
    ASSERT_TRUE(d.click(QStringLiteral("backButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
}

TEST_F(KioskManagerScreensTest, TheManagerChangesTheMatchThresholdWithinItsRange)
{
    test::ScreenDriver &d = *driver;
    ASSERT_NO_FATAL_FAILURE(signInAsManager());
    ASSERT_TRUE(d.click(QStringLiteral("settingsButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("settingsScreen")));
    EXPECT_EQ(d.text(QStringLiteral("settingValue_match.threshold")), "0.55");
    ASSERT_TRUE(d.typeInto(QStringLiteral("settingValue_match.threshold"), QStringLiteral("0.9")));
    ASSERT_TRUE(d.click(QStringLiteral("settingSave_match.threshold")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("settingsMessage")));
    EXPECT_TRUE(d.text(QStringLiteral("settingsMessage")).contains(QStringLiteral("0.45..0.65")))
        << d.text(QStringLiteral("settingsMessage")).toStdString();
    ASSERT_TRUE(d.typeInto(QStringLiteral("settingValue_match.threshold"), QStringLiteral("0.5")));
    d.key(Qt::Key_Return); // Enter saves too
    EXPECT_TRUE(QTest::qWaitFor([&] {
        return d.text(QStringLiteral("settingsMessage")).startsWith(QStringLiteral("Saved"));
    })) << d.text(QStringLiteral("settingsMessage")).toStdString();
    EXPECT_EQ(d.text(QStringLiteral("settingValue_match.threshold")), "0.5");
    EXPECT_TRUE(d.isEnabled(QStringLiteral("settingReset_match.threshold")));
    EXPECT_DOUBLE_EQ(workflow->dayView()->matchThreshold(), 0.5);
    ASSERT_TRUE(d.screenshot(QStringLiteral("29-manager-settings")));
    ASSERT_TRUE(d.click(QStringLiteral("backButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
}

} // namespace
} // namespace simkyc::app

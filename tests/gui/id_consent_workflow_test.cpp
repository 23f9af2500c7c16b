// The ID photo step and the consent, without a window: RegistrationWorkflow and IdPhotoModel with the
// real loader and face search (DirectIdPortraitFinder; ThreadedIdPortraitFinder for the thread).
// Specimens with a face come from the labelled data (skipped without it); the error paths also run
// on synthetic files.
#include "app/gui/registration_workflow.h"
#include "gui_fixture.h"
#include "store/registration_repository.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <fstream>

#include <gtest/gtest.h>

namespace simkyc::app {
namespace {

using Screen = RegistrationWorkflow::Screen;
using core::RegistrationState;

// The face check itself: face_check_workflow_test (here the workflow has no face-check service).
class IdConsentWorkflowTest : public test::WorkflowOnStoreTest {
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(test::WorkflowOnStoreTest::SetUp());
        w->setLanguage(QStringLiteral("de"));
        w->login(QString::fromStdString(demo.account().name), QString::fromStdString(demo.account().password));
        ASSERT_EQ(w->screen(), Screen::Home);
        w->startRegistration();
        test::fillValidCustomer(*w->form());
        ASSERT_TRUE(w->continueRegistration());
        ASSERT_EQ(w->screen(), Screen::IdPhoto);
    }

    // Copies a specimen into the scan folder; its name as listed.
    QString scan(const std::filesystem::path &specimen)
    {
        std::filesystem::copy_file(specimen, scans.path() / specimen.filename(),
                                   std::filesystem::copy_options::overwrite_existing);
        w->idPhoto()->refreshFiles();
        return QString::fromStdString(specimen.filename().string());
    }

    // On the consent screen with the passport specimen's portrait accepted.
    void reachConsent()
    {
        const auto specimen = test::specimenWithFace();
        ASSERT_TRUE(specimen);
        w->idPhoto()->loadFile(scan(*specimen));
        ASSERT_EQ(w->idPhoto()->status(), "found") << w->idPhoto()->errorCode().toStdString();
        ASSERT_TRUE(w->acceptIdPhoto());
        ASSERT_EQ(w->screen(), Screen::Consent);
    }

    void expectWiped() const
    {
        EXPECT_FALSE(w->registration().has_value());
        EXPECT_TRUE(w->form()->idNumber().isEmpty());
        EXPECT_TRUE(w->idPortrait().empty()) << "the ID portrait outlived the registration";
        EXPECT_FALSE(w->idPhoto()->hasDocument());
        EXPECT_FALSE(w->idPhoto()->hasPortrait());
        EXPECT_EQ(w->consent().decision, ConsentDecision::None);
    }
};

TEST_F(IdConsentWorkflowTest, PortraitAcceptedThenConsentGiven)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    const auto specimen = test::specimenWithFace();
    ASSERT_TRUE(specimen) << "100_pass-fin.png is missing from the shared data";
    const QString name = scan(*specimen);
    ASSERT_TRUE(w->idPhoto()->files().contains(name));
    w->idPhoto()->loadFile(name);
    EXPECT_EQ(w->idPhoto()->status(), "found") << w->idPhoto()->errorCode().toStdString();
    EXPECT_TRUE(w->idPhoto()->hasDocument());
    ASSERT_TRUE(w->idPhoto()->hasPortrait());
    const double aspect = double(w->idPhoto()->portrait().width()) / w->idPhoto()->portrait().height();
    EXPECT_NEAR(aspect, 102.0 / 126.0, 0.02) << "an ICAO-like 102:126 crop";
    EXPECT_LE(std::max(w->idPhoto()->document().width(), w->idPhoto()->document().height()), kDocumentPreviewSidePx);
    EXPECT_EQ(w->registration()->state(), RegistrationState::Draft) << "nothing captured before the clerk accepts";

    EXPECT_FALSE(w->agreeToFaceCheck()) << "no consent on the ID step";
    ASSERT_TRUE(w->acceptIdPhoto());
    EXPECT_EQ(w->screenName(), "consent");
    EXPECT_EQ(w->registration()->state(), RegistrationState::IdCaptured);
    EXPECT_FALSE(w->idPortrait().empty());
    EXPECT_FALSE(w->idPhoto()->hasDocument()) << "the document preview is dropped once accepted";
    const QVariantList notice = w->consentNotice();
    ASSERT_EQ(notice.size(), 5);
    EXPECT_EQ(notice[4].toMap()["key"], "alternative");

    ASSERT_TRUE(w->agreeToFaceCheck());
    EXPECT_EQ(w->screen(), Screen::FaceCheck);
    EXPECT_EQ(w->faceCheck()->status(), "no_backend") << "without a face check service the screen says so";
    EXPECT_EQ(w->registration()->state(), RegistrationState::Consented);
    EXPECT_EQ(w->consent().decision, ConsentDecision::FaceCheck);
    EXPECT_EQ(w->consentDecisionName(), "face_check");
    EXPECT_EQ(w->consent().noticeVersion, kConsentNoticeVersion);
    EXPECT_EQ(w->consent().language, "de");
    EXPECT_FALSE(w->idPortrait().empty()) << "kept for the face match";
    EXPECT_FALSE(w->chooseManualCheck()) << "decided once";

    w->cancelRegistration();
    EXPECT_EQ(w->screen(), Screen::Home);
    expectWiped();
}

TEST_F(IdConsentWorkflowTest, ManualCheckKeepsNoFaceData)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    reachConsent();
    ASSERT_TRUE(w->chooseManualCheck());
    EXPECT_EQ(w->screen(), Screen::Outcome);
    EXPECT_EQ(w->outcome(), "manual_review");
    EXPECT_EQ(w->consentDecisionName(), "manual_check");
    EXPECT_EQ(w->registration()->state(), RegistrationState::ManualReview);
    EXPECT_TRUE(w->idPortrait().empty()) << "no face data on the manual path";
    // Stored for the manager, with no face data in its payload.
    ASSERT_FALSE(w->recordId().isEmpty());
    store::RegistrationRepository repo(session->db, session->keys);
    auto saved = repo.summary(w->recordId().toStdString());
    ASSERT_TRUE(saved.ok()) << saved.error().toString();
    EXPECT_EQ(saved->status, "manual_review");
    EXPECT_EQ(saved->reasonCodes, std::vector<std::string>{"manual_check_requested"});
    EXPECT_EQ(saved->livenessSummary,
              "not_run;consent=manual_check;notice=face_check_notice_v2;lang=de;face_checks=0;quota=local");
    EXPECT_FALSE(saved->matchDistance.has_value());
    w->logout();
    EXPECT_EQ(w->screen(), Screen::Login);
    expectWiped();
}

TEST_F(IdConsentWorkflowTest, TheCustomerSwitchesTheLanguageAndTheNextCustomerStartsInTheKiosks)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    std::vector<QString> switched;
    bool works = true;
    w->setLanguageSwitch([&](const QString &language) {
        switched.push_back(language);
        return works;
    });
    EXPECT_FALSE(w->switchLanguage("zh_CN")) << "the clerk's screens stay in the kiosk's language";
    reachConsent();
    int changes = 0;
    QObject::connect(w.get(), &RegistrationWorkflow::languageChanged, [&] { ++changes; });
    EXPECT_FALSE(w->switchLanguage("fr")) << "only the languages offered";
    ASSERT_TRUE(w->switchLanguage("zh_CN"));
    EXPECT_EQ(w->language(), "zh_CN");
    EXPECT_EQ(changes, 1);
    works = false; // a translation that does not load: the language stays
    EXPECT_FALSE(w->switchLanguage("en"));
    EXPECT_EQ(w->language(), "zh_CN");
    works = true;
    ASSERT_TRUE(w->chooseManualCheck());
    store::RegistrationRepository repo(session->db, session->keys);
    auto saved = repo.summary(w->recordId().toStdString());
    ASSERT_TRUE(saved.ok());
    EXPECT_NE(saved->livenessSummary.find(";lang=zh_CN;"), std::string::npos)
        << saved->livenessSummary << ": the consent in the language it was read in";
    ASSERT_TRUE(w->finishRegistration());
    EXPECT_EQ(w->language(), "de") << "the next customer starts in the kiosk's language";
    EXPECT_EQ(switched, (std::vector<QString>{"zh_CN", "en", "de"}));
}

TEST_F(IdConsentWorkflowTest, AStoreThatRefusesToWriteKeepsTheRecordUntilItIsSavedAgain)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    reachConsent();
    // The store's connection refuses every write (as a full or read-only disk would).
    ASSERT_TRUE(session->db.exec("PRAGMA query_only = ON").ok());
    ASSERT_TRUE(w->chooseManualCheck());
    EXPECT_EQ(w->screen(), Screen::Outcome);
    EXPECT_EQ(w->outcome(), "not_stored");
    EXPECT_TRUE(w->outcomeMessage().contains("database_error")) << w->outcomeMessage().toStdString();
    EXPECT_TRUE(w->recordId().isEmpty());
    EXPECT_FALSE(w->finishRegistration()) << "nothing is dropped while it is not stored";
    EXPECT_FALSE(w->saveAgain()) << "still full";
    EXPECT_EQ(w->outcome(), "not_stored");

    ASSERT_TRUE(session->db.exec("PRAGMA query_only = OFF").ok());
    ASSERT_TRUE(w->saveAgain());
    EXPECT_EQ(w->outcome(), "manual_review");
    store::RegistrationRepository repo(session->db, session->keys);
    auto saved = repo.summary(w->recordId().toStdString());
    ASSERT_TRUE(saved.ok()) << saved.error().toString();
    EXPECT_EQ(saved->status, "manual_review");
    EXPECT_EQ(saved->livenessSummary,
              "not_run;consent=manual_check;notice=face_check_notice_v2;lang=de;face_checks=0;quota=local")
        << "the consent is recorded once, however often the save was tried";
    EXPECT_EQ(*repo.count(), 1);
    ASSERT_TRUE(w->finishRegistration());
    EXPECT_EQ(w->screen(), Screen::Home);
}

TEST_F(IdConsentWorkflowTest, CancelOnTheConsentScreenAndSignOutWipeThePortrait)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    reachConsent();
    w->cancelRegistration();
    EXPECT_EQ(w->screen(), Screen::Home);
    expectWiped();

    w->startRegistration();
    EXPECT_FALSE(w->idPhoto()->hasDocument());
    w->lockForIdle(); // signed out on the form: nothing left either
    expectWiped();
}

TEST_F(IdConsentWorkflowTest, UnreadableAndFacelessImagesKeepTheClerkOnTheIdStep)
{
    // Synthetic: runs without the shared data.
    ASSERT_TRUE(test::writeNoFaceImage(scans.path() / "stripes.jpg"));
    {
        std::ofstream(scans.path() / "not-an-image.png") << "this is text, not a PNG";
    }
    w->idPhoto()->refreshFiles();
    EXPECT_EQ(w->idPhoto()->files().size(), 2);

    const std::vector<std::pair<QString, QString>> cases = {
        {QStringLiteral("stripes.jpg"), QString::fromLatin1(kIdNoFace)},
        {QStringLiteral("not-an-image.png"), QString::fromLatin1(kIdUnreadable)},
    };
    for (const auto &[file, code] : cases) {
        w->idPhoto()->loadFile(file);
        EXPECT_EQ(w->idPhoto()->status(), "error") << file.toStdString();
        EXPECT_EQ(w->idPhoto()->errorCode(), code) << file.toStdString();
        EXPECT_FALSE(w->idPhoto()->errorMessage().isEmpty());
        EXPECT_FALSE(w->idPhoto()->hasPortrait());
        EXPECT_EQ(w->idPhoto()->hasDocument(), code == QLatin1String(kIdNoFace))
            << "a faceless image that loaded is shown: the clerk sees what was scanned";
        EXPECT_FALSE(w->acceptIdPhoto());
        EXPECT_EQ(w->screen(), Screen::IdPhoto);
        EXPECT_EQ(w->registration()->state(), RegistrationState::Draft);
    }

    w->idPhoto()->loadPath(QString::fromStdString((scans.path() / "missing.png").string()));
    EXPECT_EQ(w->idPhoto()->errorCode(), kIdNotFound);
    EXPECT_FALSE(w->idPhoto()->hasDocument());

    w->idPhoto()->clear(); // "Choose another"
    EXPECT_EQ(w->idPhoto()->status(), "empty");
    EXPECT_TRUE(w->idPhoto()->errorMessage().isEmpty());
}

TEST_F(IdConsentWorkflowTest, SpecimensWithoutOrWithTwoFacesAreRefused)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    const auto noFace = test::specimenWithoutFace();
    const auto face = test::specimenWithFace();
    ASSERT_TRUE(noFace && face);
    w->idPhoto()->loadFile(scan(*noFace));
    EXPECT_EQ(w->idPhoto()->errorCode(), kIdNoFace);
    ASSERT_TRUE(test::writeTwoFaceImage(*face, scans.path() / "two-passports.jpg"));
    w->idPhoto()->refreshFiles();
    w->idPhoto()->loadFile(QStringLiteral("two-passports.jpg"));
    EXPECT_EQ(w->idPhoto()->errorCode(), kIdSeveralFaces);
    EXPECT_FALSE(w->acceptIdPhoto());
    EXPECT_EQ(w->screen(), Screen::IdPhoto);
}

// The program's finder: the search runs on its own thread; a registration cancelled meanwhile never
// gets its photo back.
TEST_F(IdConsentWorkflowTest, ThreadedSearchLeavesTheCallerFreeAndLateRepliesAreDropped)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    const auto specimen = test::specimenWithFace();
    ASSERT_TRUE(specimen);
    ThreadedIdPortraitFinder threaded;
    IdPhotoModel model(threaded);
    QSignalSpy finished(&model, &IdPhotoModel::searchFinished);
    const QString path = QString::fromStdString(specimen->string());

    QElapsedTimer call;
    call.start();
    model.loadPath(path);
    EXPECT_LT(call.elapsed(), 50) << "loadPath() returned only after the search";
    EXPECT_TRUE(model.busy());
    EXPECT_EQ(model.status(), "loading");
    model.loadPath(path); // ignored while busy
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(finished.count(), 1);
    EXPECT_EQ(model.status(), "found");
    EXPECT_GT(model.findMs(), 0);
    std::printf("[ measure ] ID portrait on the finder thread: %d ms (decode + face search)\n", model.findMs());

    model.clear();
    model.loadPath(path);
    model.clear(); // cancelled while searching
    EXPECT_FALSE(finished.wait(model.findMs() * 3 + 1000)) << "a superseded reply was applied";
    EXPECT_EQ(model.status(), "empty");
    EXPECT_FALSE(model.hasPortrait());
}

} // namespace
} // namespace simkyc::app

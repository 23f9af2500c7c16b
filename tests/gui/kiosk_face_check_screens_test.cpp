// The face check and the outcome, real QML on the offscreen platform, driven as the clerk and the
// customer do, with a recording as the camera (the sample face video of the labelled data; skipped
// without it): a full registration that passes and is stored, two people in view (the quality hint,
// then a failed liveness check), and the same recording facing random prompts it cannot follow (a
// replayed video must fail); the last two also in Chinese and German. Screenshots into
// build/screenshots/.
#include "kiosk_screen_fixture.h"

#include "store/registration_repository.h"

namespace simkyc::app {
namespace {

constexpr int kSearchTimeoutMs = 15000; // decode + face search on a loaded 2-core machine
constexpr int kCheckTimeoutMs = 90000;  // models, then the recording at its own pace

class KioskFaceCheckScreensTest : public KioskScreensTest {
protected:
    // Scans `idImage`, fills the form, uses the photo, agrees: the face check screen.
    void reachFaceCheck(const std::filesystem::path &idImage)
    {
        scan(idImage, "scan-0001.jpg", 0);
        ASSERT_NO_FATAL_FAILURE(signInAndFillTheForm());
        test::ScreenDriver &d = *driver;
        ASSERT_TRUE(d.click(QStringLiteral("idFile_0")));
        ASSERT_TRUE(d.waitFor(QStringLiteral("portraitImage"), kSearchTimeoutMs));
        ASSERT_TRUE(d.click(QStringLiteral("usePhotoButton")));
        ASSERT_TRUE(d.waitFor(QStringLiteral("consentScreen")));
        ASSERT_TRUE(d.click(QStringLiteral("agreeButton")));
        ASSERT_TRUE(d.waitFor(QStringLiteral("faceCheckScreen")));
    }
    // The ID is a chip portrait of the person in the sample video, who is also the camera.
    void reachFaceCheckAsTheVideosPerson()
    {
        const auto video = test::sampleFaceVideo();
        ASSERT_TRUE(video) << "liveness/liveportrait/d13.mp4 missing from the shared data";
        ASSERT_TRUE(test::writeVideoFace(*video, reader.path() / "chip.jpg", true));
        ASSERT_NO_FATAL_FAILURE(reachFaceCheck(reader.path() / "chip.jpg"));
    }
    std::int64_t storedCount()
    {
        store::RegistrationRepository repo(session->db, session->keys);
        auto n = repo.count();
        return n.ok() ? *n : -1;
    }
    // Two people in view: the quality hint, then a failed liveness check (screenshots named with
    // `suffix`, the language's: "" in English).
    void twoPeopleInView(const QString &suffix)
    {
        const auto video = test::sampleFaceVideo();
        ASSERT_TRUE(video);
        ASSERT_TRUE(test::writeVideoFace(*video, reader.path() / "chip.jpg", true));
        ASSERT_TRUE(test::writeVideoFace(*video, reader.path() / "frame.jpg", false));
        const auto camera = reader.path() / "camera";
        std::filesystem::create_directories(camera);
        ASSERT_TRUE(test::writeTwoFaceImage(reader.path() / "frame.jpg", camera / "two-000.jpg"));
        for (int i = 1; i < 150; ++i) // five seconds at 30 frames per second
            std::filesystem::create_hard_link(
                camera / "two-000.jpg",
                camera / QStringLiteral("two-%1.jpg").arg(i, 3, 10, QLatin1Char('0')).toStdString());
        RegistrationWorkflow::FaceSource source;
        source.spec = camera.string();
        source.recording = true;
        workflow->setFaceCheck(&faceService(), recorder.get(), source);
        ASSERT_NO_FATAL_FAILURE(reachFaceCheck(reader.path() / "chip.jpg"));
        test::ScreenDriver &d = *driver;
        ASSERT_TRUE(d.waitFor(QStringLiteral("qualityHint"), kCheckTimeoutMs));
        const QString hint = d.text(QStringLiteral("qualityHint"));
        EXPECT_FALSE(hint.isEmpty());
        EXPECT_EQ(hint == QStringLiteral("Only one person, please."), language.isEmpty()) << hint.toStdString();
        ASSERT_TRUE(d.screenshot(QStringLiteral("14-face-check-hint") + suffix, {QStringLiteral("livePreview")}));
        ASSERT_TRUE(d.waitFor(QStringLiteral("outcomeScreen"), kCheckTimeoutMs));
        EXPECT_EQ(workflow->outcome(), "failed");
        EXPECT_EQ(workflow->registration()->state(), core::RegistrationState::LivenessFailed);
        ASSERT_TRUE(d.screenshot(QStringLiteral("19-outcome-fail-liveness") + suffix));
        ASSERT_TRUE(d.click(QStringLiteral("finishButton"))); // recorded as failed
        ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
        EXPECT_EQ(storedCount(), 1);
    }
    // The sample recording facing random prompts it cannot follow: a turn prompt is shown, then the
    // replayed video fails.
    void randomPromptsToARecording(const QString &suffix)
    {
        const auto video = test::sampleFaceVideo();
        ASSERT_TRUE(video);
        ASSERT_TRUE(test::writeVideoFace(*video, reader.path() / "chip.jpg", true));
        RegistrationWorkflow::FaceSource source = *test::sampleVideoSource();
        source.recordingScript.clear(); // random prompts, as a live camera gets them
        workflow->setFaceCheck(&faceService(), recorder.get(), source);
        ASSERT_NO_FATAL_FAILURE(reachFaceCheck(reader.path() / "chip.jpg"));
        test::ScreenDriver &d = *driver;
        bool turnShown = false;
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                const QString prompt = workflow->faceCheck()->prompt();
                if (!turnShown && (prompt == "left" || prompt == "right")) {
                    turnShown = true;
                    EXPECT_EQ(d.text(QStringLiteral("promptText")).contains(QStringLiteral("Turn your head")),
                              language.isEmpty());
                    EXPECT_TRUE(
                        d.screenshot(QStringLiteral("14-face-check-turn") + suffix, {QStringLiteral("livePreview")}));
                }
                return workflow->screen() == RegistrationWorkflow::Screen::Outcome;
            },
            kCheckTimeoutMs));
        EXPECT_TRUE(turnShown) << "every session asks for a turn";
        EXPECT_EQ(workflow->outcome(), "failed") << "a replayed video must fail";
        EXPECT_EQ(workflow->registration()->state(), core::RegistrationState::LivenessFailed);
    }
    test::TempDir reader; // the chip reader's and the test camera's files
};

TEST_F(KioskFaceCheckScreensTest, AFullRegistrationPassesAndIsStored)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    ASSERT_NO_FATAL_FAILURE(reachFaceCheckAsTheVideosPerson());
    test::ScreenDriver &d = *driver;
    ASSERT_TRUE(d.waitFor(QStringLiteral("livePreview"), kCheckTimeoutMs));
    EXPECT_TRUE(d.find(QStringLiteral("livePreview"))->property("mirror").toBool()) << "a mirror for the customer";
    EXPECT_NE(d.find(QStringLiteral("recordingNotice")), nullptr) << "a recording says it is one";
    ASSERT_TRUE(d.waitFor(QStringLiteral("outcomeScreen"), kCheckTimeoutMs));
    EXPECT_EQ(workflow->outcome(), "passed") << workflow->outcomeReasons().join("; ").toStdString();
    EXPECT_TRUE(d.text(QStringLiteral("outcomeVerdict")).contains(QStringLiteral("confirmed")));
    EXPECT_TRUE(d.text(QStringLiteral("outcomeRecord")).contains(workflow->recordId()));
    EXPECT_EQ(d.find(QStringLiteral("retryButton")), nullptr) << "no retry after a pass";
    EXPECT_TRUE(d.hasFocus(QStringLiteral("finishButton")));
    ASSERT_TRUE(d.screenshot(QStringLiteral("15-outcome-pass")));
    EXPECT_EQ(storedCount(), 1);
    d.key(Qt::Key_Return); // "Next customer"
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
    EXPECT_FALSE(workflow->registration().has_value());
}

TEST_F(KioskFaceCheckScreensTest, TheManagerSeesTheDayAfterAClerksRegistrations)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    ASSERT_NO_FATAL_FAILURE(reachFaceCheckAsTheVideosPerson());
    test::ScreenDriver &d = *driver;
    ASSERT_TRUE(d.waitFor(QStringLiteral("outcomeScreen"), kCheckTimeoutMs));
    ASSERT_TRUE(d.click(QStringLiteral("finishButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
    EXPECT_EQ(d.find(QStringLiteral("dayViewButton")), nullptr) << "not for clerks";
    ASSERT_TRUE(d.click(QStringLiteral("logoutButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("loginScreen")));

    ASSERT_NO_FATAL_FAILURE(signInAsManager());
    ASSERT_TRUE(d.click(QStringLiteral("dayViewButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("dayViewScreen")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("dayRow_0")));
    EXPECT_TRUE(d.text(QStringLiteral("dayCounts")).startsWith(QStringLiteral("1 in all: 1 passed")))
        << d.text(QStringLiteral("dayCounts")).toStdString();
    ASSERT_TRUE(d.screenshot(QStringLiteral("20-manager-day-view")));
    ASSERT_TRUE(d.click(QStringLiteral("exportCsvButton")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return d.text(QStringLiteral("exportedPath")).startsWith("Saved as "); }))
        << d.text(QStringLiteral("exportedPath")).toStdString();
    EXPECT_TRUE(std::filesystem::exists(demo.dataDir() / "reports" /
                                        ("simkyc-day-" + workflow->dayView()->date().toStdString() + ".csv")));
    ASSERT_TRUE(d.click(QStringLiteral("filter_failed")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return d.find(QStringLiteral("dayRow_0")) == nullptr; }));
    ASSERT_TRUE(d.click(QStringLiteral("backButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
}

TEST_F(KioskFaceCheckScreensTest, TwoPeopleInViewSeeTheHintAndTheLivenessCheckFails)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    twoPeopleInView({});
}

TEST_F(KioskFaceCheckScreensTest, ARecordingCannotFollowRandomPrompts)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    randomPromptsToARecording({});
}

// The same customer screens in the kiosk's other languages (screenshots -zh_CN, -de).
class KioskFaceCheckLanguageTest : public KioskFaceCheckScreensTest,
                                   public ::testing::WithParamInterface<const char *> {
protected:
    KioskFaceCheckLanguageTest() { language = QString::fromLatin1(GetParam()); }
};

TEST_P(KioskFaceCheckLanguageTest, TheHintAndTheFailedCheck)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    twoPeopleInView(QStringLiteral("-") + language);
}

TEST_P(KioskFaceCheckLanguageTest, TheTurnPrompt)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    randomPromptsToARecording(QStringLiteral("-") + language);
}

INSTANTIATE_TEST_SUITE_P(Languages, KioskFaceCheckLanguageTest, ::testing::Values("zh_CN", "de"));

} // namespace
} // namespace simkyc::app

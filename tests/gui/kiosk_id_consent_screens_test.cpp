// The ID photo step and the consent screen, real QML on the offscreen platform, driven as the clerk
// and the customer do: clicks on the scan list and the buttons, a typed path, Enter. The portrait is
// found on the finder's thread as in the program. Screenshots into build/screenshots/.
#include "kiosk_screen_fixture.h"
#include "support/held_card.h"
#include "vision/screen_light.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>

namespace simkyc::app {
namespace {

constexpr int kSearchTimeoutMs = 15000; // decode + face search on a loaded 2-core machine

// Whether this window shows the screen-light colours now.
bool screenFlashShown(const test::ScreenDriver &on)
{
    const QQuickItem *flash = on.find(QStringLiteral("screenFlash"));
    return flash != nullptr && flash->isVisible();
}

// The clerk types the path of the specimen ID page with a face, waits for its portrait and uses it.
void useTheTypedSpecimen(test::ScreenDriver &d)
{
    const auto file = test::specimenWithFace();
    ASSERT_TRUE(file) << "passporteye specimens missing from the shared data";
    ASSERT_TRUE(d.typeInto(QStringLiteral("idPathField"), QString::fromStdString(file->string())));
    d.key(Qt::Key_Return);
    ASSERT_TRUE(d.waitFor(QStringLiteral("portraitImage"), kSearchTimeoutMs));
    ASSERT_TRUE(d.click(QStringLiteral("usePhotoButton")));
}

TEST_F(KioskScreensTest, IdPhotoFromTheScanFolderThenConsentGiven)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    const auto face = test::specimenWithFace();
    const auto noFace = test::specimenWithoutFace();
    ASSERT_TRUE(face && noFace) << "passporteye specimens missing from the shared data";
    scan(*noFace, "scan-0001.png", 60);
    scan(*face, "scan-0002.png", 10); // the newest: listed first
    ASSERT_NO_FATAL_FAILURE(signInAndFillTheForm());
    test::ScreenDriver &d = *driver;
    EXPECT_EQ(workflow->idPhoto()->files(), QStringList({"scan-0002.png", "scan-0001.png"}));
    EXPECT_TRUE(d.text(QStringLiteral("noIdCamera")).contains(QStringLiteral("No camera")));
    EXPECT_EQ(d.find(QStringLiteral("useCameraButton")), nullptr) << "no camera set for the card";
    EXPECT_TRUE(d.text(QStringLiteral("idEmptyHint")).contains(QStringLiteral("Choose")));

    // The ID card without a portrait: the error says what to do; the photo cannot be used.
    ASSERT_TRUE(d.click(QStringLiteral("idFile_1")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("idError"), kSearchTimeoutMs));
    EXPECT_EQ(workflow->idPhoto()->errorCode(), kIdNoFace);
    EXPECT_TRUE(d.text(QStringLiteral("idErrorText")).contains(QStringLiteral("No face was found")));
    EXPECT_NE(d.find(QStringLiteral("documentImage")), nullptr) << "the clerk sees what was scanned";
    EXPECT_FALSE(d.isEnabled(QStringLiteral("usePhotoButton")));
    EXPECT_TRUE(d.hasFocus(QStringLiteral("chooseAnotherButton")));
    ASSERT_TRUE(d.screenshot(QStringLiteral("12-id-error"), {QStringLiteral("documentImage")}));

    d.key(Qt::Key_Return); // "Choose another"
    EXPECT_EQ(d.find(QStringLiteral("idError")), nullptr);
    EXPECT_EQ(d.find(QStringLiteral("documentImage")), nullptr);

    // The passport page: the document and the portrait found on it.
    ASSERT_TRUE(d.click(QStringLiteral("idFile_0")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("portraitImage"), kSearchTimeoutMs));
    EXPECT_EQ(workflow->idPhoto()->status(), "found");
    const auto *portrait = d.find(QStringLiteral("portraitImage"));
    ASSERT_NE(portrait, nullptr);
    EXPECT_TRUE(QTest::qWaitFor([&] { return portrait->property("status").toInt() == 1; })) << "Image.Ready";
    EXPECT_GT(portrait->property("sourceSize").toSize().width(), 100);
    EXPECT_TRUE(d.hasFocus(QStringLiteral("usePhotoButton")));
    ASSERT_TRUE(d.screenshot(QStringLiteral("11-id-photo"),
                             {QStringLiteral("documentImage"), QStringLiteral("portraitImage")}));
    std::printf("[ measure ] ID portrait on the GUI worker: %d ms\n", workflow->idPhoto()->findMs());

    d.key(Qt::Key_Return); // "Use this photo"
    ASSERT_TRUE(d.waitFor(QStringLiteral("consentScreen")));
    EXPECT_EQ(workflow->registration()->state(), core::RegistrationState::IdCaptured);
    EXPECT_TRUE(d.text(QStringLiteral("consentText_alternative")).contains(QStringLiteral("manager")));
    EXPECT_TRUE(d.text(QStringLiteral("consentText_where")).contains(QStringLiteral("no key")));
    EXPECT_TRUE(d.hasFocus(QStringLiteral("agreeButton")));
    ASSERT_TRUE(d.screenshot(QStringLiteral("13-consent")));

    // The passport belongs to somebody else than the person in the camera (the sample video): the
    // face check runs on the screen and ends in a failure the clerk decides on.
    ASSERT_TRUE(d.click(QStringLiteral("agreeButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("faceCheckScreen")));
    EXPECT_EQ(workflow->consentDecisionName(), "face_check");
    EXPECT_EQ(workflow->registration()->state(), core::RegistrationState::Consented);
    if (!test::sampleVideoSource()) {
        EXPECT_TRUE(d.waitFor(QStringLiteral("faceCheckProblem")));
        return;
    }
    ASSERT_TRUE(d.waitFor(QStringLiteral("livePreview"), 30000)) << "models and first frame";
    ASSERT_TRUE(QTest::qWaitFor([&] { return workflow->faceCheck()->prompt() == "blink"; }, 30000));
    EXPECT_EQ(d.text(QStringLiteral("promptText")), QStringLiteral("Blink slowly"));
    ASSERT_TRUE(d.screenshot(QStringLiteral("14-face-check-blink"), {QStringLiteral("livePreview")}));
    ASSERT_TRUE(d.waitFor(QStringLiteral("outcomeScreen"), 60000));
    EXPECT_EQ(workflow->outcome(), "failed");
    EXPECT_TRUE(d.text(QStringLiteral("outcomeVerdict")).contains(QStringLiteral("did not succeed")));
    EXPECT_TRUE(d.hasFocus(QStringLiteral("retryButton")));
    ASSERT_TRUE(d.screenshot(QStringLiteral("17-outcome-fail-mismatch")));
    ASSERT_TRUE(d.click(QStringLiteral("handToManagerButton")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return workflow->outcome() == "manual_review"; }));
    EXPECT_TRUE(d.text(QStringLiteral("outcomeRecord")).contains(QStringLiteral("Saved")));
    ASSERT_TRUE(d.screenshot(QStringLiteral("18-outcome-handed-to-manager")));
    ASSERT_TRUE(d.click(QStringLiteral("finishButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
    EXPECT_TRUE(workflow->idPortrait().empty());
    EXPECT_EQ(workflow->consentDecisionName(), "");
}

TEST_F(KioskScreensTest, TypedPathThenTheManualCheck)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    ASSERT_NO_FATAL_FAILURE(signInAndFillTheForm());
    test::ScreenDriver &d = *driver;
    ASSERT_NO_FATAL_FAILURE(useTheTypedSpecimen(d));
    ASSERT_TRUE(d.waitFor(QStringLiteral("consentScreen")));
    // The customer reads it in German, then goes back to English: texts from QML and from C++ (the
    // notice) follow at once.
    const QString englishNotice = d.text(QStringLiteral("consentText_what"));
    ASSERT_FALSE(englishNotice.isEmpty());
    ASSERT_TRUE(d.click(QStringLiteral("language_de")));
    EXPECT_TRUE(QTest::qWaitFor([&] {
        return d.text(QStringLiteral("agreeButton")) == QStringLiteral("Ich stimme der Gesichtsprüfung zu");
    })) << d.text(QStringLiteral("agreeButton")).toStdString();
    EXPECT_NE(d.text(QStringLiteral("consentText_what")), englishNotice);
    EXPECT_EQ(workflow->language(), "de");
    // The longest notice (German) still leaves every choice on the screen: a longer notice scrolls,
    // the buttons stay put.
    for (const char *name : {"agreeButton", "manualCheckButton", "cancelButton", "language_en", "language_de"}) {
        const QQuickItem *item = d.find(QString::fromLatin1(name));
        ASSERT_TRUE(item && item->window()) << name;
        const QRectF onScreen = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        EXPECT_TRUE(QRectF(0, 0, item->window()->width(), item->window()->height()).contains(onScreen))
            << name << " lies outside the window";
    }
    ASSERT_TRUE(d.screenshot(QStringLiteral("13-consent-switched-to-de")));
    ASSERT_TRUE(d.click(QStringLiteral("language_en")));
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return d.text(QStringLiteral("agreeButton")) == QStringLiteral("I agree to the face check"); }));
    EXPECT_EQ(d.text(QStringLiteral("consentText_what")), englishNotice);
    ASSERT_TRUE(d.click(QStringLiteral("manualCheckButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("outcomeScreen")));
    EXPECT_EQ(workflow->consentDecisionName(), "manual_check");
    EXPECT_EQ(workflow->outcome(), "manual_review");
    EXPECT_TRUE(workflow->idPortrait().empty()) << "no face data on the manual path";
    EXPECT_TRUE(d.text(QStringLiteral("outcomeVerdict")).contains(QStringLiteral("manager")));
    ASSERT_TRUE(d.screenshot(QStringLiteral("16-outcome-manual-check")));
    ASSERT_TRUE(d.click(QStringLiteral("finishButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
    EXPECT_FALSE(workflow->registration().has_value());
}

// The clerk holds the card up to the camera (a recording of a specimen passport page moved, then held
// still, in front of a counter): the frame, the guide and the hint show; the photo is taken by itself.
TEST_F(KioskScreensTest, TheCardHeldUpToTheCameraIsTakenByItself)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    const auto face = test::specimenWithFace();
    ASSERT_TRUE(face);
    const cv::Mat page = cv::imread(face->string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(page.empty());
    test::TempDir recording;
    for (int i = 0; i < 60; ++i) { // 2 s at 30 frames per second: 0.5 s moving, then still
        const float shift = i < 15 ? static_cast<float>(25 * (15 - i)) : 0.f; // enters from the lower right
        char name[32];
        std::snprintf(name, sizeof name, "frame-%03d.jpg", i);
        ASSERT_TRUE(cv::imwrite((recording.path() / name).string(), test::heldCardFrame(page, {shift, shift / 2})));
    }
    ASSERT_NO_FATAL_FAILURE(signInAndFillTheForm());
    test::ScreenDriver &d = *driver;
    workflow->idPhoto()->setCamera(idCamera.get(), recording.path().string());
    ASSERT_TRUE(d.waitFor(QStringLiteral("useCameraButton")));
    EXPECT_TRUE(d.text(QStringLiteral("idEmptyHint")).contains(QStringLiteral("camera")));
    ASSERT_TRUE(d.click(QStringLiteral("useCameraButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("idCameraView")));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return workflow->idPhoto()->cameraSerial() > 0 && !workflow->idPhoto()->cameraHint().isEmpty(); },
        kSearchTimeoutMs));
    EXPECT_NE(d.find(QStringLiteral("stopCameraButton")), nullptr);
    EXPECT_FALSE(d.text(QStringLiteral("idCameraHint")).isEmpty());
    ASSERT_TRUE(d.waitFor(QStringLiteral("portraitImage"), kSearchTimeoutMs))
        << workflow->idPhoto()->errorCode().toStdString();
    EXPECT_EQ(workflow->idPhoto()->status(), "found");
    EXPECT_FALSE(workflow->idPhoto()->cameraActive());
    EXPECT_EQ(workflow->idPhoto()->loadedName(), "camera");
    EXPECT_EQ(workflow->idPhoto()->document().width(), 1000) << "the rectified card, as the preview";
    ASSERT_TRUE(d.screenshot(QStringLiteral("11c-id-camera-captured"),
                             {QStringLiteral("documentImage"), QStringLiteral("portraitImage")}));
    ASSERT_TRUE(d.click(QStringLiteral("usePhotoButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("consentScreen")));
    EXPECT_FALSE(workflow->idPortrait().empty());
}

// A camera that cannot be opened says so and what to do; a card with no photo on the side shown is
// outlined and the clerk told to turn it over; the clerk stops the camera.
TEST_F(KioskScreensTest, AMissingIdCameraIsAnErrorAndARunningOneStops)
{
    ASSERT_NO_FATAL_FAILURE(signInAndFillTheForm());
    test::ScreenDriver &d = *driver;
    workflow->idPhoto()->setCamera(idCamera.get(), "/dev/video-simkyc-absent");
    ASSERT_TRUE(d.waitFor(QStringLiteral("useCameraButton")));
    ASSERT_TRUE(d.click(QStringLiteral("useCameraButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("idError"), kSearchTimeoutMs));
    EXPECT_EQ(workflow->idPhoto()->errorCode(), kIdCameraUnavailable);
    EXPECT_TRUE(d.text(QStringLiteral("idErrorText")).contains(QStringLiteral("camera cannot be used")));
    EXPECT_FALSE(workflow->idPhoto()->cameraActive());

    // A camera stand-in for 10 s (300 frames at 30 fps): a card held still with its back to the
    // camera (a synthetic card with print and no face).
    cv::Mat back(295, 420, CV_8UC3, cv::Scalar(225, 220, 215));
    for (int y = 30; y < 270; y += 18)
        cv::line(back, {30, y}, {390, y}, cv::Scalar(60, 60, 60), 2);
    test::TempDir recording;
    const cv::Mat frame = test::heldCardFrame(back);
    for (int i = 0; i < 300; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "frame-%03d.png", i);
        ASSERT_TRUE(cv::imwrite((recording.path() / name).string(), frame));
    }
    workflow->idPhoto()->setCamera(idCamera.get(), recording.path().string());
    ASSERT_TRUE(d.click(QStringLiteral("useCameraButton")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return workflow->idPhoto()->cameraHint() == "no_portrait"; }, kSearchTimeoutMs))
        << workflow->idPhoto()->cameraHint().toStdString();
    EXPECT_TRUE(d.text(QStringLiteral("idCameraHint")).contains(QStringLiteral("Turn the card over")));
    EXPECT_EQ(workflow->idPhoto()->cameraCorners().size(), 4) << "the card found is outlined";
    ASSERT_TRUE(d.screenshot(QStringLiteral("11b-id-camera")));
    ASSERT_TRUE(d.click(QStringLiteral("stopCameraButton")));
    EXPECT_FALSE(workflow->idPhoto()->cameraActive());
    EXPECT_TRUE(QTest::qWaitFor([&] { return !idCamera->running(); }, 5000)) << "the capture ends within a frame";
    EXPECT_NE(d.find(QStringLiteral("useCameraButton")), nullptr);
    EXPECT_EQ(workflow->idPhoto()->status(), "empty");
}

// Without the shared data: a synthetic image with no face, and a file that is no image.
TEST_F(KioskScreensTest, FacelessAndUnreadableScansKeepTheClerkOnTheIdStep)
{
    ASSERT_TRUE(test::writeNoFaceImage(scans.path() / "stripes.jpg"));
    {
        std::ofstream(scans.path() / "broken.png") << "not a PNG";
    }
    std::filesystem::last_write_time(scans.path() / "broken.png",
                                     std::filesystem::file_time_type::clock::now() - std::chrono::seconds(60));
    ASSERT_NO_FATAL_FAILURE(signInAndFillTheForm());
    test::ScreenDriver &d = *driver;
    ASSERT_TRUE(d.click(QStringLiteral("idFile_0")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("idError"), kSearchTimeoutMs));
    EXPECT_EQ(workflow->idPhoto()->errorCode(), kIdNoFace);
    ASSERT_TRUE(d.click(QStringLiteral("chooseAnotherButton")));
    ASSERT_TRUE(d.click(QStringLiteral("idFile_1")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("idError"), kSearchTimeoutMs));
    EXPECT_EQ(workflow->idPhoto()->errorCode(), kIdUnreadable);
    EXPECT_TRUE(d.text(QStringLiteral("idErrorText")).contains(QStringLiteral("cannot be read")));
    EXPECT_FALSE(d.isEnabled(QStringLiteral("usePhotoButton")));
    EXPECT_EQ(workflow->screen(), RegistrationWorkflow::Screen::IdPhoto);
}

// The customer's screens in the kiosk's other languages: the consent, the first prompt and, with the
// sample recording as the camera and its own face as the chip portrait, the verdict.
class KioskConsentLanguageTest : public KioskScreensTest, public ::testing::WithParamInterface<const char *> {
protected:
    KioskConsentLanguageTest() { language = QString::fromLatin1(GetParam()); }
};

TEST_P(KioskConsentLanguageTest, ConsentScreenIsTranslated)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    const auto video = test::sampleFaceVideo();
    if (video) { // the recording's own face as the chip portrait: the check can pass
        ASSERT_TRUE(test::writeVideoFace(*video, scans.path() / "scan-0001.jpg", true));
    } else {
        const auto face = test::specimenWithFace();
        ASSERT_TRUE(face);
        scan(*face, "scan-0001.png", 0);
    }
    ASSERT_NO_FATAL_FAILURE(signInAndFillTheForm());
    test::ScreenDriver &d = *driver;
    ASSERT_TRUE(d.click(QStringLiteral("idFile_0")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("portraitImage"), kSearchTimeoutMs));
    d.key(Qt::Key_Return);
    ASSERT_TRUE(d.waitFor(QStringLiteral("consentScreen")));
    const QString agree = d.text(QStringLiteral("agreeButton"));
    EXPECT_NE(agree, QStringLiteral("I agree to the face check")) << "not translated";
    EXPECT_FALSE(agree.isEmpty());
    EXPECT_NE(d.text(QStringLiteral("consentText_alternative")).left(20), QStringLiteral("You may refuse. The "));
    ASSERT_TRUE(d.screenshot(QStringLiteral("13-consent-") + language));
    ASSERT_TRUE(d.click(QStringLiteral("agreeButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("faceCheckScreen")));
    EXPECT_EQ(workflow->consent().language, language);
    if (!test::sampleVideoSource())
        return;
    ASSERT_TRUE(QTest::qWaitFor([&] { return workflow->faceCheck()->prompt() == "blink"; }, 60000));
    const QString prompt = d.text(QStringLiteral("promptText"));
    EXPECT_NE(prompt, QStringLiteral("Blink slowly")) << "not translated";
    EXPECT_FALSE(prompt.isEmpty());
    ASSERT_TRUE(d.screenshot(QStringLiteral("14-face-check-blink-") + language, {QStringLiteral("livePreview")}));
    ASSERT_TRUE(d.waitFor(QStringLiteral("outcomeScreen"), 90000)) << workflow->faceCheck()->message().toStdString();
    EXPECT_EQ(workflow->outcome(), "passed") << workflow->outcomeReasons().join("; ").toStdString();
    const QString verdict = d.text(QStringLiteral("outcomeVerdict"));
    EXPECT_NE(verdict, QStringLiteral("✓ Identity confirmed")) << "not translated";
    EXPECT_FALSE(verdict.isEmpty());
    ASSERT_TRUE(d.screenshot(QStringLiteral("15-outcome-pass-") + language));
}

INSTANTIATE_TEST_SUITE_P(Languages, KioskConsentLanguageTest, ::testing::Values("zh_CN", "de"));

// Two screens: the customer answers the consent on their own window; the clerk's window shows the
// notice without the customer's choices; the customer's window shows a welcome before and the verdict
// only after (no reasons, no clerk buttons), while the clerk finishes on theirs.
class KioskTwoScreensTest : public KioskScreensTest {
protected:
    KioskTwoScreensTest() { customerWindow = true; }
};

TEST_F(KioskTwoScreensTest, TheCustomerAnswersOnTheirOwnScreen)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    ASSERT_NE(window->customerWindow(), nullptr);
    test::ScreenDriver customer(*window->customerWindow(), SIMKYC_SCREENSHOT_DIR);
    ASSERT_TRUE(customer.waitFor(QStringLiteral("customerWelcome")));
    ASSERT_TRUE(customer.screenshot(QStringLiteral("27-customer-screen-welcome")));

    ASSERT_NO_FATAL_FAILURE(signInAndFillTheForm());
    EXPECT_NE(customer.find(QStringLiteral("customerWelcome")), nullptr) << "the form stays on the clerk's side";
    test::ScreenDriver &d = *driver;
    ASSERT_NO_FATAL_FAILURE(useTheTypedSpecimen(d));

    ASSERT_TRUE(customer.waitFor(QStringLiteral("consentScreen")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("consentScreen")));
    EXPECT_EQ(d.find(QStringLiteral("agreeButton")), nullptr) << "the clerk cannot consent for the customer";
    EXPECT_EQ(d.find(QStringLiteral("manualCheckButton")), nullptr);
    EXPECT_TRUE(d.text(QStringLiteral("consentOnCustomerScreen")).contains(QStringLiteral("their screen")));
    EXPECT_NE(customer.find(QStringLiteral("agreeButton")), nullptr);
    ASSERT_TRUE(customer.screenshot(QStringLiteral("28-customer-screen-consent")));
    ASSERT_TRUE(d.screenshot(QStringLiteral("28-clerk-screen-during-consent")));

    ASSERT_TRUE(customer.click(QStringLiteral("manualCheckButton")));
    ASSERT_TRUE(customer.waitFor(QStringLiteral("outcomeScreen")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("outcomeScreen")));
    EXPECT_EQ(workflow->consentDecisionName(), "manual_check");
    EXPECT_TRUE(customer.text(QStringLiteral("outcomeVerdict")).contains(QStringLiteral("manager")));
    EXPECT_EQ(customer.find(QStringLiteral("finishButton")), nullptr) << "the clerk's choices stay on the clerk's side";
    EXPECT_EQ(customer.find(QStringLiteral("outcomeRecord")), nullptr) << "no record id on the customer's screen";
    ASSERT_TRUE(d.click(QStringLiteral("finishButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
    EXPECT_TRUE(customer.waitFor(QStringLiteral("customerWelcome")));
}

// The screen-light colours light the face from the screen that faces the customer: with two screens
// the customer's window plays them and the clerk's, to the side, does not.
TEST_F(KioskTwoScreensTest, TheScreenLightPlaysOnTheCustomersScreenOnly)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    ASSERT_NE(window->customerWindow(), nullptr);
    test::ScreenDriver customer(*window->customerWindow(), SIMKYC_SCREENSHOT_DIR);
    ASSERT_NO_FATAL_FAILURE(signInAndFillTheForm());
    test::ScreenDriver &d = *driver;
    ASSERT_NO_FATAL_FAILURE(useTheTypedSpecimen(d));
    ASSERT_TRUE(customer.waitFor(QStringLiteral("consentScreen")));
    ASSERT_TRUE(customer.click(QStringLiteral("agreeButton")));
    ASSERT_TRUE(customer.waitFor(QStringLiteral("faceCheckScreen")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("faceCheckScreen")));

    // As the face check's worker starts it on a camera (a recording here, which never asks for it).
    workflow->screenFlash()->start(vision::colourScheduleFromSeed(5), 4000.0, 0.0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return screenFlashShown(customer); }, 2000))
        << "the customer's screen lights the face";
    EXPECT_FALSE(screenFlashShown(d)) << "not the clerk's, to the side";
    ASSERT_TRUE(customer.screenshot(QStringLiteral("29-customer-screen-screen-light")));
    workflow->screenFlash()->stop();
    EXPECT_TRUE(QTest::qWaitFor([&] { return !screenFlashShown(customer); }, 2000));
}

// With one window, that window faces the customer and plays the colours.
TEST_F(KioskScreensTest, TheScreenLightPlaysOnTheOnlyWindow)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    ASSERT_NO_FATAL_FAILURE(signInAndFillTheForm());
    test::ScreenDriver &d = *driver;
    ASSERT_NO_FATAL_FAILURE(useTheTypedSpecimen(d));
    ASSERT_TRUE(d.waitFor(QStringLiteral("consentScreen")));
    ASSERT_TRUE(d.click(QStringLiteral("agreeButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("faceCheckScreen")));
    workflow->screenFlash()->start(vision::colourScheduleFromSeed(5), 4000.0, 0.0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return screenFlashShown(d); }, 2000));
    workflow->screenFlash()->stop();
}

} // namespace
} // namespace simkyc::app

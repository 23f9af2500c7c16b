// The fixture of the real-QML screen tests: the kiosk window (the same module and window class as
// `simkyc`) on the offscreen platform with the software scene graph, sign-in and the ID search on
// their own threads as in the program, a scan folder of its own. Thread-safety: GUI thread only.
#pragma once

#include "app/gui/face_check_service.h"
#include "app/gui/id_card_camera.h"
#include "app/gui/id_portrait_finder.h"
#include "app/gui/kiosk_window.h"
#include "app/gui/login_checker.h"
#include "app/gui/registration_workflow.h"
#include "app/gui/translations.h"
#include "gui_fixture.h"
#include "screen_driver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <utility>

namespace simkyc::app {

class KioskScreensTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (QCoreApplication::instance() != nullptr)
            return;
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qputenv("QT_QUICK_BACKEND", "software");
        static int argc = 1;
        static char name[] = "gui_screen_tests";
        static char *argv[] = {name, nullptr};
        new QApplication(argc, argv); // the day's charts need Qt Widgets (Qt Charts)
    }
    // Joins the face check's worker before the program exits: a model load still running at exit
    // would use OpenSSL (the hash check) after its clean-up and crash the process.
    static void TearDownTestSuite() { faceServiceSlot().reset(); }
    // The face check's worker and models, loaded once per suite in the background (as the kiosk
    // does at start).
    static FaceCheckService &faceService()
    {
        std::unique_ptr<FaceCheckService> &service = faceServiceSlot();
        if (!service) {
            service = std::make_unique<FaceCheckService>();
            service->loadModels(ModelCatalog::builtIn(test::modelsDir()));
        }
        return *service;
    }
    static std::unique_ptr<FaceCheckService> &faceServiceSlot()
    {
        static std::unique_ptr<FaceCheckService> service;
        return service;
    }

    void SetUp() override
    {
        ASSERT_TRUE(demo.ok()) << demo.error();
        if (!language.isEmpty()) {
            translator = installKioskTranslation(language);
            ASSERT_NE(translator, nullptr) << language.toStdString();
        }
        QElapsedTimer started;
        started.start();
        const QString hint =
            QStringLiteral("Demo account: %1 / %2")
                .arg(QString::fromStdString(demo.account().name), QString::fromStdString(demo.account().password));
        checker =
            std::make_unique<ThreadedLoginChecker>(demo.dataDir(), crypto::ScryptParams{test::kCheapScryptLog2, 8, 1});
        finder = std::make_unique<ThreadedIdPortraitFinder>();
        idCamera = std::make_unique<IdCardCamera>();
        workflow = std::make_unique<RegistrationWorkflow>(*checker, *finder, hint, idleLock);
        workflow->setLanguage(language.isEmpty() ? QStringLiteral("en") : language);
        workflow->idPhoto()->setFolder(QString::fromStdString(scans.path().string()));
        auto opened = demo.newSession();
        ASSERT_TRUE(opened.ok()) << opened.error().toString();
        session = std::move(opened).value();
        recorder = std::make_unique<RegistrationRecorder>(*session);
        workflow->setFaceCheck(&faceService(), recorder.get(),
                               test::sampleVideoSource().value_or(RegistrationWorkflow::FaceSource{}));
        workflow->setStore(session.get());
        workflow->setStaffHashing(crypto::ScryptParams{test::kCheapScryptLog2, 8, 1});
        workflow->setReportFolder(QString::fromStdString((demo.dataDir() / "reports").string()));
        workflow->settingsView()->setUp(KioskConfig{}, demo.dataDir(), session.get(),
                                        [this](const KioskConfig &config) { workflow->applyFaceSettings(config); });
        window = std::make_unique<KioskWindow>(*workflow, started);
        const Status loaded = window->load(nullptr, customerWindow ? QGuiApplication::primaryScreen() : nullptr);
        ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
        ASSERT_NE(window->window(), nullptr);
        window->window()->requestActivate();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window->window()));
        ASSERT_TRUE(QTest::qWaitForWindowActive(window->window())) << "typed keys go to the active window";
        ASSERT_TRUE(QTest::qWaitFor([this] { return window->firstFrameMs() >= 0; }, 5000));
        driver = std::make_unique<test::ScreenDriver>(*window->window(), SIMKYC_SCREENSHOT_DIR);
        ASSERT_TRUE(driver->waitFor(QStringLiteral("loginScreen")));
    }

    void TearDown() override
    {
        if (window) {
            EXPECT_TRUE(window->qmlWarnings().isEmpty()) << window->qmlWarnings().join('\n').toStdString();
        }
        driver.reset();
        window.reset();
        workflow.reset(); // cancels a running face check
        EXPECT_TRUE(QTest::qWaitFor([] { return !faceService().running(); }, 10000));
        recorder.reset();
        session.reset();
        checker.reset();
        finder.reset();
        idCamera.reset();
        translator.reset();
    }

    // Waits for the sign-in check running on the checker's thread.
    void settle() const
    {
        EXPECT_TRUE(QTest::qWaitFor([this] { return !workflow->busy(); }, 5000));
    }
    // Signs in with the keyboard (name, Tab, password, Enter) and waits for the home screen; as the
    // demo clerk unless another account is given.
    void signIn(const QString &name = {}, const QString &secret = {})
    {
        test::ScreenDriver &d = *driver;
        d.type(name.isEmpty() ? clerk() : name);
        d.key(Qt::Key_Tab);
        d.type(name.isEmpty() ? password() : secret);
        d.key(Qt::Key_Return);
        settle();
        ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
    }
    void signInAsManager()
    {
        signIn(QString::fromStdString(demo.account().managerName),
               QString::fromStdString(demo.account().managerPassword));
    }
    // Signs in, types a valid customer into the form, then continues (Enter).
    void signInAndFillTheForm()
    {
        test::ScreenDriver &d = *driver;
        ASSERT_NO_FATAL_FAILURE(signIn());
        ASSERT_TRUE(d.click(QStringLiteral("newRegistrationButton")));
        ASSERT_TRUE(d.waitFor(QStringLiteral("customerFormScreen")));
        for (const auto &[field, value] :
             {std::pair{"customerName", QStringLiteral("Zhang San")},
              std::pair{"customerIdNumber", test::kValidIdNumber},
              std::pair{"customerAddress", QStringLiteral("1 Renmin Road, Nanchang")},
              std::pair{"customerPhone", test::kValidPhone}, std::pair{"customerIccid", test::validIccid()}})
            ASSERT_TRUE(d.typeInto(QString::fromLatin1(field), value)) << field;
        d.key(Qt::Key_Return); // Enter on the last field continues
        ASSERT_TRUE(d.waitFor(QStringLiteral("idPhotoScreen")));
    }
    // Copies a file into the scan folder with a modification time `ageS` seconds ago.
    void scan(const std::filesystem::path &file, const std::string &name, int ageS)
    {
        const auto to = scans.path() / name;
        std::filesystem::copy_file(file, to, std::filesystem::copy_options::overwrite_existing);
        std::filesystem::last_write_time(to,
                                         std::filesystem::file_time_type::clock::now() - std::chrono::seconds(ageS));
    }
    QString clerk() const { return QString::fromStdString(demo.account().name); }
    QString password() const { return QString::fromStdString(demo.account().password); }

    std::chrono::milliseconds idleLock = kDefaultIdleLock;
    bool customerWindow = false; // a second window for the customer (on the same offscreen screen)
    QString language;            // "" = the source strings (English)
    std::unique_ptr<QTranslator> translator;
    test::DemoStore demo;
    test::TempDir scans;                              // the scanner's folder
    std::unique_ptr<ThreadedLoginChecker> checker;    // as in the program: sign-in on its own thread
    std::unique_ptr<IdCardCamera> idCamera;           // no spec set: the ID step has no camera unless a test sets one
    std::unique_ptr<ThreadedIdPortraitFinder> finder; // and the face search on its own
    std::unique_ptr<StoreSession> session;
    std::unique_ptr<RegistrationRecorder> recorder;
    std::unique_ptr<RegistrationWorkflow> workflow;
    std::unique_ptr<KioskWindow> window;
    std::unique_ptr<test::ScreenDriver> driver;
};

} // namespace simkyc::app

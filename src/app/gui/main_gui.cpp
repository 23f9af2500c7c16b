// simkyc: the kiosk GUI. Opens the store (options: app/gui/gui_options.h), or with --demo a fresh demo
// data folder whose demo clerk is shown on the sign-in screen, then shows the workflow's screens.
// SIGINT and SIGTERM quit the event loop, so a temporary demo folder is removed on the way out.
#include "app/demo_registration.h"
#include "app/gui/face_check_service.h"
#include "app/gui/gui_log.h"
#include "app/gui/gui_options.h"
#include "app/gui/id_portrait_finder.h"
#include "app/gui/kiosk_window.h"
#include "app/gui/login_checker.h"
#include "app/gui/prompt_speaker.h"
#include "app/gui/registration_workflow.h"
#include "app/gui/translations.h"
#include "app/qt_logging.h"
#include "app/registration_recorder.h"
#include "app/store_session.h"
#include "core/opening_hours.h"
#include "sync/quota_checker.h"
#include "sync/upstream_client.h"
#include "vision/injection_check.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLocale>
#include <QScreen>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <unistd.h>

namespace {

using namespace simkyc;

int g_signalPipe[2] = {-1, -1};

// The carrier's quota check holds the clerk's form: a few seconds at most, then "unconfirmed".
constexpr std::chrono::milliseconds kQuotaCheckTimeout{5000};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// Self-pipe: the handler only writes a byte; the event loop quits when it arrives.
void quitOnSignals(QCoreApplication &application)
{
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &application);
    QObject::connect(notifier, &QSocketNotifier::activated, &application, [] {
        qCInfo(app::lcGui) << "signal received: quitting";
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

// Where the face check's frames come from (see --camera in gui_options.cpp).
app::RegistrationWorkflow::FaceSource faceSourceOf(const app::GuiOptions &options)
{
    app::RegistrationWorkflow::FaceSource source;
    source.spec = options.camera;
    const app::KioskConfig &config = options.config;
    source.promptCount = config.livenessChallenges;
    source.promptTimeoutS = config.livenessTimeoutS;
    source.maxSessions = config.livenessMaxSessions;
    source.matchThreshold = config.matchThreshold;
    source.passiveThreshold = config.passiveThreshold;
    source.requirePassiveModel = config.requirePassiveModel && !options.demo;
    source.screenLight = config.screenLight;
    source.camera.spec.width = config.cameraWidth;
    source.camera.spec.height = config.cameraHeight;
    source.camera.spec.fps = config.cameraFps;
    source.camera.allowVirtual = config.allowVirtualCamera;
    source.camera.allowed = config.allowedCameras;
    std::string script = options.cameraScript;
    if (options.demo && !options.cameraGiven) {
        if (auto video = app::defaultSampleVideo()) {
            source.spec = video->string();
            if (script.empty())
                script = app::kDemoSampleScript;
        } else if (auto camera = vision::findCamera(config.allowedCameras, config.allowVirtualCamera); camera.ok()) {
            source.spec = *camera; // the first allowed, real camera connected
        } else {
            source.spec.clear(); // the face check says there is no picture, and why
            source.noCameraWhy = "no sample video, and " + camera.error().message;
        }
    }
    source.recording = !source.spec.empty() && !vision::isCameraSpec(source.spec);
    if (!script.empty())
        if (auto prompts = vision::parsePromptScript(script); prompts.ok())
            source.recordingScript = std::move(prompts).value();
    return source;
}

// The screen with this output name; nullptr (with a warning naming the screens there are) when it is
// not connected, or for an empty name.
QScreen *screenNamed(const QString &name, const char *what)
{
    if (name.isEmpty())
        return nullptr;
    QStringList names;
    for (QScreen *screen : QGuiApplication::screens()) {
        if (screen->name() == name)
            return screen;
        names << screen->name();
    }
    qCWarning(app::lcGui).noquote() << what << name
                                    << "is not connected; the screens are:" << names.join(QStringLiteral(", "));
    return nullptr;
}

int fail(const std::string &what)
{
    std::fprintf(stderr, "simkyc: %s\n", what.c_str());
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer started;
    started.start();
    QApplication application(argc, argv); // QApplication: the day's charts draw with Qt Charts (Qt Widgets)
    QGuiApplication::setApplicationName(QStringLiteral("simkyc"));
    QGuiApplication::setApplicationVersion(QStringLiteral(SIMKYC_VERSION));
    app::installQtLogSink();
    quitOnSignals(application);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SimKYC kiosk: real-name SIM registration"));
    parser.addHelpOption();
    parser.addVersionOption();
    app::addGuiOptions(parser);
    parser.process(application);
    auto options = app::resolveGuiOptions(parser, QLocale::system().name());
    if (!options.ok())
        return fail(options.error().toString());
    auto translation = app::installKioskTranslation(options->language);

    std::optional<QTemporaryDir> demoRoot;
    QString demoHint;
    if (options->demo) {
        if (options->dataDir.empty()) {
            demoRoot.emplace(QDir::tempPath() + QStringLiteral("/simkyc-gui-demo-XXXXXX"));
            if (!demoRoot->isValid())
                return fail("cannot create a temporary demo folder: " + demoRoot->errorString().toStdString());
            options->dataDir = std::filesystem::path(demoRoot->path().toStdString()) / "data";
        }
        auto account = app::prepareDemoDataFolder(options->dataDir);
        if (!account.ok())
            return fail("demo set-up: " + account.error().toString());
        demoHint =
            QCoreApplication::translate("main", "Demo accounts: clerk %1 / %2, manager %3 / %4")
                .arg(QString::fromStdString(account->name), QString::fromStdString(account->password),
                     QString::fromStdString(account->managerName), QString::fromStdString(account->managerPassword));
    }

    // The store manager's settings (Settings screen) over the configuration file's.
    const app::KioskConfig fileConfig = options->config;
    if (auto effective = app::withManagerSettings(fileConfig, options->dataDir); effective.ok())
        options->config = std::move(effective).value();
    else
        return fail(effective.error().toString());

    // The face models load in the background while the window comes up (~1 s).
    vision::CaptureQualityConfig quality = vision::defaultCaptureQualityConfig();
    if (!options->config.captureQualityFile.empty()) {
        auto loaded = vision::loadCaptureQualityConfig(options->config.captureQualityFile);
        if (!loaded.ok())
            return fail("liveness.capture_quality_file: " + loaded.error().toString());
        quality = std::move(loaded).value();
    }
    app::FaceCheckService faceCheck;
    faceCheck.loadModels(app::ModelCatalog::builtIn(options->modelsDir), std::move(quality));

    auto session = app::openSession(options->dataDir, options->passphraseFile, true);
    if (!session.ok())
        return fail(session.error().toString());
    app::RegistrationRecorder recorder(*session, options->config.quotaMaxPerId);

    // Sign-in runs on a thread of its own (the hash takes ~250 ms). The checker's own hashing cost
    // only matters for unknown names (a dummy hash as costly as a real one); stored hashes carry their
    // own parameters. The default avoids a calibration at start.
    app::ThreadedLoginChecker checker(options->dataDir, crypto::ScryptParams{});
    app::ThreadedIdPortraitFinder finder; // decoding and the face search off the GUI thread
    app::IdCardCamera idCamera;           // the card held up to a camera, on a thread of its own
    app::RegistrationWorkflow workflow(checker, finder, demoHint, options->idleLock);
    workflow.setLanguage(options->language);
    workflow.idPhoto()->setFolder(options->scanDir);
    const auto faceSource = faceSourceOf(*options);
    std::string idCameraSpec = options->idCamera;
    if (idCameraSpec.empty() && options->demo && !faceSource.recording && !faceSource.spec.empty())
        idCameraSpec = faceSource.spec; // a demo on a machine with a camera
    workflow.idPhoto()->setCamera(&idCamera, idCameraSpec);
    workflow.setFaceCheck(&faceCheck, &recorder, faceSource);
    // The carrier's quota check before each face check, when the kiosk has an upstream.
    std::unique_ptr<sync::UpstreamClient> quotaClient;
    if (const app::KioskConfig &c = options->config; !c.upstreamUrl.empty()) {
        const sync::TlsOptions tls{c.upstreamTlsDir, c.upstreamAllowTls12,
                                   c.upstreamPinSha256.empty() ? std::nullopt
                                                               : std::optional<std::string>(c.upstreamPinSha256)};
        auto tlsConfig = sync::clientTlsConfiguration(tls);
        if (tlsConfig.ok()) {
            quotaClient = std::make_unique<sync::UpstreamClient>(QUrl(QString::fromStdString(c.upstreamUrl)),
                                                                 *tlsConfig, tls.pinSha256, kQuotaCheckTimeout);
            workflow.setOnlineQuotaCheck([&session, &quotaClient](const std::string &idNumber, auto done) {
                sync::checkQuotaOnline(session->db, session->keys, *quotaClient, idNumber, std::move(done));
            });
        } else {
            // Every registration then says its quota was not confirmed; the sync's receipts decide.
            qCWarning(app::lcGui).noquote()
                << "quota check: upstream TLS folder unusable:" << QString::fromStdString(tlsConfig.error().toString());
            const std::string why = "tls: " + tlsConfig.error().message;
            workflow.setOnlineQuotaCheck([why](const std::string &, auto done) {
                done(sync::QuotaCheckResult{sync::QuotaVerdict::Unconfirmed, 0, 0, why});
            });
        }
    }
    workflow.dayView()->setMatchThreshold(faceSource.matchThreshold); // the day's charts and report
    if (auto hours = core::parseOpeningHours(options->config.openingHours); hours.ok())
        workflow.clerkSignals()->setOpeningHours(*hours); // store.opening_hours; empty: not counted
    workflow.settingsView()->setUp(fileConfig, options->dataDir, &*session,
                                   [&workflow](const app::KioskConfig &config) { workflow.applyFaceSettings(config); });
    workflow.setStore(&*session);
    workflow.setReportFolder(QString::fromStdString((options->dataDir / "reports").string()));
    app::KioskWindow window(workflow, started);
    window.adoptTranslator(std::move(translation));
    QScreen *clerkScreen = screenNamed(options->clerkScreen, "screens.clerk");
    QScreen *customerScreen = screenNamed(options->customerScreen, "the customer screen");
    if (customerScreen != nullptr && customerScreen == (clerkScreen ? clerkScreen : QGuiApplication::primaryScreen())) {
        qCWarning(app::lcGui).noquote() << "the customer screen" << options->customerScreen
                                        << "is the clerk's: one window for both";
        customerScreen = nullptr;
    }
    if (simkyc::Status loaded = window.load(clerkScreen, customerScreen); !loaded.ok())
        return fail(loaded.error().toString());
    std::optional<app::PromptSpeaker> speaker; // the prompts spoken where a voice is installed
    if (options->speech)
        speaker.emplace(*workflow.faceCheck(), [&workflow] { return workflow.language(); });
    qCInfo(app::lcGui).noquote() << "simkyc" << SIMKYC_VERSION << "Qt" << qVersion() << "platform"
                                 << QGuiApplication::platformName() << "data" << options->dataDir.c_str() << "config"
                                 << (options->configFile ? options->configFile->c_str() : "(none)") << "idle lock"
                                 << options->idleLock.count() << "min language" << options->language << "scan dir"
                                 << options->scanDir << "camera"
                                 << (faceSource.spec.empty() ? "(none)" : faceSource.spec.c_str())
                                 << (faceSource.recording ? "(recording)" : "") << "ID camera"
                                 << (idCameraSpec.empty() ? "(none)" : idCameraSpec.c_str())
                                 << (options->demo ? "demo" : "");
    return QGuiApplication::exec();
}

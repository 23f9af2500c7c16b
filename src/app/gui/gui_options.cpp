#include "app/gui/gui_options.h"

#include "app/kiosk_config.h"
#include "vision/frame_source.h"
#include "vision/liveness_session.h"

#include <QStandardPaths>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace simkyc::app {
namespace {

const QString kConfig = QStringLiteral("config");
const QString kDataDir = QStringLiteral("data-dir");
const QString kDemo = QStringLiteral("demo");
const QString kPassphrase = QStringLiteral("passphrase-file");
const QString kIdle = QStringLiteral("idle-minutes");
const QString kLanguage = QStringLiteral("language");
const QString kScanDir = QStringLiteral("scan-dir");
const QString kCamera = QStringLiteral("camera");
const QString kCameraScript = QStringLiteral("camera-script");
const QString kIdCamera = QStringLiteral("id-camera");
const QString kCustomerScreen = QStringLiteral("customer-screen");
const QString kModelsDir = QStringLiteral("models-dir");
const QString kNoSpeech = QStringLiteral("no-speech");
constexpr int kMinIdleMinutes = 1;
constexpr int kMaxIdleMinutes = 60;

} // namespace

void addGuiOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {kConfig,
         QStringLiteral("Kiosk configuration file (default $SIMKYC_CONFIG, else /etc/simkyc/simkyc.conf "
                        "when it exists)."),
         QStringLiteral("FILE")},
        {kDataDir,
         QStringLiteral("Where the store and keys live (default store.data_dir of the configuration, "
                        "else ~/.local/share/simkyc)."),
         QStringLiteral("DIR")},
        {kDemo, QStringLiteral("A demo: keys and a demo clerk (shown on the sign-in screen) in a fresh temporary "
                               "folder removed at exit, or in --data-dir.")},
        {kPassphrase, QStringLiteral("File holding the store passphrase (else $SIMKYC_PASSPHRASE)."),
         QStringLiteral("FILE")},
        {kIdle,
         QStringLiteral("Sign the clerk out after N minutes without input, 1-60 (default "
                        "ui.idle_lock_minutes, 5)."),
         QStringLiteral("N")},
        {kLanguage, QStringLiteral("zh_CN, de or en (default: the first of ui.languages, else the system's)."),
         QStringLiteral("LANG")},
        {kScanDir,
         QStringLiteral("Folder where the ID scanner or chip reader saves its images (default: the user's "
                        "Pictures folder; the kiosk configuration has no key for it yet)."),
         QStringLiteral("DIR")},
        {kCamera,
         QStringLiteral("Camera of the face check: /dev/videoN, /dev/v4l/by-id/... or an index; for demos and tests "
                        "a video file or an image folder (default camera.device of the configuration; with --demo "
                        "and no --camera, the sample face video of the labelled data when it is present)."),
         QStringLiteral("SPEC")},
        {kNoSpeech,
         QStringLiteral("Do not speak the face-check prompts (by default they are spoken where a voice for the "
                        "screen's language is installed).")},
        {kCameraScript,
         QStringLiteral("With --demo only, for a recording given with --camera: the prompts at the times its person "
                        "performs them, e.g. blink@1.0,left@3.0 (a recording cannot follow random prompts)."),
         QStringLiteral("SCRIPT")},
        {kIdCamera,
         QStringLiteral("Camera the clerk holds the ID card up to: /dev/videoN or an index; for demos and tests a "
                        "video file or an image folder; none for no camera (default camera.id_card of the "
                        "configuration, else the face check's camera)."),
         QStringLiteral("SPEC")},
        {kCustomerScreen,
         QStringLiteral("Show the customer's screens (consent, face check, verdict) in a second window on this "
                        "output (e.g. HDMI-A-2; default screens.customer; empty: one screen for both)."),
         QStringLiteral("NAME")},
        {kModelsDir, QStringLiteral("Search this folder first for the face models."), QStringLiteral("DIR")},
    });
}

Result<GuiOptions> resolveGuiOptions(const QCommandLineParser &parser, const QString &systemLanguage)
{
    GuiOptions out;
    const bool configChosen = parser.isSet(kConfig) || (std::getenv(kConfigEnv) != nullptr && *std::getenv(kConfigEnv));
    const std::filesystem::path file = configFileFor(parser.value(kConfig).toStdString());
    std::error_code ec;
    std::optional<KioskConfig> config;
    if (configChosen || std::filesystem::exists(file, ec)) {
        auto loaded = loadKioskConfig(file);
        if (!loaded.ok())
            return loaded.error();
        config = std::move(loaded).value();
        out.configFile = file;
        out.config = *config;
    }

    out.demo = parser.isSet(kDemo);
    if (parser.isSet(kDataDir))
        out.dataDir = parser.value(kDataDir).toStdString();
    else if (!out.demo)
        out.dataDir = config
                          ? std::filesystem::path(config->dataDir)
                          : std::filesystem::path(
                                QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation).toStdString()) /
                                "simkyc";
    if (parser.isSet(kPassphrase))
        out.passphraseFile = parser.value(kPassphrase).toStdString();

    int idle = config ? config->idleLockMinutes : 5;
    if (parser.isSet(kIdle)) {
        bool ok = false;
        idle = parser.value(kIdle).toInt(&ok);
        if (!ok || idle < kMinIdleMinutes || idle > kMaxIdleMinutes)
            return Error{ErrorCode::InvalidArgument, "--idle-minutes " + parser.value(kIdle).toStdString() +
                                                         " is outside " + std::to_string(kMinIdleMinutes) + ".." +
                                                         std::to_string(kMaxIdleMinutes)};
    }
    out.idleLock = std::chrono::minutes(idle);
    out.speech = !parser.isSet(kNoSpeech);

    if (parser.isSet(kLanguage))
        out.language = parser.value(kLanguage);
    else if (config && !config->languages.empty())
        out.language = QString::fromStdString(config->languages.front());
    else
        out.language = systemLanguage;
    out.scanDir = parser.isSet(kScanDir) ? parser.value(kScanDir)
                                         : QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    out.cameraGiven = parser.isSet(kCamera);
    if (out.cameraGiven)
        out.camera = parser.value(kCamera).toStdString();
    else if (!out.demo)
        out.camera = config ? config->cameraDevice : KioskConfig{}.cameraDevice;
    // Anything but a camera (vision::cameraDeviceOf) is a recording, which the kiosk takes in demo mode
    // only: at a counter, a recording in place of the camera is the injection attack itself, and it
    // would get neither the screen-light challenge nor the camera checks.
    if (!out.demo && !out.camera.empty() && !vision::isCameraSpec(out.camera))
        return Error{ErrorCode::InvalidArgument,
                     "camera_not_allowed: --camera " + out.camera +
                         " is not a camera (/dev/videoN, a link to one, or an index); the kiosk takes recordings "
                         "with --demo only"};
    if (parser.isSet(kCameraScript) && !out.demo)
        return Error{ErrorCode::InvalidArgument,
                     "camera_not_allowed: --camera-script fixes the prompts of a recording, with --demo only"};
    if (parser.isSet(kCameraScript)) {
        out.cameraScript = parser.value(kCameraScript).toStdString();
        if (auto script = vision::parsePromptScript(out.cameraScript); !script.ok())
            return Error{ErrorCode::InvalidArgument, "--camera-script: " + script.error().message};
    }
    const std::string idCard = parser.isSet(kIdCamera) ? parser.value(kIdCamera).toStdString()
                               : config                ? config->idCardCamera
                                                       : std::string();
    if (idCard == "none")
        out.idCamera.clear();
    else if (!idCard.empty())
        out.idCamera = idCard;
    else if (vision::isCameraSpec(out.camera))
        out.idCamera = out.camera; // one camera at the counter: the card is held up to it
    out.customerScreen = parser.isSet(kCustomerScreen) ? parser.value(kCustomerScreen)
                                                       : QString::fromStdString(out.config.customerScreen);
    out.clerkScreen = QString::fromStdString(out.config.clerkScreen);
    if (parser.isSet(kModelsDir))
        out.modelsDir = parser.value(kModelsDir).toStdString();
    return out;
}

} // namespace simkyc::app

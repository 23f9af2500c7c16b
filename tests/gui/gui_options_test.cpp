// resolveGuiOptions: the command line over the configuration file over the defaults.
#include "app/gui/gui_options.h"
#include "app/kiosk_config.h"
#include "gui_fixture.h"

#include <QCommandLineParser>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace simkyc::app {
namespace {

class GuiOptionsTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { test::ensureCoreApplication(); }
    void SetUp() override { ::unsetenv(kConfigEnv); }

    Result<GuiOptions> resolve(QStringList args)
    {
        QCommandLineParser parser;
        addGuiOptions(parser);
        args.prepend(QStringLiteral("simkyc"));
        EXPECT_TRUE(parser.parse(args)) << parser.errorText().toStdString();
        return resolveGuiOptions(parser, QStringLiteral("de_DE"));
    }
    QString writeConfig(const std::string &text)
    {
        const auto file = dir.path() / "simkyc.conf";
        std::ofstream(file) << text;
        return QString::fromStdString(file.string());
    }

    test::TempDir dir;
};

TEST_F(GuiOptionsTest, CommandLineOverConfigurationOverDefaults)
{
    const QString config =
        writeConfig("[store]\ndata_dir = /srv/kiosk\n[ui]\nidle_lock_minutes = 7\nlanguages = zh_CN, en\n");
    auto fromConfig = resolve({QStringLiteral("--config"), config});
    ASSERT_TRUE(fromConfig.ok()) << fromConfig.error().toString();
    EXPECT_EQ(fromConfig->dataDir, "/srv/kiosk");
    EXPECT_EQ(fromConfig->idleLock.count(), 7);
    EXPECT_EQ(fromConfig->language, "zh_CN");
    ASSERT_TRUE(fromConfig->configFile.has_value());

    auto overridden = resolve({QStringLiteral("--config"), config, QStringLiteral("--data-dir"), QStringLiteral("/d"),
                               QStringLiteral("--idle-minutes"), QStringLiteral("2"), QStringLiteral("--language"),
                               QStringLiteral("en")});
    ASSERT_TRUE(overridden.ok());
    EXPECT_EQ(overridden->dataDir, "/d");
    EXPECT_EQ(overridden->idleLock.count(), 2);
    EXPECT_EQ(overridden->language, "en");
}

TEST_F(GuiOptionsTest, ConfigurationFromTheEnvironment)
{
    const QString config = writeConfig("[ui]\nidle_lock_minutes = 9\n");
    ::setenv(kConfigEnv, config.toLocal8Bit().constData(), 1);
    auto options = resolve({});
    ::unsetenv(kConfigEnv);
    ASSERT_TRUE(options.ok()) << options.error().toString();
    EXPECT_EQ(options->idleLock.count(), 9);
}

TEST_F(GuiOptionsTest, ANamedConfigurationMustExistAndBeValid)
{
    auto missing = resolve({QStringLiteral("--config"), QString::fromStdString((dir.path() / "absent.conf").string())});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);

    auto invalid = resolve({QStringLiteral("--config"), writeConfig("[ui]\nidle_lock_minutes = 0\n")});
    ASSERT_FALSE(invalid.ok());
    EXPECT_NE(invalid.error().message.find("idle_lock_minutes"), std::string::npos) << invalid.error().message;
}

TEST_F(GuiOptionsTest, IdleMinutesAreRangeChecked)
{
    for (const char *bad : {"0", "61", "five", "-3"}) {
        auto options = resolve({QStringLiteral("--data-dir"), QStringLiteral("/d"), QStringLiteral("--idle-minutes"),
                                QString::fromLatin1(bad)});
        ASSERT_FALSE(options.ok()) << bad;
        EXPECT_EQ(options.error().code, ErrorCode::InvalidArgument);
        EXPECT_NE(options.error().message.find("1..60"), std::string::npos);
    }
}

TEST_F(GuiOptionsTest, ScanFolderFromTheCommandLineElsePictures)
{
    const QString config = writeConfig("");
    auto given =
        resolve({QStringLiteral("--config"), config, QStringLiteral("--scan-dir"), QStringLiteral("/srv/scans")});
    ASSERT_TRUE(given.ok()) << given.error().toString();
    EXPECT_EQ(given->scanDir, "/srv/scans");
    auto fallback = resolve({QStringLiteral("--config"), config});
    ASSERT_TRUE(fallback.ok()) << fallback.error().toString();
    EXPECT_EQ(fallback->scanDir, QStandardPaths::writableLocation(QStandardPaths::PicturesLocation));
    EXPECT_FALSE(fallback->scanDir.isEmpty());
}

TEST_F(GuiOptionsTest, DemoWithoutDataDirUsesATemporaryFolder)
{
    auto demo = resolve({QStringLiteral("--demo"), QStringLiteral("--config"), writeConfig("")});
    ASSERT_TRUE(demo.ok()) << demo.error().toString();
    EXPECT_TRUE(demo->demo);
    EXPECT_TRUE(demo->dataDir.empty()) << "the program makes a temporary folder";
    EXPECT_EQ(demo->language, "zh_CN") << "the configuration's default languages";
    EXPECT_TRUE(demo->speech) << "prompts are spoken unless --no-speech";
    auto quiet = resolve({QStringLiteral("--no-speech"), QStringLiteral("--config"), writeConfig("")});
    ASSERT_TRUE(quiet.ok());
    EXPECT_FALSE(quiet->speech);
}

TEST_F(GuiOptionsTest, WithoutAConfigurationTheDefaultsApply)
{
    if (std::filesystem::exists(kDefaultConfigFile))
        GTEST_SKIP() << kDefaultConfigFile << " exists on this machine";
    auto options = resolve({});
    ASSERT_TRUE(options.ok()) << options.error().toString();
    EXPECT_FALSE(options->configFile.has_value());
    EXPECT_EQ(options->dataDir.filename(), "simkyc");
    EXPECT_EQ(options->idleLock.count(), 5);
    EXPECT_EQ(options->language, "de_DE") << "the system's language";
}

} // namespace
TEST_F(GuiOptionsTest, TheIdCardCameraIsTheCounterCameraUnlessConfiguredOrGiven)
{
    // One file, rewritten before each use.
    const auto counter = [this] { return writeConfig("[camera]\ndevice = /dev/video2\n"); };
    auto shared = resolve({QStringLiteral("--config"), counter()});
    ASSERT_TRUE(shared.ok()) << shared.error().toString();
    EXPECT_EQ(shared->idCamera, "/dev/video2") << "one camera at the counter";
    auto document = resolve({QStringLiteral("--config"), writeConfig("[camera]\nid_card = /dev/video4\n")});
    ASSERT_TRUE(document.ok()) << document.error().toString();
    EXPECT_EQ(document->idCamera, "/dev/video4");
    auto none = resolve({QStringLiteral("--config"), writeConfig("[camera]\nid_card = none\n")});
    ASSERT_TRUE(none.ok()) << none.error().toString();
    EXPECT_EQ(none->idCamera, "");
    auto given =
        resolve({QStringLiteral("--config"), counter(), QStringLiteral("--id-camera"), QStringLiteral("/srv/card")});
    ASSERT_TRUE(given.ok()) << given.error().toString();
    EXPECT_EQ(given->idCamera, "/srv/card");
    auto recording = resolve({QStringLiteral("--config"), counter(), QStringLiteral("--demo"),
                              QStringLiteral("--camera"), QStringLiteral("/srv/face.mp4")});
    ASSERT_TRUE(recording.ok()) << recording.error().toString();
    EXPECT_EQ(recording->idCamera, "") << "a recording of a face shows no card";
}

TEST_F(GuiOptionsTest, ARecordingInPlaceOfTheCameraIsRefusedOutsideDemoMode)
{
    // The injection attack at its simplest: the victim's video given as the kiosk's camera.
    const std::filesystem::path video = dir.path() / "victim.mp4";
    std::ofstream(video) << "not really a video";
    const std::filesystem::path folder = dir.path() / "frames";
    std::filesystem::create_directories(folder);
    // A clip under /dev (shared memory) or the standard input is no camera either: before, any /dev path
    // counted as one here while the kiosk played it as a recording, without the screen-light challenge.
    const std::filesystem::path inDev = "/dev/shm/simkyc-gui-options-test.mp4";
    std::error_code ec;
    const bool devShm = std::filesystem::is_directory("/dev/shm", ec);
    if (devShm)
        std::ofstream(inDev) << "not really a video";
    std::vector<std::string> specs{video.string(), folder.string(), "relative/clip.avi", "/dev/stdin", "/dev/null"};
    if (devShm)
        specs.push_back(inDev.string());
    for (const std::string &spec : specs) {
        auto refused = resolve({QStringLiteral("--camera"), QString::fromStdString(spec)});
        ASSERT_FALSE(refused.ok()) << spec;
        EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
        EXPECT_EQ(refused.error().message.rfind("camera_not_allowed", 0), 0u) << refused.error().message;
        const auto fromConfig = resolve({QStringLiteral("--config"), writeConfig("[camera]\ndevice = " + spec + "\n")});
        EXPECT_FALSE(fromConfig.ok()) << spec << ": the configuration cannot name one either";
        EXPECT_TRUE(resolve({QStringLiteral("--demo"), QStringLiteral("--camera"), QString::fromStdString(spec)}).ok())
            << "a demo may play a recording";
    }
    if (devShm)
        std::filesystem::remove(inDev, ec);
    for (const char *device : {"/dev/video0", "/dev/v4l/by-id/usb-cam-video-index0", "0"})
        EXPECT_TRUE(resolve({QStringLiteral("--camera"), QString::fromLatin1(device)}).ok()) << device;
    // The fixed prompts of a recording, outside demo mode: refused (a camera gets random prompts).
    auto script = resolve({QStringLiteral("--camera"), QStringLiteral("/dev/video0"), QStringLiteral("--camera-script"),
                           QStringLiteral("blink@1.0")});
    ASSERT_FALSE(script.ok());
    EXPECT_EQ(script.error().message.rfind("camera_not_allowed", 0), 0u) << script.error().message;
}

TEST_F(GuiOptionsTest, TheConfigurationsCameraMatchAndLivenessValuesAreCarried)
{
    auto options = resolve(
        {QStringLiteral("--config"), writeConfig("[camera]\nwidth = 640\nheight = 480\nfps = 15\nallow_virtual = true\n"
                                                 "[match]\nthreshold = 0.5\n[liveness]\nchallenges = 4\ntimeout_s = 8\n"
                                                 "max_sessions = 2\n")});
    ASSERT_TRUE(options.ok()) << options.error().toString();
    EXPECT_EQ(options->config.cameraWidth, 640);
    EXPECT_EQ(options->config.cameraHeight, 480);
    EXPECT_EQ(options->config.cameraFps, 15);
    EXPECT_TRUE(options->config.allowVirtualCamera);
    EXPECT_DOUBLE_EQ(options->config.matchThreshold, 0.5);
    EXPECT_EQ(options->config.livenessChallenges, 4);
    EXPECT_DOUBLE_EQ(options->config.livenessTimeoutS, 8.0);
    EXPECT_EQ(options->config.livenessMaxSessions, 2);
}

} // namespace simkyc::app

// The program `simkyc` as it is started: its time to the login screen, and a clean exit on SIGTERM
// that removes a temporary demo folder.
#include "app/demo_registration.h"
#include "gui_fixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace simkyc::app {
namespace {

// The program itself, started as the kiosk starts it (an existing data folder, no demo set-up): it
// shows the login screen and logs the time from main() to its first frame (the 1.5 s budget is
// measured by tests/bench/kiosk_start_bench, not here: a loaded CI machine is no stopwatch).
TEST(KioskProgramTest, ShowsTheLoginScreenAndLogsTheTimeToIt)
{
    test::TempDir dir;
    const auto dataDir = dir.path() / "data";
    ASSERT_TRUE(prepareDemoDataFolder(dataDir, test::kCheapScryptLog2).ok());

    QProcess program;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
    program.setProcessEnvironment(env);
    program.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer waited;
    waited.start();
    program.start(QString::fromStdString((test::binDir() / "simkyc").string()),
                  {QStringLiteral("--data-dir"), QString::fromStdString(dataDir.string())});
    ASSERT_TRUE(program.waitForStarted(5000));
    const QRegularExpression firstFrame(QStringLiteral("first frame after (\\d+) ms"));
    QString log;
    QRegularExpressionMatch match;
    while (!(match = firstFrame.match(log)).hasMatch() && waited.elapsed() < 15000 &&
           program.state() == QProcess::Running) {
        program.waitForReadyRead(200);
        log += QString::fromUtf8(program.readAll());
    }
    const qint64 seenMs = waited.elapsed(); // from exec, including loading the libraries
    program.terminate();
    ASSERT_TRUE(program.waitForFinished(5000));
    ASSERT_TRUE(match.hasMatch()) << log.toStdString();
    EXPECT_EQ(program.exitStatus(), QProcess::NormalExit) << "SIGTERM quits the event loop";
    EXPECT_EQ(program.exitCode(), 0);
    const int ms = match.captured(1).toInt();
    std::printf("simkyc: first frame after %d ms (logged from main); %lld ms from exec to reading the line\n", ms,
                static_cast<long long>(seenMs));
    EXPECT_GT(ms, 0);
}

// A capture-quality file named by the configuration that cannot be read stops the kiosk at start,
// naming the key (never a silent fall-back to the built-in thresholds).
TEST(KioskProgramTest, AnUnreadableCaptureQualityFileStopsTheStartNamingTheKey)
{
    test::TempDir dir;
    const auto config = dir.path() / "simkyc.conf";
    std::ofstream(config) << "[store]\ndata_dir = " << (dir.path() / "data").string()
                          << "\n[liveness]\ncapture_quality_file = " << (dir.path() / "absent.conf").string() << "\n";
    QProcess program;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    program.setProcessEnvironment(env);
    program.setProcessChannelMode(QProcess::MergedChannels);
    program.start(QString::fromStdString((test::binDir() / "simkyc").string()),
                  {QStringLiteral("--config"), QString::fromStdString(config.string())});
    ASSERT_TRUE(program.waitForFinished(20000));
    const QString log = QString::fromUtf8(program.readAll());
    EXPECT_EQ(program.exitCode(), 2) << log.toStdString();
    EXPECT_TRUE(log.contains(QStringLiteral("liveness.capture_quality_file"))) << log.toStdString();
}

// `simkyc --demo` makes its demo folder (keys, store, the demo carrier's keys beside them) in the
// temporary folder and removes all of it when it is stopped.
TEST(KioskProgramTest, DemoFolderIsRemovedWhenStopped)
{
    test::TempDir tmp;
    QProcess program;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
    env.insert(QStringLiteral("TMPDIR"), QString::fromStdString(tmp.path().string()));
    program.setProcessEnvironment(env);
    program.setProcessChannelMode(QProcess::MergedChannels);
    program.start(QString::fromStdString((test::binDir() / "simkyc").string()), {QStringLiteral("--demo")});
    ASSERT_TRUE(program.waitForStarted(5000));
    QString log;
    QElapsedTimer waited;
    waited.start();
    while (!log.contains(QStringLiteral("first frame after")) && waited.elapsed() < 15000 &&
           program.state() == QProcess::Running) {
        program.waitForReadyRead(200);
        log += QString::fromUtf8(program.readAll());
    }
    ASSERT_TRUE(log.contains(QStringLiteral("first frame after"))) << log.toStdString();
    // Only the demo folders count (Qt may put its runtime folder into TMPDIR too).
    const auto demoFolders = [&tmp] {
        int n = 0;
        for (const auto &entry : std::filesystem::directory_iterator(tmp.path()))
            n += entry.path().filename().string().starts_with("simkyc-gui-demo-") ? 1 : 0;
        return n;
    };
    EXPECT_EQ(demoFolders(), 1) << "the demo folder exists while it runs";
    program.terminate();
    ASSERT_TRUE(program.waitForFinished(5000));
    EXPECT_EQ(program.exitCode(), 0);
    EXPECT_EQ(demoFolders(), 0) << "left behind in " << tmp.path();
}

} // namespace
} // namespace simkyc::app

// The kiosk's start-up (the kiosk issue's target: from the start of the program to the screen, with
// the live preview to follow, within 1.5 s on this machine). Each iteration starts `simkyc` as the
// shop PC does (an existing data folder, no demo set-up; offscreen platform, software scene graph)
// and takes the time it logs from main() to the first frame of the sign-in screen, then stops it.
// Baseline, same run: `simkyc --version` from exec to exit (loading the program and its libraries).
//   build/bin/kiosk_start_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "app/demo_registration.h"
#include "support/test_env.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

namespace simkyc::app {
namespace {

QString program()
{
    return QString::fromStdString((test::binDir() / "simkyc").string());
}

QProcessEnvironment offscreen()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
    return env;
}

// Runs simkyc on dataDir until it logs its first frame; the logged milliseconds, or nullopt.
std::optional<int> firstFrameMs(const std::filesystem::path &dataDir)
{
    QProcess kiosk;
    kiosk.setProcessEnvironment(offscreen());
    kiosk.setProcessChannelMode(QProcess::MergedChannels);
    kiosk.start(program(), {QStringLiteral("--data-dir"), QString::fromStdString(dataDir.string())});
    if (!kiosk.waitForStarted(5000))
        return std::nullopt;
    const QRegularExpression firstFrame(QStringLiteral("first frame after (\\d+) ms"));
    QString log;
    QRegularExpressionMatch match;
    QElapsedTimer waited;
    waited.start();
    while (!(match = firstFrame.match(log)).hasMatch() && waited.elapsed() < 15000 &&
           kiosk.state() == QProcess::Running) {
        kiosk.waitForReadyRead(50);
        log += QString::fromUtf8(kiosk.readAll());
    }
    kiosk.terminate();
    kiosk.waitForFinished(10000);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toInt();
}

void BM_StartToSignInScreen(benchmark::State &state)
{
    test::TempDir dir;
    const auto dataDir = dir.path() / "data";
    if (auto prepared = prepareDemoDataFolder(dataDir, 10); !prepared.ok()) {
        state.SkipWithError(prepared.error().toString().c_str());
        return;
    }
    for (auto _ : state) {
        const std::optional<int> ms = firstFrameMs(dataDir);
        if (!ms) {
            state.SkipWithError("simkyc did not log its first frame");
            return;
        }
        state.SetIterationTime(*ms / 1000.0);
    }
}
BENCHMARK(BM_StartToSignInScreen)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_Baseline_ExecVersion(benchmark::State &state)
{
    for (auto _ : state) {
        QProcess kiosk;
        kiosk.setProcessEnvironment(offscreen());
        kiosk.start(program(), {QStringLiteral("--version")});
        if (!kiosk.waitForFinished(10000) || kiosk.exitCode() != 0) {
            state.SkipWithError("simkyc --version failed");
            return;
        }
    }
}
BENCHMARK(BM_Baseline_ExecVersion)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
} // namespace simkyc::app

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

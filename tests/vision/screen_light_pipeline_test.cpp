// The screen-light challenge through the whole liveness pipeline (vision::runLiveness): the real
// frame analyzer finds the face and its landmarks in every frame, the pipeline starts the sequence
// once the face has been in view, and a camera simulated from a real photo (ScreenLightSimulator)
// answers what the "screen" shows from that moment: a live face reflects it, a phone replaying the
// same face does not. The photo cannot blink, so the session itself fails on its prompt; what is
// judged here is the screen-light finding and the summary the record carries.
#include "frame_test_util.h"
#include "support/test_env.h"
#include "vision/liveness_pipeline.h"
#include "vision/screen_light_simulator.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>

namespace simkyc::vision {
namespace {

// A camera in front of the kiosk's screen, on its own clock: every read is the next frame at 30 per
// second, as if the analysis kept up, so the result does not depend on how fast the machine analyses
// (a sanitizer build is ten times slower). Until the pipeline starts the sequence it shows the scene
// under the rest grey, then the simulated frame of the sequence's time at that frame.
class SimulatedScreenCamera : public FrameSource {
public:
    SimulatedScreenCamera(std::vector<SimulatedFrame> frames, std::shared_ptr<std::atomic<std::int64_t>> clockNs,
                          std::shared_ptr<std::atomic<double>> startMs, double endMs)
        : m_frames(std::move(frames)), m_clockNs(std::move(clockNs)), m_startMs(std::move(startMs)), m_endMs(endMs)
    {
    }
    FrameRead read() override
    {
        const std::int64_t nowNs = m_clockNs->fetch_add(kPeriodNs) + kPeriodNs;
        const double start = m_startMs->load();
        const double t = start < 0.0 ? m_frames.front().tMs : static_cast<double>(nowNs) / 1e6 - start;
        if (t > m_endMs)
            return FrameError{FrameErrorCode::EndOfStream, "simulated camera: done"};
        const SimulatedFrame *best = &m_frames.front();
        for (const auto &f : m_frames)
            if (std::abs(f.tMs - t) < std::abs(best->tMs - t))
                best = &f;
        Frame frame;
        frame.image = best->image;
        frame.timestampNs = nowNs;
        frame.sequence = m_sequence++;
        return frame;
    }
    Status reopen() override { return {}; }
    [[nodiscard]] SourceInfo info() const override
    {
        SourceInfo i;
        i.kind = SourceKind::VideoFile;
        i.description = "simulated camera";
        return i;
    }

private:
    static constexpr std::int64_t kPeriodNs = 33'333'333;
    std::vector<SimulatedFrame> m_frames;
    std::shared_ptr<std::atomic<std::int64_t>> m_clockNs;
    std::shared_ptr<std::atomic<double>> m_startMs;
    double m_endMs;
    std::int64_t m_sequence = 0;
};

LivenessRun runWithScreen(ScreenLightSceneKind kind)
{
    const auto frames = testutil::decodeVideo(testutil::shared("liveness/liveportrait/d13.mp4"), 1);
    EXPECT_FALSE(frames.empty());
    auto analyzer = testutil::makeAnalyzer();
    const FrameAnalysis still = analyzer->analyze(frames.front());
    EXPECT_EQ(still.landmarks.size(), 68u);
    const ColourSchedule schedule = colourScheduleFromSeed(11);
    ScreenLightScene scene;
    scene.kind = kind;
    scene.kappa = 0.2;
    scene.leadMs = 600.0;
    scene.tailMs = 600.0;
    auto simulated = simulateScreenLight(frames.front(), still.landmarks, schedule, scene);
    EXPECT_TRUE(simulated.ok()) << simulated.error().toString();
    if (!simulated.ok())
        return {};
    auto clockNs = std::make_shared<std::atomic<std::int64_t>>(1'000'000'000);
    auto startMs = std::make_shared<std::atomic<double>>(-1.0);
    const ScreenLightChallenge defaults;
    const double endMs = schedule.totalMs() + defaults.config.maxDelayMs + 1500.0;
    LivenessOptions options;
    options.script = {ChallengePrompt{Challenge::Blink, -1.0}};
    options.session.timeoutMs = 800.0;
    options.screenLight.schedule = schedule;
    options.screenLight.clockNs = [clockNs] { return clockNs->load(); };
    options.screenLight.onStart = [clockNs, startMs, lead = defaults.leadInMs] {
        *startMs = static_cast<double>(clockNs->load()) / 1e6 + lead;
    };
    analyzer->reset();
    auto run = runLiveness(
        *analyzer, std::make_unique<SimulatedScreenCamera>(std::move(simulated).value(), clockNs, startMs, endMs),
        std::move(options));
    EXPECT_TRUE(run.ok()) << run.error().toString();
    if (run.ok()) {
        const ScreenLightReport &r = run->screenLight.report;
        std::printf("screen light (%s): samples %d, coverage %.2f, delay %.0f ms, R2 %.3f, strength %.3f, "
                    "elasticity %.2f, ringToFace %.2f, reliefLow %.2f, failures %zu\n",
                    kind == ScreenLightSceneKind::Skin ? "skin" : "phone", r.samplesUsed, r.coverage, r.delayMs,
                    r.fitR2, r.strength, r.elasticity, r.ringToFace, r.reliefLow, r.failures.size());
    }
    return run.ok() ? std::move(run).value() : LivenessRun{};
}

TEST(ScreenLightPipeline, ALiveFaceLitByTheScreenPassesTheChallenge)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    const LivenessRun run = runWithScreen(ScreenLightSceneKind::Skin);
    ASSERT_TRUE(run.screenLight.asked);
    ASSERT_TRUE(run.screenLight.started);
    const ScreenLightReport &r = run.screenLight.report;
    EXPECT_TRUE(r.passed) << "samples " << r.samplesUsed << " coverage " << r.coverage << " R2 " << r.fitR2
                          << " strength " << r.strength << " elasticity " << r.elasticity;
    EXPECT_EQ(screenLightSummary(run.screenLight), ";screen_light=pass");
    EXPECT_FALSE(run.result.passed) << "a photo does not blink";
    EXPECT_EQ(screenLightSummary(ScreenLightFindings{}), ";screen_light=off") << "a record checked without it says so";
}

TEST(ScreenLightPipeline, APhoneReplayingTheSameFaceFailsIt)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    const LivenessRun run = runWithScreen(ScreenLightSceneKind::PhoneReplay);
    ASSERT_TRUE(run.screenLight.started);
    const ScreenLightReport &r = run.screenLight.report;
    EXPECT_FALSE(r.passed);
    EXPECT_FALSE(r.insufficient) << "measured, and refused";
    EXPECT_EQ(screenLightSummary(run.screenLight), ";screen_light=mismatch");
}

} // namespace
} // namespace simkyc::vision

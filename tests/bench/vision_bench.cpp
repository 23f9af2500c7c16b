// vision_bench: costs of the live-capture face pipeline on 640x480 frames.
// Run for numbers:  OPENBLAS_NUM_THREADS=1 taskset -c 0 build/bin/vision_bench --benchmark_repetitions=5
//                   --benchmark_min_time=3 --benchmark_report_aggregates_only=true
// Counters: p50_ms / p99_ms / mean_ms per call in thread CPU time (the cost on a core of its own),
// wall_p50_ms / wall_p99_ms, speedup_vs_hog (full-frame HOG p50 / tracked analysis p50, same run),
// detections_per_frame, peak_rss_mb (includes frames_mb of pre-decoded frames).
#include "bench_data.h"
#include "vision/liveness_session.h"

#include "vision/face_detector.h"
#include "vision/face_engine.h"
#include "vision/frame_analyzer.h"
#include "vision/screen_light.h"
#include "vision/sensor_noise.h"
#include "vision/spoof_model.h"
#include "vision/texture_cues.h"

#include <benchmark/benchmark.h>

#include <algorithm>

namespace simkyc::bench {
namespace {

double g_hogMedianMs = 0.0; // set by BM_FullFrameHog, read by BM_TrackedFrameAnalysis

void describe(benchmark::State &state)
{
    state.SetLabel(benchFrames().label);
    state.counters["frames_mb"] =
        static_cast<double>(benchFrames().frames.size()) * kFrameWidth * kFrameHeight * 3 / (1024.0 * 1024.0);
    addPeakRss(state);
}

vision::FaceBox firstFaceBox()
{
    static const vision::FaceBox box = [] {
        vision::FaceDetector detector;
        const auto found = detector.detect(benchFrames().frames.front());
        return found.empty() ? vision::FaceBox{220, 120, 200, 200} : found.front().box;
    }();
    return box;
}

Result<std::unique_ptr<vision::FrameAnalyzer>> loadAnalyzer(bool hugePages)
{
    vision::FrameAnalyzerOptions options;
    options.hugePageModel = hugePages;
    return vision::FrameAnalyzer::load(modelPath("shape_predictor_68_face_landmarks.dat"), options);
}

// Loaded once per variant, on first use.
Result<std::unique_ptr<vision::FrameAnalyzer>> &analyzerFor(bool hugePages)
{
    if (hugePages) {
        static auto onHugePages = loadAnalyzer(true);
        return onHugePages;
    }
    static auto onSmallPages = loadAnalyzer(false);
    return onSmallPages;
}

void BM_FullFrameHog(benchmark::State &state)
{
    benchFrames(); // decoded before timing starts
    vision::FaceDetector detector;
    CallTimes times;
    std::int64_t i = 0;
    for (auto _ : state) {
        times.start();
        auto found = detector.detect(pingPongFrame(i++));
        benchmark::DoNotOptimize(found);
        times.stop();
    }
    g_hogMedianMs = addPercentiles(state, times);
    describe(state);
}

void BM_TrackedFrameAnalysis(benchmark::State &state)
{
    // Arg 1: the model on huge pages (FrameAnalyzer's default); 0: on ordinary pages, for comparison.
    auto &analyzer = analyzerFor(state.range(0) != 0);
    if (!analyzer.ok()) {
        state.SkipWithError(analyzer.error().toString().c_str());
        return;
    }
    vision::FrameAnalyzer &a = **analyzer;
    a.reset();
    benchFrames();
    const auto before = a.trackerStats();
    CallTimes times;
    std::int64_t i = 0, faces = 0;
    for (auto _ : state) {
        times.start();
        const vision::FrameAnalysis result = a.analyze(pingPongFrame(i++));
        times.stop();
        faces += result.hasFace() ? 1 : 0;
    }
    const double median = addPercentiles(state, times);
    const auto after = a.trackerStats();
    state.counters["detections_per_frame"] =
        static_cast<double>(after.detections - before.detections) / static_cast<double>(std::max<std::int64_t>(i, 1));
    state.counters["face_found_share"] = static_cast<double>(faces) / static_cast<double>(std::max<std::int64_t>(i, 1));
    if (g_hogMedianMs > 0.0 && median > 0.0)
        state.counters["speedup_vs_hog"] = g_hogMedianMs / median;
    describe(state);
}

// The liveness step on top of the frame analysis: blink and turn detectors, the planar-surface
// residual (a homography fit of 40 landmarks), continuity checks and best-frame ranking, fed with
// analyses computed beforehand from the real frames. Target: median <= 2 ms per frame.
// Arg identity=1 adds the identity samples (vision::identitySampler: 5-point landmarks, chip and
// ResNet on the tracked box, at least every 0.4 s of frame time): their cost per frame over a
// session is mean_ms minus the identity=0 run's, the sampled frames' own cost p99_ms (one frame in
// 12 at 30 fps); both must stay within the 33 ms frame budget with the frame analysis
// (BM_TrackedFrameAnalysis) added.
void BM_LivenessStep(benchmark::State &state)
{
    auto &analyzer = analyzerFor(true);
    if (!analyzer.ok()) {
        state.SkipWithError(analyzer.error().toString().c_str());
        return;
    }
    static auto engine = vision::FaceEngine::load(
        {modelPath("shape_predictor_5_face_landmarks.dat"), modelPath("dlib_face_recognition_resnet_model_v1.dat")});
    const bool identity = state.range(0) != 0;
    if (identity && !engine.ok()) {
        state.SkipWithError(engine.error().toString().c_str());
        return;
    }
    (*analyzer)->reset();
    std::vector<vision::FrameAnalysis> analyses;
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(benchFrames().frames.size()); ++i)
        analyses.push_back((*analyzer)->analyze(pingPongFrame(i)));
    // A session that never ends: its first prompt is far in the future.
    const auto newSession = [&] {
        return std::make_unique<vision::LivenessSession>(
            std::vector<vision::ChallengePrompt>{{vision::Challenge::TurnLeft, 1e12}}, vision::SessionConfig{},
            identity ? vision::identitySampler(**engine) : vision::IdentitySampler{});
    };
    auto session = newSession();
    CallTimes times;
    std::int64_t i = 0;
    for (auto _ : state) {
        const auto k = static_cast<size_t>(i % static_cast<std::int64_t>(analyses.size()));
        vision::FrameAnalysis a = analyses[k];
        a.sequence = a.sourceIndex = i;
        a.sourceTimeMs = static_cast<double>(i) * 33.3;
        times.start();
        benchmark::DoNotOptimize(session->feed(a, benchFrames().frames[k]));
        times.stop();
        if (++i % 3000 == 0 || session->finished()) // keep the evidence trace at a session's length
            session = newSession();
    }
    addPercentiles(state, times);
    if (identity)
        state.counters["samples_per_frame"] =
            static_cast<double>(session->result().identity.samples) /
            static_cast<double>(std::max<std::int64_t>(1, static_cast<std::int64_t>(session->result().trace.size())));
    describe(state);
}

void landmarkBench(benchmark::State &state, const vision::LandmarkDetector *detector)
{
    if (detector == nullptr) {
        state.SkipWithError("landmark model missing (run scripts/setup)");
        return;
    }
    const vision::FaceBox box = firstFaceBox(); // also decodes the frames
    CallTimes times;
    std::int64_t i = 0;
    for (auto _ : state) {
        times.start();
        auto points = detector->detect(pingPongFrame(i++), box);
        benchmark::DoNotOptimize(points);
        times.stop();
    }
    addPercentiles(state, times);
    describe(state);
}

void BM_Landmarks68PerFace(benchmark::State &state)
{
    landmarkBench(state, landmarks68());
}

void BM_Landmarks68PerFaceSmallPages(benchmark::State &state)
{
    landmarkBench(state, landmarks68SmallPages());
}

void BM_Landmarks5PerFace(benchmark::State &state)
{
    landmarkBench(state, landmarks5());
}

void BM_EmbeddingPerChip(benchmark::State &state)
{
    if (embedder() == nullptr || landmarks5() == nullptr) {
        state.SkipWithError("embedding or 5-point model missing (run scripts/setup)");
        return;
    }
    const vision::Image &frame = benchFrames().frames.front();
    auto chip = vision::alignFaceChip(frame, landmarks5()->detect(frame, firstFaceBox()));
    if (!chip.ok()) {
        state.SkipWithError(chip.error().toString().c_str());
        return;
    }
    CallTimes times;
    for (auto _ : state) {
        times.start();
        auto embedding = embedder()->compute(*chip);
        benchmark::DoNotOptimize(embedding);
        times.stop();
    }
    addPercentiles(state, times);
    describe(state);
}

// One live frame's embedding as the kiosk takes it (FaceEngine::enrolBox: 5 points, chip, ResNet),
// with the face given. Arg 0: one chip; arg 1: the face also aligned at 2x and embedded again, as
// for faces narrower than EnrolOptions::fineAlignBelowPx (forced here whatever the frame's face).
void BM_EnrolLiveFrame(benchmark::State &state)
{
    static auto engine = vision::FaceEngine::load(
        {modelPath("shape_predictor_5_face_landmarks.dat"), modelPath("dlib_face_recognition_resnet_model_v1.dat")});
    if (!engine.ok()) {
        state.SkipWithError(engine.error().toString().c_str());
        return;
    }
    vision::EnrolOptions options;
    options.fineAlignBelowPx = state.range(0) != 0 ? 100000 : 0;
    const vision::Image &frame = benchFrames().frames.front();
    CallTimes times;
    for (auto _ : state) {
        times.start();
        auto enrolment = (*engine)->enrolBox(frame, firstFaceBox(), options);
        benchmark::DoNotOptimize(enrolment);
        times.stop();
    }
    addPercentiles(state, times);
    state.counters["face_px"] = firstFaceBox().width;
    describe(state);
}

// The passive cue at the end of a session: both MiniFASNet networks on one best frame (the kiosk
// scores 5), and the texture cues on the same frame. Not per camera frame: once per session.
void BM_SpoofScorePerBestFrame(benchmark::State &state)
{
    static auto model = vision::SpoofModel::load(
        vision::SpoofModelFiles{modelPath("MiniFASNetV2.onnx"), modelPath("MiniFASNetV1SE.onnx")});
    if (!model.ok()) {
        state.SkipWithError(("MiniFASNet models absent (optional): " + model.error().toString()).c_str());
        return;
    }
    const vision::FaceBox box = firstFaceBox();
    CallTimes times;
    std::int64_t i = 0;
    for (auto _ : state) {
        times.start();
        auto score = (*model)->score(pingPongFrame(i++), box);
        benchmark::DoNotOptimize(score);
        times.stop();
    }
    addPercentiles(state, times);
    describe(state);
}

void BM_TextureCuesPerBestFrame(benchmark::State &state)
{
    benchFrames();
    const vision::FaceBox box = firstFaceBox();
    CallTimes times;
    std::int64_t i = 0;
    for (auto _ : state) {
        times.start();
        auto cues = vision::measureTexture(pingPongFrame(i++), box);
        benchmark::DoNotOptimize(cues);
        times.stop();
    }
    addPercentiles(state, times);
    describe(state);
}

// The sensor-noise check's cost per frame: one pair of consecutive 640x480 frames (the stream
// check runs it on every frame of a session, beside the frame analysis).
void BM_SensorNoisePerFrame(benchmark::State &state)
{
    benchFrames();
    CallTimes times;
    std::int64_t i = 0;
    for (auto _ : state) {
        const vision::Image &previous = pingPongFrame(i);
        const vision::Image &current = pingPongFrame(++i);
        times.start();
        auto pair = vision::measureNoisePair(previous, current);
        benchmark::DoNotOptimize(pair);
        times.stop();
    }
    addPercentiles(state, times);
    describe(state);
}

// The screen-light meter's cost per frame (ScreenLightMeter::measure on a 640x480 frame with its 68
// landmarks, after the reference frames): it runs on every frame of the sequence's window, beside the
// frame analysis. The judgement, once per session, is not included.
void BM_ScreenLightPerFrame(benchmark::State &state)
{
    if (landmarks68() == nullptr) {
        state.SkipWithError("landmark model missing (run scripts/setup)");
        return;
    }
    const vision::FaceBox box = firstFaceBox();
    const vision::Landmarks points = landmarks68()->detect(pingPongFrame(0), box);
    vision::ScreenLightMeter meter;
    for (int k = 0; k < vision::ScreenLightMeter::kReferenceFrames; ++k)
        (void)meter.measure(pingPongFrame(k), points, -100.0 + k * 33.0);
    CallTimes times;
    std::int64_t i = 0;
    for (auto _ : state) {
        times.start();
        auto sample = meter.measure(pingPongFrame(i), points, static_cast<double>(i) * 33.0);
        benchmark::DoNotOptimize(sample);
        times.stop();
        ++i;
    }
    addPercentiles(state, times);
    describe(state);
}

template <typename Model>
void loadBench(benchmark::State &state, const char *file)
{
    for (auto _ : state) {
        auto model = Model::load(modelPath(file));
        if (!model.ok()) {
            state.SkipWithError(model.error().toString().c_str());
            return;
        }
        benchmark::DoNotOptimize(model);
    }
    describe(state);
}

void BM_LoadLandmarks68(benchmark::State &state)
{
    loadBench<vision::LandmarkDetector>(state, "shape_predictor_68_face_landmarks.dat");
}
void BM_LoadLandmarks5(benchmark::State &state)
{
    loadBench<vision::LandmarkDetector>(state, "shape_predictor_5_face_landmarks.dat");
}
void BM_LoadFaceResnet(benchmark::State &state)
{
    loadBench<vision::FaceEmbedder>(state, "dlib_face_recognition_resnet_model_v1.dat");
}

// Registration order is run order: HOG before the tracked analysis (for speedup_vs_hog), model
// loads last (they raise the peak RSS the earlier benchmarks report).
BENCHMARK(BM_FullFrameHog)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TrackedFrameAnalysis)->Arg(1)->Arg(0)->ArgName("huge_pages")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LivenessStep)->Arg(0)->Arg(1)->ArgName("identity")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Landmarks68PerFace)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Landmarks68PerFaceSmallPages)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Landmarks5PerFace)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EmbeddingPerChip)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EnrolLiveFrame)->Arg(0)->Arg(1)->ArgName("fine_align")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SpoofScorePerBestFrame)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextureCuesPerBestFrame)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SensorNoisePerFrame)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScreenLightPerFrame)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadLandmarks68)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_LoadLandmarks5)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_LoadFaceResnet)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace
} // namespace simkyc::bench

BENCHMARK_MAIN();

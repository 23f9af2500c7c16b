#include "frame_test_util.h"
#include "support/test_env.h"
#include "vision/face_detector.h"
#include "vision/face_geometry.h"
#include "vision/frame_analyzer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

namespace simkyc::vision {
namespace {

struct RunStats {
    int frames = 0;
    int withFace = 0;
    std::int64_t detections = 0;
    std::int64_t tracked = 0;
};

RunStats runVideo(FrameAnalyzer &analyzer, const std::vector<Image> &frames)
{
    RunStats s;
    for (const auto &frame : frames) {
        const FrameAnalysis a = analyzer.analyze(frame);
        ++s.frames;
        s.withFace += a.hasFace() ? 1 : 0;
    }
    s.detections = analyzer.trackerStats().detections;
    s.tracked = analyzer.trackerStats().trackedFrames;
    return s;
}

// Tracking keeps the face through real videos (a neutral face, a talking one turning its head)
// with far fewer HOG scans than frames.
TEST(FaceTracking, KeepsTheFaceWithFewDetections)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    for (const char *video : {"liveness/liveportrait/d18.mp4", "liveness/liveportrait/d10.mp4",
                              "liveness/sadtalker/WDA_AlexandriaOcasioCortez_000.mp4"}) {
        auto analyzer = testutil::makeAnalyzer();
        ASSERT_TRUE(analyzer);
        const auto frames = testutil::decodeVideo(testutil::shared(video));
        ASSERT_GT(frames.size(), 150u);
        const RunStats s = runVideo(*analyzer, frames);
        std::printf("%s: %d frames, face in %d, %lld HOG detections (1 per %.1f frames), %lld tracked, "
                    "%lld drift resets\n",
                    video, s.frames, s.withFace, static_cast<long long>(s.detections),
                    static_cast<double>(s.frames) / static_cast<double>(s.detections),
                    static_cast<long long>(s.tracked), static_cast<long long>(analyzer->trackerStats().driftResets));
        // A detection every K frames and hardly any more (drift re-detections); the rest tracked.
        const int k = TrackerOptions{}.redetectEveryFrames;
        EXPECT_GE(s.withFace, s.frames * 98 / 100) << video;
        EXPECT_LE(s.detections * k, s.frames * 11 / 10) << video;
        EXPECT_GE(s.tracked * k, s.frames * (k - 1) * 95 / 100) << video;
    }
}

// Tracked landmarks stay where a fresh detection + landmark fit puts them.
TEST(FaceTracking, TrackedLandmarksMatchFreshDetections)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    auto analyzer = testutil::makeAnalyzer();
    auto landmarks = testutil::makeLandmarks68();
    ASSERT_TRUE(analyzer && landmarks);
    FaceDetector detector;
    const auto frames = testutil::decodeVideo(testutil::shared("liveness/liveportrait/d10.mp4"));
    double sum = 0, worst = 0;
    int compared = 0;
    for (size_t i = 0; i < frames.size(); ++i) {
        const FrameAnalysis a = analyzer->analyze(frames[i]);
        if (i % 6 != 5 || a.origin != FaceOrigin::Tracked)
            continue;
        const auto found = detector.detect(frames[i]);
        if (found.empty())
            continue;
        const Landmarks fresh = landmarks->detect(frames[i], found[0].box);
        double error = 0;
        for (size_t p = 0; p < 68; ++p)
            error += std::hypot(a.landmarks[p].x - fresh[p].x, a.landmarks[p].y - fresh[p].y) / 68.0;
        error /= interocularDistance(fresh);
        sum += error;
        worst = std::max(worst, error);
        ++compared;
    }
    std::printf("tracked vs fresh landmarks: %d frames, mean error %.3f, worst %.3f (of the eye distance)\n", compared,
                sum / compared, worst);
    ASSERT_GT(compared, 40);
    EXPECT_LT(sum / compared, 0.05);
    EXPECT_LT(worst, 0.15);
}

// When the person leaves, the track ends within two detection periods.
TEST(FaceTracking, LosesTheFaceSoonAfterItLeaves)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    FrameAnalyzerOptions options;
    options.tracker.redetectEveryFrames = 10;
    auto analyzer = testutil::makeAnalyzer(options);
    ASSERT_TRUE(analyzer);
    const auto frames = testutil::decodeVideo(testutil::shared("liveness/liveportrait/d18.mp4"), 25);
    for (const auto &frame : frames)
        EXPECT_TRUE(analyzer->analyze(frame).hasFace());
    const cv::Mat empty(frames[0].height(), frames[0].width(), CV_8UC3, cv::Scalar(120, 130, 140));
    int framesUntilLost = 0;
    while (framesUntilLost < 100 && analyzer->analyze(testutil::fromMat(empty)).hasFace())
        ++framesUntilLost;
    std::printf("face lost %d frames after it left\n", framesUntilLost);
    EXPECT_LE(framesUntilLost, 2 * options.tracker.redetectEveryFrames);
}

TEST(FaceTracking, DetectEveryFrameWhenKIsOne)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    FrameAnalyzerOptions options;
    options.tracker.redetectEveryFrames = 1;
    auto analyzer = testutil::makeAnalyzer(options);
    ASSERT_TRUE(analyzer);
    const RunStats s =
        runVideo(*analyzer, testutil::decodeVideo(testutil::shared("liveness/liveportrait/d18.mp4"), 20));
    EXPECT_EQ(s.detections, 20);
    EXPECT_EQ(s.tracked, 0);
    EXPECT_EQ(s.withFace, 20);
}

} // namespace
} // namespace simkyc::vision

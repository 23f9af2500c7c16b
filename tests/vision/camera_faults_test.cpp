// A camera misbehaving in the middle of a session (the hardening issue): black frames, a frame that
// cannot be decoded, a resolution change, a stall and a camera pulled out and put back. The
// analysis must not crash or hang, the session must pause or fail with a reason a person can act
// on, the pipeline must recover when the picture returns, and no thread may be left behind.
#include "frame_test_util.h"
#include "support/test_env.h"
#include "vision/capture_thread.h"
#include "vision/frame_analyzer.h"
#include "vision/liveness_session.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>
#include <thread>

namespace simkyc::vision {
namespace {

using namespace std::chrono_literals;

constexpr double kFrameMs = 40.0; // d13 is 25 fps

Frame frameAt(const Image &image, std::int64_t index)
{
    Frame f;
    f.image = image;
    f.sequence = index;
    f.sourceIndex = index;
    f.sourceTimeMs = static_cast<double>(index) * kFrameMs;
    f.timestampNs = static_cast<std::int64_t>(f.sourceTimeMs * 1e6);
    return f;
}

Image blackLike(const Image &image)
{
    const std::vector<std::uint8_t> pixels(image.stride() * static_cast<std::size_t>(image.height()), 0);
    return *Image::fromPixels(image.width(), image.height(), image.channels(), pixels);
}

Image scaled(const Image &image, double factor)
{
    cv::Mat out;
    cv::resize(testutil::toMat(image), out, {}, factor, factor, cv::INTER_LINEAR);
    return testutil::fromMat(out);
}

int threadCount()
{
    int n = 0;
    for ([[maybe_unused]] const auto &entry : std::filesystem::directory_iterator("/proc/self/task"))
        ++n;
    return n;
}

// d13 passes "blink@1.0,blink@2.3" as recorded (tests/app/liveness_cli_test.cpp).
struct SessionRun {
    SessionState state = SessionState::WaitingForFace;
    LivenessResult result;
    std::vector<FrameAnalysis> analyses;
};

SessionRun runSession(const std::vector<Image> &frames)
{
    auto analyzer = testutil::makeAnalyzer();
    EXPECT_TRUE(analyzer);
    LivenessSession session(*parsePromptScript("blink@1.0,blink@2.3"));
    SessionRun run;
    for (std::size_t i = 0; i < frames.size() && !session.finished(); ++i) {
        run.analyses.push_back(analyzer->analyze(frameAt(frames[i], static_cast<std::int64_t>(i))));
        run.state = session.feed(run.analyses.back(), frames[i]);
    }
    if (!session.finished())
        session.finish();
    run.state = session.state();
    run.result = session.result();
    return run;
}

class CameraFaults : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!test::sharedDataDir())
            GTEST_SKIP() << "labelled data not found (../shared/data): skipping";
        m_frames = testutil::decodeVideo(testutil::shared("liveness/liveportrait/d13.mp4"), 90);
        ASSERT_EQ(m_frames.size(), 90U);
    }
    std::vector<Image> m_frames;
};

TEST_F(CameraFaults, TheUntouchedRecordingPasses)
{
    const SessionRun run = runSession(m_frames);
    EXPECT_EQ(run.state, SessionState::Passed) << ::testing::PrintToString(run.result.reasons);
}

TEST_F(CameraFaults, AFewBlackFramesAreBridgedAndTheSessionStillPasses)
{
    std::vector<Image> frames = m_frames;
    for (int i = 10; i < 13; ++i) // 120 ms of black before the first prompt
        frames[static_cast<std::size_t>(i)] = blackLike(frames[static_cast<std::size_t>(i)]);
    const SessionRun run = runSession(frames);
    for (int i = 10; i < 13; ++i) {
        EXPECT_FALSE(run.analyses[static_cast<std::size_t>(i)].hasFace());
        EXPECT_TRUE(run.analyses[static_cast<std::size_t>(i)].quality.has(QualityHint::NoFace));
    }
    EXPECT_TRUE(run.analyses[14].hasFace()) << "the face is found again as soon as the picture returns";
    EXPECT_EQ(run.state, SessionState::Passed) << ::testing::PrintToString(run.result.reasons);
}

TEST_F(CameraFaults, ALongBlackoutFailsWithAReasonAndNoCrash)
{
    std::vector<Image> frames = m_frames;
    for (int i = 20; i < 50; ++i) // 1.2 s of black across the first prompt
        frames[static_cast<std::size_t>(i)] = blackLike(frames[static_cast<std::size_t>(i)]);
    const SessionRun run = runSession(frames);
    EXPECT_EQ(run.state, SessionState::Failed);
    ASSERT_FALSE(run.result.reasons.empty());
    EXPECT_NE(std::find(run.result.reasons.begin(), run.result.reasons.end(), "face_lost"), run.result.reasons.end())
        << ::testing::PrintToString(run.result.reasons);
}

TEST_F(CameraFaults, AnUndecodableFrameIsNoFaceAndTheNextOneIsFine)
{
    auto analyzer = testutil::makeAnalyzer();
    ASSERT_TRUE(analyzer);
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(analyzer->analyze(frameAt(m_frames[static_cast<std::size_t>(i)], i)).hasFace());
    const FrameAnalysis broken = analyzer->analyze(frameAt(Image{}, 5)); // a frame the camera mangled
    EXPECT_FALSE(broken.hasFace());
    EXPECT_TRUE(broken.quality.has(QualityHint::NoFace));
    EXPECT_TRUE(analyzer->analyze(frameAt(m_frames[6], 6)).hasFace());
}

TEST_F(CameraFaults, AResolutionChangeMidStreamIsFollowed)
{
    auto analyzer = testutil::makeAnalyzer();
    ASSERT_TRUE(analyzer);
    double widthBefore = 0;
    for (int i = 0; i < 20; ++i) {
        const FrameAnalysis a = analyzer->analyze(frameAt(m_frames[static_cast<std::size_t>(i)], i));
        ASSERT_TRUE(a.hasFace()) << i;
        widthBefore = a.box.width;
    }
    int found = 0;
    double widthAfter = 0;
    for (int i = 20; i < 40; ++i) { // the driver switched to a mode 1.5 times larger
        const FrameAnalysis a = analyzer->analyze(frameAt(scaled(m_frames[static_cast<std::size_t>(i)], 1.5), i));
        EXPECT_EQ(a.frameWidth, static_cast<int>(std::lround(m_frames[0].width() * 1.5)));
        if (a.hasFace()) {
            ++found;
            widthAfter = a.box.width;
        }
    }
    EXPECT_GE(found, 18) << "the face is found again at once in the new mode";
    EXPECT_NEAR(widthAfter / widthBefore, 1.5, 0.2);
}

// Stalls, then is unplugged, then comes back: every event reaches the consumer, frames resume,
// and once stopped, the capture thread is gone.
class FlakyCamera final : public FrameSource {
public:
    FrameRead read() override
    {
        ++m_reads;
        if (m_reads > 10 && m_reads <= 13)
            return {FrameErrorCode::CameraStalled, "fake: no frame for 2 s"};
        if (m_reads == 14 && !m_unplugged) {
            m_unplugged = true;
            return {FrameErrorCode::CameraLost, "fake: unplugged"};
        }
        std::this_thread::sleep_for(1ms);
        Frame f;
        const std::vector<std::uint8_t> pixels(32 * 24, 100);
        f.image = *Image::fromPixels(32, 24, 1, pixels);
        f.sequence = m_sequence++;
        f.timestampNs = monotonicNowNs();
        return f;
    }
    Status reopen() override { return {}; }
    [[nodiscard]] SourceInfo info() const override { return SourceInfo{SourceKind::Camera, "flaky", "none"}; }

private:
    int m_reads = 0;
    std::int64_t m_sequence = 0;
    bool m_unplugged = false;
};

TEST(CameraFaultsCapture, StallAndUnplugAreReportedFramesResumeAndNoThreadIsLeft)
{
    const int before = threadCount();
    {
        CaptureThread capture(std::make_unique<FlakyCamera>(), CaptureOptions{3, true, 5, false});
        capture.start();
        bool stalled = false, lost = false, resumed = false;
        for (int i = 0; i < 400 && !resumed; ++i) {
            FrameRead read = capture.next(1s);
            if (!read.ok()) {
                stalled = stalled || read.error().code == FrameErrorCode::CameraStalled;
                lost = lost || read.error().code == FrameErrorCode::CameraLost;
            } else if (lost) {
                resumed = true;
            }
        }
        EXPECT_TRUE(stalled);
        EXPECT_TRUE(lost);
        EXPECT_TRUE(resumed);
        capture.stop();
        EXPECT_FALSE(capture.running());
    }
    EXPECT_EQ(threadCount(), before);
}

} // namespace
} // namespace simkyc::vision

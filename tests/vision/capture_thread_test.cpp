#include "frame_test_util.h"
#include "support/test_env.h"
#include "vision/capture_thread.h"
#include "vision/latest_queue.h"

#include <gtest/gtest.h>

#include <thread>

namespace simkyc::vision {
namespace {

using namespace std::chrono_literals;

// An endless source that produces tiny frames as fast as it can; optionally "loses" the camera
// once after lostAfter frames, and reopens fine.
class FakeCamera final : public FrameSource {
public:
    explicit FakeCamera(int lostAfter = -1) : m_lostAfter(lostAfter)
    {
        const std::vector<std::uint8_t> pixels(16 * 12, 128);
        m_image = *Image::fromPixels(16, 12, 1, pixels);
    }
    FrameRead read() override
    {
        if (m_sequence == m_lostAfter && !m_lostOnce) {
            m_lostOnce = true;
            return {FrameErrorCode::CameraLost, "fake: unplugged"};
        }
        Frame f;
        f.image = m_image;
        f.sequence = m_sequence++;
        f.timestampNs = monotonicNowNs();
        return f;
    }
    Status reopen() override
    {
        ++reopens;
        return {};
    }
    [[nodiscard]] SourceInfo info() const override { return SourceInfo{SourceKind::Camera, "fake", "none"}; }
    std::atomic<int> reopens{0};

private:
    Image m_image;
    std::int64_t m_sequence = 0;
    int m_lostAfter;
    bool m_lostOnce = false;
};

TEST(LatestQueue, DropsTheOldestAndNeverBlocksTheProducer)
{
    LatestQueue<int> queue(2);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 100000; ++i)
        queue.push(i); // nobody consumes
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
    EXPECT_EQ(queue.size(), 2);
    EXPECT_EQ(queue.dropped(), 100000 - 2);
    EXPECT_EQ(queue.pop(0ms), 99998);
    EXPECT_EQ(queue.pop(0ms), 99999);
    const auto waitStart = std::chrono::steady_clock::now();
    EXPECT_EQ(queue.pop(30ms), std::nullopt);
    EXPECT_GE(std::chrono::steady_clock::now() - waitStart, 25ms);
}

TEST(LatestQueue, KeepsMarkedItemsAndWakesOnClose)
{
    LatestQueue<int> queue(2, [](const int &v) { return v < 0; }); // negative = an error event
    queue.push(-1);
    queue.push(1);
    queue.push(2); // drops 1, not -1
    EXPECT_EQ(queue.pop(0ms), -1);
    EXPECT_EQ(queue.pop(0ms), 2);
    std::thread closer([&] {
        std::this_thread::sleep_for(20ms);
        queue.close();
    });
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(queue.pop(5s), std::nullopt); // woken by close, not by the timeout
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
    closer.join();
    EXPECT_FALSE(queue.push(3));
}

TEST(CaptureThread, SlowConsumerSeesFreshFramesAndTheProducerNeverWaits)
{
    CaptureThread capture(std::make_unique<FakeCamera>(), CaptureOptions{3, true, 10, false});
    capture.start();
    std::int64_t last = -1;
    int gaps = 0;
    for (int i = 0; i < 10; ++i) {
        FrameRead read = capture.next(1s);
        ASSERT_TRUE(read.ok()) << read.error().toString();
        EXPECT_GT(read->sequence, last);
        gaps += read->sequence > last + 1 ? 1 : 0;
        last = read->sequence;
        std::this_thread::sleep_for(15ms); // a slow analysis step
    }
    const auto stopStart = std::chrono::steady_clock::now();
    capture.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - stopStart, 1s);
    const CaptureStats stats = capture.stats();
    EXPECT_GT(gaps, 5);
    EXPECT_GT(stats.dropped, 100);       // thousands in practice
    EXPECT_GT(stats.frames, last);       // it kept producing while we slept
    FrameRead rest = capture.next(10ms); // what was queued at stop() drains, then Stopped
    while (rest.ok())
        rest = capture.next(10ms);
    EXPECT_EQ(rest.error().code, FrameErrorCode::Stopped);
    capture.stop(); // idempotent
}

TEST(CaptureThread, LostCameraIsReportedThenReopened)
{
    auto camera = std::make_unique<FakeCamera>(5);
    FakeCamera *raw = camera.get();
    CaptureThread capture(std::move(camera), CaptureOptions{2, true, 5, false});
    capture.start();
    bool sawLost = false;
    bool framesAfter = false;
    for (int i = 0; i < 200 && !framesAfter; ++i) {
        FrameRead read = capture.next(1s);
        if (!read.ok()) {
            EXPECT_EQ(read.error().code, FrameErrorCode::CameraLost) << read.error().toString();
            sawLost = true;
        } else if (sawLost) {
            framesAfter = true;
        }
        std::this_thread::sleep_for(1ms);
    }
    capture.stop();
    EXPECT_TRUE(sawLost);
    EXPECT_TRUE(framesAfter);
    EXPECT_EQ(raw->reopens.load(), 1);
    EXPECT_EQ(capture.stats().reopens, 1);
}

TEST(CaptureThread, FileEndsWithEndOfStreamThenStopped)
{
    test::TempDir dir;
    ASSERT_TRUE(testutil::writeSyntheticVideo(dir.path() / "v.avi", 10, 64, 48, 100.0));
    auto source = openVideoFile(dir.path() / "v.avi");
    ASSERT_TRUE(source.ok());
    // Paced like a camera at the file's 100 fps, with room for every frame.
    CaptureThread capture(std::move(source).value(), CaptureOptions{3, false, 10, true});
    capture.start();
    int frames = 0;
    FrameRead read = capture.next(2s);
    for (; read.ok(); read = capture.next(2s))
        ++frames;
    EXPECT_EQ(read.error().code, FrameErrorCode::EndOfStream);
    EXPECT_EQ(capture.next(1s).error().code, FrameErrorCode::Stopped);
    EXPECT_GE(frames, 8); // pacing keeps a consumer that keeps up from losing frames
    EXPECT_LE(frames, 10);
}

} // namespace
} // namespace simkyc::vision

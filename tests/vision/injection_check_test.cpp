#include "vision/injection_check.h"

#include <gtest/gtest.h>

namespace simkyc::vision {
namespace {

Image noisyFrame(unsigned seed)
{
    std::vector<std::uint8_t> px(64 * 48 * 3);
    unsigned state = seed * 2654435761u + 1;
    for (auto &p : px) {
        state = state * 1664525u + 1013904223u;
        p = static_cast<std::uint8_t>(100 + (state >> 28));
    }
    return *Image::fromPixels(64, 48, 3, px);
}

TEST(InjectionCheck, RecognisesVirtualCameraDrivers)
{
    std::string why;
    EXPECT_TRUE(isVirtualCamera(
        {"/dev/video9", "v4l2 loopback", "Dummy video device (0x0000)", "platform:v4l2loopback-000"}, &why));
    EXPECT_NE(why.find("loopback"), std::string::npos);
    EXPECT_TRUE(isVirtualCamera({"/dev/video2", "v4l2 loopback", "OBS Virtual Camera", "platform:v4l2loopback-000"}));
    EXPECT_TRUE(isVirtualCamera({"/dev/video3", "akvcam", "AkVCam Video Device", "akvcam"}));
    EXPECT_FALSE(isVirtualCamera({"/dev/video0", "uvcvideo", "HD Pro Webcam C920", "usb-0000:00:14.0-1"}));
}

TEST(InjectionCheck, QueryReportsMissingAndNonV4l2Devices)
{
    auto missing = queryCamera("/dev/video-simkyc-none");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    auto notCamera = queryCamera("/dev/null");
    ASSERT_FALSE(notCamera.ok());
    EXPECT_EQ(notCamera.error().code, ErrorCode::IoError);
}

TEST(InjectionCheck, RealSensorLikeStreamIsPlausible)
{
    StreamPlausibility s;
    std::int64_t t = 0;
    for (unsigned i = 0; i < 60; ++i) {
        t += 33'333'333 + static_cast<std::int64_t>((i * 7919) % 400'000) - 200'000; // +-0.2 ms jitter
        s.feed(t, noisyFrame(i));
    }
    const auto r = s.report();
    EXPECT_FALSE(r.suspicious);
    EXPECT_EQ(r.identicalFrames, 0);
    EXPECT_GT(r.intervalJitterMs, 0.05);
}

TEST(InjectionCheck, RepeatedFramesAndPerfectTimingAreSuspicious)
{
    StreamPlausibility repeated;
    for (int i = 0; i < 60; ++i)
        repeated.feed(i * 33'333'333LL + (i % 3) * 150'000, noisyFrame(static_cast<unsigned>(i / 4))); // each frame 4x
    EXPECT_TRUE(repeated.report().suspicious);
    EXPECT_EQ(repeated.report().findings.front(), "identical_frames");

    StreamPlausibility metronome;
    for (int i = 0; i < 60; ++i)
        metronome.feed(i * 33'333'333LL, noisyFrame(static_cast<unsigned>(i)));
    const auto r = metronome.report();
    EXPECT_TRUE(r.suspicious);
    EXPECT_EQ(r.findings, std::vector<std::string>{"no_timing_jitter"});
}

} // namespace
} // namespace simkyc::vision

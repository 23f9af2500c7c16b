#include "vision/injection_check.h"

#include <gtest/gtest.h>
#include <linux/videodev2.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

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

// A sysfs tree as the kernel lays it out for a USB webcam: the video node's `device` link points
// at the USB interface, whose parent directory holds the device descriptors.
class FakeSysfs {
public:
    FakeSysfs()
    {
        namespace fs = std::filesystem;
        root = fs::temp_directory_path() /
               ("simkyc-sysfs-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        const fs::path usb = root / "devices/pci0000:00/0000:00:14.0/usb1/1-2";
        fs::create_directories(usb / "1-2:1.0/video4linux/video7");
        std::ofstream(usb / "idVendor") << "046d\n";
        std::ofstream(usb / "idProduct") << "0825\n";
        std::ofstream(usb / "serial") << "A1B2C3\n";
        fs::create_directories(root / "class/video4linux/video7");
        fs::create_directory_symlink(usb / "1-2:1.0", root / "class/video4linux/video7/device");
        // A camera on the SoC (no USB descriptors), e.g. a laptop's MIPI camera or a virtual device.
        fs::create_directories(root / "devices/platform/v4l2loopback-000/video4linux/video9");
        fs::create_directories(root / "class/video4linux/video9");
        fs::create_directory_symlink(root / "devices/platform/v4l2loopback-000",
                                     root / "class/video4linux/video9/device");
    }
    ~FakeSysfs()
    {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    }
    static int &counter()
    {
        static int n = 0;
        return n;
    }
    std::filesystem::path root;
};

TEST(FindCamera, TakesNoNodeThatIsNotAV4l2Camera)
{
    // The demo's camera search on a /dev without a camera: an empty folder, then video nodes that
    // are not cameras (a character device that answers no V4L2 query, a plain file). Each is
    // named in the error, so the screen can say why there is no picture.
    namespace fs = std::filesystem;
    const fs::path dev = fs::temp_directory_path() / ("simkyc-dev-" + std::to_string(::getpid()));
    fs::create_directories(dev);
    auto none = findCamera({}, false, dev);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, ErrorCode::NotFound);
    EXPECT_NE(none.error().message.find("video*"), std::string::npos) << none.error().message;

    fs::create_symlink("/dev/null", dev / "video3");
    std::ofstream(dev / "video1") << "not a device";
    std::ofstream(dev / "videos") << "not a node name";
    auto notCameras = findCamera({}, false, dev);
    ASSERT_FALSE(notCameras.ok());
    const std::string &why = notCameras.error().message;
    EXPECT_NE(why.find("video1"), std::string::npos) << why;
    EXPECT_NE(why.find("video3: not a V4L2 device"), std::string::npos) << why;
    EXPECT_LT(why.find("video1"), why.find("video3")) << "lowest number first: " << why;
    EXPECT_EQ(why.find("videos"), std::string::npos) << why;
    fs::remove_all(dev);
}

TEST(CameraPin, ReadsTheUsbIdentityOfAVideoNode)
{
    FakeSysfs sys;
    auto id = usbCameraId("/dev/video7", sys.root);
    ASSERT_TRUE(id.ok()) << id.error().toString();
    EXPECT_EQ(id->text(), "046d:0825:A1B2C3");
    // Through a stable link, as /dev/v4l/by-id/... names it.
    const auto link = sys.root / "usb-Logitech_Webcam_C270_A1B2C3-video-index0";
    std::filesystem::create_directories(sys.root / "dev");
    std::ofstream(sys.root / "dev/video7") << "";
    std::filesystem::create_symlink(sys.root / "dev/video7", link);
    auto viaLink = usbCameraId(link.string(), sys.root);
    ASSERT_TRUE(viaLink.ok()) << viaLink.error().toString();
    EXPECT_EQ(viaLink->text(), "046d:0825:A1B2C3");
    auto platform = usbCameraId("/dev/video9", sys.root);
    ASSERT_FALSE(platform.ok());
    EXPECT_EQ(platform.error().code, ErrorCode::Unsupported);
    EXPECT_EQ(usbCameraId("/dev/video3", sys.root).error().code, ErrorCode::NotFound);
}

TEST(InjectionCheck, ALoopbackIsRecognisedByItsCapabilitiesWhateverItsName)
{
    // v4l2loopback loaded with card_label="HD Webcam" and its driver name patched: the names say
    // nothing, but a device that takes video in and gives it out is no camera.
    CameraIdentity renamed{"/dev/video2", "uvcvideo", "HD Webcam", "usb-0000:00:14.0-2",
                           V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_VIDEO_OUTPUT | V4L2_CAP_STREAMING};
    std::string why;
    EXPECT_TRUE(isVirtualCamera(renamed, &why));
    EXPECT_NE(why.find("outputs"), std::string::npos) << why;
    renamed.capabilities = V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_STREAMING;
    EXPECT_FALSE(isVirtualCamera(renamed)) << "a real UVC camera";
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

TEST(InjectionCheck, SensorTimestampsJudgeRegularityOrderAndLatency)
{
    // Before, only arrival times were measured, and those always jitter (the monotonic clock read
    // after read() returns): a file played on a perfect clock passed. With the V4L2 buffer
    // timestamps its regular capture clock shows.
    const auto jitter = [](int i) { return (i % 3) * 170'000LL; }; // scheduling noise on arrival
    StreamPlausibility real;
    for (int i = 0; i < 60; ++i) // capture with sub-millisecond jitter, arriving 8-9 ms later
        real.feed(i * 33'333'333LL + 8'000'000 + jitter(i), noisyFrame(static_cast<unsigned>(i)),
                  i * 33'333'333LL + (i * 7919 % 13) * 9'000LL);
    EXPECT_FALSE(real.report().suspicious) << real.report().findings.size();
    EXPECT_NEAR(real.report().maxLatencyMs, 8.5, 0.5);

    StreamPlausibility injected; // arrival times jitter, the "sensor" clock is a metronome
    for (int i = 0; i < 60; ++i)
        injected.feed(i * 33'333'333LL + 8'000'000 + jitter(i), noisyFrame(static_cast<unsigned>(i)), i * 33'333'333LL);
    EXPECT_EQ(injected.report().findings, std::vector<std::string>{"no_timing_jitter"});

    StreamPlausibility backwards;
    for (int i = 0; i < 20; ++i)
        backwards.feed(i * 33'333'333LL + 9'000'000, noisyFrame(static_cast<unsigned>(i)),
                       (i == 10 ? 5 : i) * 33'333'333LL + (i % 4) * 50'000LL);
    EXPECT_NE(
        std::find(backwards.report().findings.begin(), backwards.report().findings.end(), "timestamps_out_of_order"),
        backwards.report().findings.end());

    StreamPlausibility late; // frames captured long ago, handed over on cue
    for (int i = 0; i < 30; ++i)
        late.feed(i * 33'333'333LL + 900'000'000LL + jitter(i), noisyFrame(static_cast<unsigned>(i)),
                  i * 33'333'333LL + (i % 5) * 40'000LL);
    EXPECT_NE(std::find(late.report().findings.begin(), late.report().findings.end(), "late_frames"),
              late.report().findings.end());
}

} // namespace
} // namespace simkyc::vision

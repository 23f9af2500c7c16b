#include "frame_test_util.h"
#include "support/test_env.h"
#include "vision/frame_source.h"

#include <opencv2/imgcodecs.hpp>

#include <gtest/gtest.h>

#include <fstream>

namespace fs = std::filesystem;

namespace simkyc::vision {
namespace {

// Reads a source to its end; checks order, timestamps and the file's own frame times.
std::vector<Frame> readAll(FrameSource &source, int limit = 100000)
{
    std::vector<Frame> frames;
    for (int i = 0; i < limit; ++i) {
        FrameRead read = source.read();
        if (!read.ok()) {
            EXPECT_EQ(read.error().code, FrameErrorCode::EndOfStream) << read.error().toString();
            break;
        }
        frames.push_back(*read);
    }
    for (size_t i = 1; i < frames.size(); ++i) {
        EXPECT_EQ(frames[i].sequence, frames[i - 1].sequence + 1);
        EXPECT_GE(frames[i].timestampNs, frames[i - 1].timestampNs);
    }
    return frames;
}

TEST(FrameSource, RealVideoDeliversEveryFrameWithContainerTimes)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    auto source = openVideoFile(testutil::shared("liveness/liveportrait/d18.mp4"));
    ASSERT_TRUE(source.ok()) << source.error().toString();
    const SourceInfo info = (*source)->info();
    EXPECT_EQ(info.kind, SourceKind::VideoFile);
    EXPECT_EQ(info.backend, "FFMPEG");
    EXPECT_EQ(info.width, 480);
    EXPECT_EQ(info.height, 480);
    EXPECT_NEAR(info.fps, 30.0, 0.01);
    const auto frames = readAll(**source);
    ASSERT_EQ(frames.size(), 216u); // labels/videos.csv
    EXPECT_EQ(frames[0].sourceIndex, 0);
    EXPECT_EQ(frames[215].sourceIndex, 215);
    EXPECT_NEAR(frames[90].sourceTimeMs, 3000.0, 1e-6);
    EXPECT_EQ(frames[10].image.width(), 480);
    // After the end: still the end; reopen starts again at frame 0, sequence goes on.
    EXPECT_EQ((*source)->read().error().code, FrameErrorCode::EndOfStream);
    ASSERT_TRUE((*source)->reopen().ok());
    FrameRead again = (*source)->read();
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->sourceIndex, 0);
    EXPECT_EQ(again->sequence, 216);
}

TEST(FrameSource, GeneratedVideoRoundTrips)
{
    test::TempDir dir;
    const fs::path file = dir.path() / "synthetic.avi";
    ASSERT_TRUE(testutil::writeSyntheticVideo(file, 24, 160, 120, 12.0));
    auto source = openVideoFile(file);
    ASSERT_TRUE(source.ok()) << source.error().toString();
    EXPECT_NEAR((*source)->info().fps, 12.0, 0.01);
    const auto frames = readAll(**source);
    ASSERT_EQ(frames.size(), 24u);
    EXPECT_EQ(frames[5].image.width(), 160);
    EXPECT_EQ(frames[5].image.channels(), 3);
    EXPECT_NEAR(frames[12].sourceTimeMs, 1000.0, 1e-6);
}

TEST(FrameSource, MissingAndBrokenFilesFailClearly)
{
    test::TempDir dir;
    auto missing = openVideoFile(dir.path() / "absent.mp4");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_NE(missing.error().message.find("absent.mp4"), std::string::npos);
    std::ofstream(dir.path() / "text.mp4") << "not a video at all";
    auto broken = openVideoFile(dir.path() / "text.mp4");
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().code, ErrorCode::Unreadable);
    auto still = openStillImage(dir.path() / "absent.png");
    ASSERT_FALSE(still.ok());
    EXPECT_EQ(still.error().code, ErrorCode::NotFound);
    auto folder = openImageFolder(dir.path() / "nope");
    ASSERT_FALSE(folder.ok());
    EXPECT_EQ(folder.error().code, ErrorCode::NotFound);
    auto empty = openImageFolder(dir.path()); // holds no images
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, ErrorCode::Unreadable);
}

TEST(FrameSource, FolderIsReadInNameOrderAndSkipsBadImages)
{
    test::TempDir dir;
    for (int i : {2, 0, 1}) {
        cv::Mat m(30 + i, 40, CV_8UC3, cv::Scalar(10 * i, 20, 30));
        ASSERT_TRUE(cv::imwrite((dir.path() / ("img" + std::to_string(i) + ".png")).string(), m));
    }
    std::ofstream(dir.path() / "img1b.jpg") << "broken jpeg";
    std::ofstream(dir.path() / "notes.txt") << "ignored";
    auto source = openImageFolder(dir.path(), 10.0);
    ASSERT_TRUE(source.ok()) << source.error().toString();
    EXPECT_EQ((*source)->info().frameCount, 4);
    std::vector<int> heights;
    std::vector<FrameErrorCode> errors;
    for (FrameRead r = (*source)->read(); r.ok() || r.error().code != FrameErrorCode::EndOfStream;
         r = (*source)->read()) {
        if (r.ok()) {
            heights.push_back(r->image.height());
            EXPECT_NEAR(r->sourceTimeMs, static_cast<double>(r->sourceIndex) * 100.0, 1e-9);
        } else {
            errors.push_back(r.error().code);
        }
    }
    EXPECT_EQ(heights, (std::vector<int>{30, 31, 32}));
    EXPECT_EQ(errors, (std::vector<FrameErrorCode>{FrameErrorCode::Unreadable}));
}

TEST(FrameSource, StillImageRepeatsAndListKeepsOrder)
{
    test::TempDir dir;
    cv::imwrite((dir.path() / "a.png").string(), cv::Mat(20, 20, CV_8UC3, cv::Scalar::all(1)));
    cv::imwrite((dir.path() / "b.png").string(), cv::Mat(25, 20, CV_8UC3, cv::Scalar::all(2)));
    auto still = openStillImage(dir.path() / "a.png", 3);
    ASSERT_TRUE(still.ok());
    EXPECT_EQ(readAll(**still).size(), 3u);
    auto list = openImageList({dir.path() / "b.png", dir.path() / "a.png"});
    ASSERT_TRUE(list.ok());
    const auto frames = readAll(**list);
    ASSERT_EQ(frames.size(), 2u);
    EXPECT_EQ(frames[0].image.height(), 25);
    EXPECT_FALSE(openImageList({}).ok());
    EXPECT_EQ(openImageList({dir.path() / "c.png"}).error().code, ErrorCode::NotFound);
}

TEST(FrameSource, SpecChoosesTheSourceKind)
{
    test::TempDir dir;
    cv::imwrite((dir.path() / "a.png").string(), cv::Mat(20, 20, CV_8UC3, cv::Scalar::all(1)));
    auto folder = openSourceSpec(dir.path().string());
    ASSERT_TRUE(folder.ok());
    EXPECT_EQ((*folder)->info().kind, SourceKind::ImageFolder);
    auto image = openSourceSpec((dir.path() / "a.png").string());
    ASSERT_TRUE(image.ok());
    EXPECT_EQ((*image)->info().kind, SourceKind::StillImage);
    auto camera = openSourceSpec("/dev/video97"); // no such device on a test machine
    ASSERT_FALSE(camera.ok());
    EXPECT_EQ(camera.error().code, ErrorCode::NotFound);
    EXPECT_NE(camera.error().message.find("/dev/video97"), std::string::npos);
    EXPECT_EQ(openSourceSpec("97").error().code, ErrorCode::NotFound);
    EXPECT_EQ(openSourceSpec((dir.path() / "absent.mp4").string()).error().code, ErrorCode::NotFound);
    EXPECT_EQ(openSourceSpec("").error().code, ErrorCode::InvalidArgument);
}

TEST(FrameSource, CameraDeviceNamesAndFailureRule)
{
    EXPECT_EQ(cameraIndexOf("/dev/video0"), 0);
    EXPECT_EQ(cameraIndexOf("12"), 12);
    EXPECT_EQ(cameraIndexOf("/dev/videox"), -1);
    EXPECT_EQ(cameraIndexOf("video.mp4"), -1);
    EXPECT_EQ(classifyCameraFailure(false, 10, 2000), FrameErrorCode::CameraLost);
    EXPECT_EQ(classifyCameraFailure(true, 2500, 2000), FrameErrorCode::CameraStalled);
    EXPECT_EQ(classifyCameraFailure(true, 100, 2000), std::nullopt);
    EXPECT_EQ(openCamera(CameraSpec{"/dev/sda", 640, 480, 30, "MJPG", 2000}).error().code, ErrorCode::InvalidArgument);
}

// One rule for what is a camera (vision::cameraDeviceOf), used by openSourceSpec and by the kiosk,
// which refuses anything else outside demo mode. A /dev path is a camera only when it is, or links
// to, a /dev/videoN node: /dev/stdin or a clip under /dev/shm is a recording (GuiOptions tests: the
// kiosk refuses them).
TEST(FrameSource, WhatIsACameraHasOneRule)
{
    test::TempDir dir;
    std::filesystem::create_directory(dir.path() / "4");
    std::ofstream(dir.path() / "3") << "not a video";
    const auto before = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());
    EXPECT_EQ(cameraDeviceOf("3"), std::nullopt) << "a file named 3 is a file";
    EXPECT_NE(openSourceSpec("3").error().message.find("FFmpeg"), std::string::npos) << "opened as a video";
    EXPECT_EQ(cameraDeviceOf("4"), "/dev/video4") << "a folder named 4 is not what the spec means";
    std::filesystem::current_path(before);
    EXPECT_EQ(cameraDeviceOf("/dev/video9"), "/dev/video9");
    EXPECT_EQ(cameraDeviceOf("/dev/video09"), "/dev/video9");
    EXPECT_EQ(cameraDeviceOf("/dev/v4l/by-id/usb-absent-video-index0"), "/dev/v4l/by-id/usb-absent-video-index0")
        << "a stable name whose camera is unplugged is still a camera";
    EXPECT_EQ(openSourceSpec("/dev/v4l/by-id/usb-absent-video-index0").error().code, ErrorCode::NotFound);
    for (const char *recording : {"clip.mp4", "/dev/stdin", "/dev/null", "/dev/../tmp/clip.mp4", "/dev/video0 ",
                                  "/dev/v4l/../shm/clip.mp4", ""})
        EXPECT_FALSE(isCameraSpec(recording)) << recording;
}

TEST(FrameSource, ErrorNamesAreStable)
{
    EXPECT_EQ(frameErrorName(FrameErrorCode::CameraLost), "camera_lost");
    EXPECT_EQ(frameErrorName(FrameErrorCode::CameraStalled), "camera_stalled");
    EXPECT_EQ(frameErrorName(FrameErrorCode::EndOfStream), "end_of_stream");
    const FrameError lost{FrameErrorCode::CameraLost, "/dev/video0: the camera disappeared"};
    EXPECT_TRUE(lost.recoverable());
    EXPECT_EQ(lost.toString(), "camera_lost: /dev/video0: the camera disappeared");
    EXPECT_EQ(lost.toError().code, ErrorCode::IoError);
    EXPECT_EQ(sourceKindName(SourceKind::VideoFile), "video_file");
}

} // namespace
} // namespace simkyc::vision

// Smoke test of simkyc-make-attacks: synthetic photos, a synthetic closed-eye face and a synthetic
// "genuine" video in a temp folder; the tool writes 2 s clips of every type; each must open with
// cv::VideoCapture and hold the expected number of 640x480 frames. Needs no shared data.
#include "support/test_env.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr int kFps = 30;
constexpr int kSeconds = 2;
const char *const kTypes[] = {"still", "moved", "tilted", "cutout", "replay"};

// A face-like drawing: skin-coloured oval, two eyes (open or closed), brows, nose and mouth.
cv::Mat drawFace(cv::Size size, cv::Scalar skin, bool eyesClosed)
{
    cv::Mat image(size, CV_8UC3, cv::Scalar(200, 190, 180));
    const cv::Point centre(size.width / 2, size.height / 2);
    const int rx = size.width * 3 / 10, ry = size.height * 4 / 10;
    cv::ellipse(image, centre, cv::Size(rx, ry), 0, 0, 360, skin, cv::FILLED, cv::LINE_AA);
    for (int side : {-1, 1}) {
        const cv::Point eye(centre.x + side * rx * 2 / 5, centre.y - ry / 5);
        if (eyesClosed) {
            cv::ellipse(image, eye, cv::Size(rx / 5, rx / 12), 0, 0, 180, cv::Scalar(40, 40, 60), 2, cv::LINE_AA);
        } else {
            cv::ellipse(image, eye, cv::Size(rx / 5, rx / 9), 0, 0, 360, cv::Scalar(250, 250, 250), cv::FILLED);
            cv::circle(image, eye, rx / 12, cv::Scalar(60, 40, 20), cv::FILLED, cv::LINE_AA);
        }
        cv::line(image, eye + cv::Point(-rx / 5, -rx / 5), eye + cv::Point(rx / 5, -rx / 5), cv::Scalar(50, 50, 70), 3);
    }
    cv::line(image, centre, centre + cv::Point(0, ry / 4), cv::Scalar(90, 110, 150), 2, cv::LINE_AA);
    cv::ellipse(image, centre + cv::Point(0, ry / 2), cv::Size(rx / 3, ry / 10), 0, 0, 180, cv::Scalar(60, 60, 160), 3);
    return image;
}

int runTool(const std::string &arguments)
{
    const fs::path tool = simkyc::test::binDir() / "simkyc-make-attacks";
    const std::string command = "'" + tool.string() + "' " + arguments + " > /dev/null 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string quoted(const fs::path &path)
{
    return "'" + path.string() + "'";
}

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class MakeAttacksSmoke : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fs::exists(simkyc::test::binDir() / "simkyc-make-attacks")) << "build simkyc-make-attacks first";
        const fs::path photos = m_dir.path() / "photos";
        fs::create_directories(photos);
        fs::create_directories(m_dir.path() / "closed");
        ASSERT_TRUE(
            cv::imwrite((photos / "face_a.png").string(), drawFace({360, 440}, cv::Scalar(150, 180, 220), false)));
        ASSERT_TRUE(
            cv::imwrite((photos / "face_b.jpg").string(), drawFace({300, 300}, cv::Scalar(90, 120, 160), false)));
        ASSERT_TRUE(cv::imwrite((m_dir.path() / "closed" / "closed_eye_0001.jpg").string(),
                                drawFace({100, 100}, cv::Scalar(140, 170, 210), true)));
        std::ofstream(m_dir.path() / "photos.txt") << (photos / "face_a.png").string() << "\n"
                                                   << (photos / "face_b.jpg").string() << "\n";
        // A short "genuine" clip at 25 fps (shorter than the attack clips, so the replay has to loop).
        cv::VideoWriter writer((m_dir.path() / "genuine.avi").string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25,
                               cv::Size(320, 240));
        ASSERT_TRUE(writer.isOpened());
        for (int i = 0; i < 30; ++i) {
            cv::Mat frame = drawFace({320, 240}, cv::Scalar(140, 170, 210), i % 10 == 0);
            cv::circle(frame, cv::Point(10 + 10 * i, 20), 8, cv::Scalar(0, 0, 255), cv::FILLED);
            writer.write(frame);
        }
    }

    std::string commonArguments(const fs::path &out) const
    {
        return "--photos " + quoted(m_dir.path() / "photos.txt") + " --out " + quoted(out) + " --closed-eyes " +
               quoted(m_dir.path() / "closed") + " --replay-videos " + quoted(m_dir.path() / "genuine.avi") +
               " --models-dir " + quoted(m_dir.path() / "no-models");
    }

    simkyc::test::TempDir m_dir;
};

TEST_F(MakeAttacksSmoke, WritesEveryTypeWithTheExpectedFrameCount)
{
    const fs::path out = m_dir.path() / "out";
    ASSERT_EQ(runTool(commonArguments(out) + " --seconds " + std::to_string(kSeconds) + " --seed 7"), 0);

    std::ifstream index(out / "attacks.csv");
    std::string line;
    ASSERT_TRUE(std::getline(index, line));
    EXPECT_EQ(line, "video,attack_type,source_photo,frames,fps,width,height,notes");
    int rows = 0;
    while (std::getline(index, line))
        ++rows;
    EXPECT_EQ(rows, 10);

    for (const char *type : kTypes) {
        for (const char *name : {"photos_face_a", "photos_face_b"}) {
            const fs::path video = out / type / (std::string(name) + ".avi");
            SCOPED_TRACE(video.string());
            cv::VideoCapture capture(video.string());
            ASSERT_TRUE(capture.isOpened());
            EXPECT_EQ(static_cast<int>(capture.get(cv::CAP_PROP_FRAME_COUNT)), kFps * kSeconds);
            int frames = 0;
            cv::Mat frame;
            while (capture.read(frame)) {
                EXPECT_EQ(frame.size(), cv::Size(640, 480));
                ++frames;
            }
            EXPECT_EQ(frames, kFps * kSeconds);
        }
    }
}

TEST_F(MakeAttacksSmoke, SameSeedGivesTheSameVideos)
{
    const std::string args = " --types still,cutout,replay --seconds 0.5 --seed 11";
    ASSERT_EQ(runTool(commonArguments(m_dir.path() / "one") + args), 0);
    ASSERT_EQ(runTool(commonArguments(m_dir.path() / "two") + args), 0);
    for (const char *video : {"still/photos_face_a.avi", "cutout/photos_face_b.avi", "replay/photos_face_a.avi"})
        EXPECT_EQ(readFile(m_dir.path() / "one" / video), readFile(m_dir.path() / "two" / video)) << video;
}

TEST_F(MakeAttacksSmoke, MissingPhotoListFailsWithExitCode2)
{
    EXPECT_EQ(runTool("--photos " + quoted(m_dir.path() / "absent.txt") + " --out " + quoted(m_dir.path() / "o")), 2);
}

TEST_F(MakeAttacksSmoke, UnreadablePhotoIsSkipped)
{
    std::ofstream(m_dir.path() / "photos" / "broken.jpg") << "not a jpeg";
    std::ofstream(m_dir.path() / "photos.txt", std::ios::app) << (m_dir.path() / "photos" / "broken.jpg").string();
    const fs::path out = m_dir.path() / "out";
    ASSERT_EQ(runTool(commonArguments(out) + " --types still --seconds 0.2"), 0);
    EXPECT_TRUE(fs::exists(out / "still" / "photos_face_a.avi"));
    EXPECT_FALSE(fs::exists(out / "still" / "photos_broken.avi"));
}

TEST_F(MakeAttacksSmoke, UnwritableOutputFailsWithExitCode2)
{
    std::ofstream(m_dir.path() / "a_file") << "x";
    EXPECT_EQ(runTool(commonArguments(m_dir.path() / "a_file" / "out") + " --types still --seconds 0.2"), 2);
}

} // namespace

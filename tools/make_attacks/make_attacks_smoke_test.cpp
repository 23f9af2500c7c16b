// Smoke test of simkyc-make-attacks: synthetic photos, a synthetic closed-eye face and a synthetic
// "genuine" video in a temp folder; the tool writes 2 s clips of every type; each must open with
// cv::VideoCapture and hold the expected number of 640x480 frames. Needs no shared data.
// The session mode (--sessions) is tested on the shared data's labelled videos, skipped without them:
// a few sessions of every kind, each compared frame by frame with the live video it was made from.
// Without the 68-point model (as here, to stay well under a minute) the eyes are guessed from the face
// box and the kiosk probe (kiosk_probe.h), which re-renders clips the old tracker would not follow,
// is off; the full render with --models-dir exercises it.
#include "support/test_env.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <regex>
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

// --- session mode --------------------------------------------------------------------------------

constexpr int kPerKind = 2;
// Mean absolute difference per channel value, 0..255.
constexpr double kSameFrameMad = 4.0;      // MJPG at OpenCV's default quality re-encoding the same frame
constexpr double kReplacedFrameMad = 12.0; // a window frame must differ at least this much from A's

std::vector<std::string> csvFields(const std::string &line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"')
            fields.back() += line[++i];
        else if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted)
            fields.emplace_back();
        else
            fields.back() += c;
    }
    return fields;
}

// The value of `key=` in a notes text ("live=d13 insert=... window_frames=63-92").
std::string noteValue(const std::string &notes, const std::string &key)
{
    const size_t at = (" " + notes).find(" " + key + "=");
    if (at == std::string::npos)
        return {};
    const size_t from = at + key.size() + 1;
    return notes.substr(from, notes.find(' ', from) - from);
}

double meanAbsDiff(const cv::Mat &a, const cv::Mat &b)
{
    return cv::norm(a, b, cv::NORM_L1) / static_cast<double>(a.total() * a.channels());
}

struct SessionRow {
    std::map<std::string, std::string> field;
    [[nodiscard]] int number(const std::string &name) const { return std::stoi(field.at(name)); }
    [[nodiscard]] double pixelFrames() const
    {
        return static_cast<double>(number("width")) * number("height") * number("frames");
    }
};

TEST(MakeAttacksSessions, MissingBlinkLabelsFailWithExitCode2)
{
    simkyc::test::TempDir dir;
    const fs::path absent = dir.path() / "labels" / "blinks.csv";
    EXPECT_EQ(runTool("--sessions --blinks " + quoted(absent) + " --identities " + quoted(absent) + " --root " +
                      quoted(dir.path()) + " --out " + quoted(dir.path() / "out")),
              2);
    EXPECT_EQ(runTool("--blinks " + quoted(absent) + " --identities " + quoted(absent) + " --root " +
                      quoted(dir.path()) + " --out " + quoted(dir.path() / "out")),
              2)
        << "--blinks without --sessions";
}

TEST(MakeAttacksSessions, RendersEveryKindFromTheLabelledVideos)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    ASSERT_TRUE(fs::exists(simkyc::test::binDir() / "simkyc-make-attacks")) << "build simkyc-make-attacks first";
    const fs::path data = *simkyc::test::sharedDataDir();
    simkyc::test::TempDir dir;
    const fs::path out = dir.path() / "sessions";
    ASSERT_EQ(runTool("--sessions --blinks " + quoted(data / "labels/blinks.csv") + " --identities " +
                      quoted(data / "labels/identities.csv") + " --root " + quoted(data) + " --out " + quoted(out) +
                      " --models-dir " + quoted(dir.path() / "no-models") + " --per-kind " + std::to_string(kPerKind)),
              0);

    // Live videos by name (notes say live=<file stem>).
    std::map<std::string, fs::path> lives;
    {
        std::ifstream blinks(data / "labels/blinks.csv");
        std::string line;
        while (std::getline(blinks, line))
            if (const fs::path video = csvFields(line).front(); video.extension() == ".mp4")
                lives[video.stem().string()] = data / video;
    }

    std::ifstream index(out / "attacks.csv");
    std::string line;
    ASSERT_TRUE(std::getline(index, line));
    ASSERT_EQ(line, "video,attack_type,source_photo,frames,fps,width,height,notes,prompts");
    const std::vector<std::string> header = csvFields(line);
    std::map<std::string, std::vector<SessionRow>> byKind;
    const std::regex script(R"(blink@\d+\.\d\d,blink@\d+\.\d\d)");
    while (std::getline(index, line)) {
        const auto fields = csvFields(line);
        ASSERT_EQ(fields.size(), header.size()) << line;
        SessionRow row;
        for (size_t i = 0; i < header.size(); ++i)
            row.field[header[i]] = fields[i];
        SCOPED_TRACE(row.field["video"]);
        EXPECT_TRUE(std::regex_match(row.field["prompts"], script));
        EXPECT_EQ(lives.count(noteValue(row.field["notes"], "live")), 1u);
        EXPECT_EQ(row.field["source_photo"].empty(), row.field["attack_type"] == "control");
        cv::VideoCapture capture((out / row.field["video"]).string());
        ASSERT_TRUE(capture.isOpened());
        EXPECT_EQ(static_cast<int>(capture.get(cv::CAP_PROP_FRAME_COUNT)), row.number("frames"));
        EXPECT_NEAR(capture.get(cv::CAP_PROP_FPS), std::stod(row.field["fps"]), 0.01);
        EXPECT_EQ(static_cast<int>(capture.get(cv::CAP_PROP_FRAME_WIDTH)), row.number("width"));
        EXPECT_EQ(static_cast<int>(capture.get(cv::CAP_PROP_FRAME_HEIGHT)), row.number("height"));
        byKind[row.field["attack_type"]].push_back(row);
    }
    for (const char *kind : {"hybrid", "swap", "gap"})
        EXPECT_EQ(byKind[kind].size(), static_cast<size_t>(kPerKind)) << kind;
    ASSERT_FALSE(byKind["control"].empty());

    // Frame by frame against the live video, for the cheapest clip of each kind: a control equals A;
    // an attack equals A outside its window and differs strongly inside it.
    for (const auto &[kind, rows] : byKind) {
        const SessionRow &row = *std::min_element(
            rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.pixelFrames() < b.pixelFrames(); });
        SCOPED_TRACE(row.field.at("video"));
        const std::string notes = row.field.at("notes");
        int windowFirst = -1, windowLast = -1;
        if (kind != "control") {
            const std::string window = noteValue(notes, "window_frames");
            ASSERT_NE(window.find('-'), std::string::npos) << notes;
            windowFirst = std::stoi(window.substr(0, window.find('-')));
            windowLast = std::stoi(window.substr(window.find('-') + 1));
            EXPECT_EQ(windowLast - windowFirst + 1, static_cast<int>(std::lround(std::stod(row.field.at("fps")))));
        }
        cv::VideoCapture clip((out / row.field.at("video")).string());
        cv::VideoCapture live(lives[noteValue(notes, "live")].string());
        cv::Mat clipFrame, liveFrame;
        double worstSame = 0.0, weakestReplaced = 255.0;
        for (int f = 0; f < row.number("frames"); ++f) {
            ASSERT_TRUE(clip.read(clipFrame) && live.read(liveFrame)) << "frame " << f;
            const double mad = meanAbsDiff(clipFrame, liveFrame);
            if (f >= windowFirst && f <= windowLast)
                weakestReplaced = std::min(weakestReplaced, mad);
            else
                worstSame = std::max(worstSame, mad);
        }
        std::cout << "[          ] " << kind << ": mean abs diff to the live video <= " << worstSame
                  << (kind == "control" ? "" : " outside the window, >= " + std::to_string(weakestReplaced) + " inside")
                  << "\n";
        EXPECT_LT(worstSame, kSameFrameMad) << kind << ": a frame outside the window differs from the live video";
        if (kind != "control") {
            EXPECT_GT(weakestReplaced, kReplacedFrameMad) << kind << ": a window frame is too close to the live one";
        }
    }
}

} // namespace

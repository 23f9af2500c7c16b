#include "replay_renderer.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace simkyc::tools {
namespace {

class ReplayRenderer final : public FrameRenderer {
public:
    ReplayRenderer(const std::filesystem::path &video, const ClipSpec &clip, std::uint64_t seed)
        : m_video(video), m_clip(clip), m_rng(seed), m_noise(clip.size, clip.noiseSigma, m_rng)
    {
    }

    bool open(std::string &error)
    {
        if (!m_capture.open(m_video.string())) {
            error = "cannot open replay video " + m_video.string();
            return false;
        }
        m_sourceFps = m_capture.get(cv::CAP_PROP_FPS);
        if (!(m_sourceFps > 1.0 && m_sourceFps < 241.0))
            m_sourceFps = 30.0;
        m_sourceFrames = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_COUNT));
        if (m_sourceFrames <= 0) {
            error = "replay video " + m_video.string() + " reports no frames";
            return false;
        }
        const int needed = static_cast<int>(std::ceil(m_clip.frames * m_sourceFps / m_clip.fps));
        // Start anywhere that leaves the whole clip inside the source; anywhere in the first half otherwise.
        const int latestStart = m_sourceFrames > needed ? m_sourceFrames - needed : m_sourceFrames / 2;
        m_start = m_rng.uniform(0, std::max(1, latestStart + 1));
        // The screen: slightly smaller than the frame (bezel and room visible), screen gamma and levels.
        m_screenFill = m_rng.uniform(0.82, 0.95);
        m_contrast = m_rng.uniform(0.85, 1.1);
        m_brightness = m_rng.uniform(-20.0, 15.0);
        m_roomLevel = m_rng.uniform(25.0, 70.0);
        m_offset = {m_rng.uniform(-20.0, 20.0), m_rng.uniform(-15.0, 15.0)};
        if (!seekTo(m_start)) {
            error = "cannot decode replay video " + m_video.string();
            return false;
        }
        return true;
    }

    cv::Mat render(int index) override
    {
        const int wanted = m_start + static_cast<int>(std::floor(index * m_sourceFps / m_clip.fps));
        const int inSource = wanted % m_sourceFrames;
        if (inSource < m_nextIndex - 1 || m_current.empty())
            seekTo(inSource); // looped (or first frame)
        while (m_nextIndex <= inSource) {
            cv::Mat next;
            if (!m_capture.read(next) || next.empty()) {
                // Frame count was optimistic: loop from the start.
                m_sourceFrames = std::max(1, m_nextIndex);
                seekTo(0);
                break;
            }
            m_current = next;
            ++m_nextIndex;
        }
        return present(m_current);
    }

    [[nodiscard]] std::string notes() const override
    {
        char text[256];
        std::snprintf(text, sizeof text, "replay_of=%s start_frame=%d source_fps=%.2f contrast=%.2f brightness=%.1f",
                      m_video.filename().string().c_str(), m_start, m_sourceFps, m_contrast, m_brightness);
        return text + noiseNote(m_clip);
    }
    [[nodiscard]] std::vector<int> snapshotFrames() const override { return {0, m_clip.frames / 2}; }

private:
    bool seekTo(int frameIndex)
    {
        // Reopen and decode forward instead of CAP_PROP_POS_FRAMES: exact and deterministic (clips are short).
        m_capture.release();
        if (!m_capture.open(m_video.string()))
            return false;
        for (int i = 0; i < frameIndex; ++i)
            m_capture.grab();
        cv::Mat frame;
        if (!m_capture.read(frame) || frame.empty())
            return false;
        m_current = frame;
        m_nextIndex = frameIndex + 1;
        return true;
    }

    // The source frame on a screen in a dim room, filmed by the kiosk camera.
    cv::Mat present(const cv::Mat &fullSource)
    {
        // A portrait phone video is zoomed to its upper-middle square, where the face is, as an attacker
        // filling the kiosk camera's view would do; otherwise the face would be tiny in a landscape frame.
        cv::Mat source = fullSource;
        if (fullSource.rows > fullSource.cols * 5 / 4)
            source = fullSource(cv::Rect(0, fullSource.rows * 12 / 100, fullSource.cols, fullSource.cols));
        cv::Mat frame(m_clip.size, CV_8UC3, cv::Scalar::all(m_roomLevel));
        const double fit = std::min(static_cast<double>(m_clip.size.width) / source.cols,
                                    static_cast<double>(m_clip.size.height) / source.rows) *
                           m_screenFill;
        const cv::Size screen(std::max(1, cvRound(source.cols * fit)), std::max(1, cvRound(source.rows * fit)));
        cv::Mat shown;
        cv::resize(source, shown, screen, 0, 0, cv::INTER_AREA);
        shown.convertTo(shown, CV_8U, m_contrast, m_brightness);
        const int x = std::clamp(cvRound((m_clip.size.width - screen.width) / 2.0 + m_offset.x), 0,
                                 m_clip.size.width - screen.width);
        const int y = std::clamp(cvRound((m_clip.size.height - screen.height) / 2.0 + m_offset.y), 0,
                                 m_clip.size.height - screen.height);
        // A black bezel a few pixels wide around the picture.
        const cv::Rect bezel = cv::Rect(x - 6, y - 6, screen.width + 12, screen.height + 12) &
                               cv::Rect(0, 0, m_clip.size.width, m_clip.size.height);
        frame(bezel).setTo(cv::Scalar::all(12));
        shown.copyTo(frame(cv::Rect(x, y, screen.width, screen.height)));
        if (m_clip.noiseSigma > 0.0)
            m_noise.apply(frame, m_rng);
        return frame;
    }

    std::filesystem::path m_video;
    ClipSpec m_clip;
    cv::RNG m_rng;
    SensorNoise m_noise;
    cv::VideoCapture m_capture;
    cv::Mat m_current;
    double m_sourceFps = 30.0;
    int m_sourceFrames = 0;
    int m_start = 0;
    int m_nextIndex = 0; // index of the frame the next read() returns
    double m_screenFill = 0.9;
    double m_contrast = 1.0;
    double m_brightness = 0.0;
    double m_roomLevel = 40.0;
    cv::Point2d m_offset;
};

} // namespace

std::unique_ptr<FrameRenderer> openReplay(const std::filesystem::path &video, const ClipSpec &clip, std::uint64_t seed,
                                          std::string &error)
{
    auto renderer = std::make_unique<ReplayRenderer>(video, clip, seed);
    if (!renderer->open(error))
        return nullptr;
    return renderer;
}

} // namespace simkyc::tools

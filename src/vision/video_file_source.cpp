// Video files through OpenCV's FFmpeg backend.
#include "vision/frame_source.h"
#include "vision/image_access.h"

#include <opencv2/videoio.hpp>

#include <cmath>
#include <system_error>

namespace fs = std::filesystem;

namespace simkyc::vision {
namespace {

class VideoFileSource final : public FrameSource {
public:
    explicit VideoFileSource(fs::path path) : m_path(std::move(path))
    {
        m_info.kind = SourceKind::VideoFile;
        m_info.description = m_path.string();
        m_info.backend = "FFMPEG";
    }

    Status open()
    {
        m_capture.release();
        m_index = 0;
        m_ended = false;
        std::error_code ec;
        if (!fs::is_regular_file(m_path, ec))
            return {ErrorCode::NotFound, m_path.string() + ": no such video file"};
        try {
            if (!m_capture.open(m_path.string(), cv::CAP_FFMPEG))
                return {ErrorCode::Unreadable, m_path.string() + ": not a video the FFmpeg backend can decode"};
            m_info.width = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_WIDTH));
            m_info.height = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_HEIGHT));
            m_info.fps = m_capture.get(cv::CAP_PROP_FPS);
            const double count = m_capture.get(cv::CAP_PROP_FRAME_COUNT);
            m_info.frameCount = count > 0 ? static_cast<std::int64_t>(std::llround(count)) : -1;
        } catch (const cv::Exception &e) {
            return {ErrorCode::Unreadable, m_path.string() + ": " + e.what()};
        }
        return {};
    }

    FrameRead read() override
    {
        if (!m_capture.isOpened())
            return {FrameErrorCode::Stopped, m_path.string() + ": not open"};
        if (m_ended)
            return endOfStream();
        cv::Mat mat;
        bool ok = false;
        try {
            ok = m_capture.read(mat);
        } catch (const cv::Exception &) {
            ok = false;
        }
        if (!ok || mat.empty() || mat.depth() != CV_8U || (mat.channels() != 3 && mat.channels() != 1)) {
            m_ended = true;
            return endOfStream();
        }
        Frame frame;
        frame.timestampNs = monotonicNowNs();
        frame.image = ImageAccess::fromMat(mat);
        frame.sequence = m_sequence++;
        frame.sourceIndex = m_index++;
        frame.sourceTimeMs = m_info.fps > 0.0 ? static_cast<double>(frame.sourceIndex) * 1000.0 / m_info.fps : -1.0;
        return frame;
    }

    Status reopen() override { return open(); }
    [[nodiscard]] SourceInfo info() const override { return m_info; }

private:
    FrameRead endOfStream() const
    {
        return {FrameErrorCode::EndOfStream,
                m_path.string() + ": end of video after " + std::to_string(m_index) + " frames"};
    }

    fs::path m_path;
    cv::VideoCapture m_capture;
    SourceInfo m_info;
    std::int64_t m_sequence = 0;
    std::int64_t m_index = 0;
    bool m_ended = false;
};

} // namespace

Result<std::unique_ptr<FrameSource>> openVideoFile(const fs::path &path)
{
    auto source = std::make_unique<VideoFileSource>(path);
    if (auto status = source->open(); !status.ok())
        return status.error();
    return std::unique_ptr<FrameSource>(std::move(source));
}

} // namespace simkyc::vision

// V4L2 cameras through OpenCV's VideoCapture (cv::CAP_V4L2).
#include "core/log.h"
#include "vision/frame_source.h"
#include "vision/image_access.h"

#include <opencv2/videoio.hpp>

#include <chrono>
#include <cmath>
#include <system_error>
#include <thread>

namespace fs = std::filesystem;

namespace simkyc::vision {
namespace {

constexpr log::Category kLog{"simkyc.vision.capture"};

std::string fourccText(double value)
{
    const auto v = static_cast<unsigned>(value);
    std::string s;
    for (int i = 0; i < 4; ++i) {
        const char c = static_cast<char>((v >> (8 * i)) & 0xFF);
        s += (c >= 32 && c < 127) ? c : '?';
    }
    return s;
}

class CameraSource final : public FrameSource {
public:
    CameraSource(CameraSpec spec, int index) : m_spec(std::move(spec)), m_index(index)
    {
        m_devicePath = "/dev/video" + std::to_string(index);
        m_info.kind = SourceKind::Camera;
        m_info.description = m_devicePath;
        m_info.backend = "V4L2";
        m_info.requestedWidth = m_spec.width;
        m_info.requestedHeight = m_spec.height;
        m_info.requestedFps = m_spec.fps;
    }

    Status open()
    {
        m_capture.release();
        std::error_code ec;
        if (!fs::exists(m_devicePath, ec))
            return {ErrorCode::NotFound, m_devicePath + ": no such camera device"};
        try {
            if (!m_capture.open(m_index, cv::CAP_V4L2))
                return {ErrorCode::IoError, m_devicePath + ": cannot open the camera (busy, no permission, or not "
                                                           "a capture device)"};
            if (m_spec.fourcc.size() == 4)
                m_capture.set(cv::CAP_PROP_FOURCC, cv::VideoWriter::fourcc(m_spec.fourcc[0], m_spec.fourcc[1],
                                                                           m_spec.fourcc[2], m_spec.fourcc[3]));
            if (m_spec.width > 0 && m_spec.height > 0) {
                m_capture.set(cv::CAP_PROP_FRAME_WIDTH, m_spec.width);
                m_capture.set(cv::CAP_PROP_FRAME_HEIGHT, m_spec.height);
            }
            if (m_spec.fps > 0.0)
                m_capture.set(cv::CAP_PROP_FPS, m_spec.fps);
            m_capture.set(cv::CAP_PROP_BUFFERSIZE, 1); // latest frame, not a backlog
            m_info.width = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_WIDTH));
            m_info.height = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_HEIGHT));
            m_info.fps = m_capture.get(cv::CAP_PROP_FPS);
            const std::string format = fourccText(m_capture.get(cv::CAP_PROP_FOURCC));
            log::info(kLog, m_devicePath + ": V4L2 requested " + std::to_string(m_spec.width) + "x" +
                                std::to_string(m_spec.height) + "@" + std::to_string(m_spec.fps) + " " + m_spec.fourcc +
                                ", obtained " + std::to_string(m_info.width) + "x" + std::to_string(m_info.height) +
                                "@" + std::to_string(m_info.fps) + " " + format);
        } catch (const cv::Exception &e) {
            m_capture.release();
            return {ErrorCode::IoError, m_devicePath + ": " + e.what()};
        }
        m_lastFrameNs = monotonicNowNs();
        return {};
    }

    FrameRead read() override
    {
        if (!m_capture.isOpened())
            return {FrameErrorCode::CameraLost, m_devicePath + ": camera is not open (reopen it)"};
        // Retry failed grabs until a frame arrives, the device vanishes, or the stall timeout passes.
        for (;;) {
            cv::Mat mat;
            bool ok = false;
            try {
                ok = m_capture.read(mat);
            } catch (const cv::Exception &) {
                ok = false;
            }
            const std::int64_t now = monotonicNowNs();
            if (ok && !mat.empty()) {
                m_lastFrameNs = now;
                Frame frame;
                frame.timestampNs = now;
                const double captureMs = m_capture.get(cv::CAP_PROP_POS_MSEC);
                if (captureMs > 0.0)
                    frame.sensorTimestampNs = static_cast<std::int64_t>(std::llround(captureMs * 1e6));
                frame.image = ImageAccess::fromMat(mat);
                frame.sequence = m_sequence++;
                return frame;
            }
            std::error_code ec;
            const bool exists = fs::exists(m_devicePath, ec);
            const auto sinceMs = (now - m_lastFrameNs) / 1'000'000;
            if (auto failure = classifyCameraFailure(exists, sinceMs, m_spec.stallTimeoutMs)) {
                m_capture.release();
                m_lastFrameNs = now;
                const std::string what = *failure == FrameErrorCode::CameraLost
                                             ? m_devicePath + ": the camera disappeared"
                                             : m_devicePath + ": no frame for " + std::to_string(sinceMs) + " ms";
                log::warning(kLog, what);
                return {*failure, what};
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    Status reopen() override { return open(); }
    [[nodiscard]] SourceInfo info() const override { return m_info; }

private:
    CameraSpec m_spec;
    int m_index = 0;
    std::string m_devicePath;
    cv::VideoCapture m_capture;
    SourceInfo m_info;
    std::int64_t m_sequence = 0;
    std::int64_t m_lastFrameNs = 0;
};

} // namespace

Result<std::unique_ptr<FrameSource>> openCamera(const CameraSpec &spec)
{
    const int index = cameraIndexOf(spec.device);
    if (index < 0)
        return {ErrorCode::InvalidArgument, "camera '" + spec.device + "': give /dev/videoN or an index N"};
    if (spec.stallTimeoutMs <= 0)
        return {ErrorCode::InvalidArgument, "camera stall timeout must be positive"};
    auto source = std::make_unique<CameraSource>(spec, index);
    if (auto status = source->open(); !status.ok())
        return status.error();
    return std::unique_ptr<FrameSource>(std::move(source));
}

} // namespace simkyc::vision

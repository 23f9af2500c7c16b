#include "vision/frame_pump.h"

namespace simkyc::vision {

Result<FramePump> FramePump::open(const std::string &sourceSpec, const CameraSpec &cameraDefaults,
                                  std::chrono::milliseconds cameraTimeout)
{
    auto source = openSourceSpec(sourceSpec, cameraDefaults);
    if (!source.ok())
        return source.error();
    return FramePump(std::move(source).value(), cameraTimeout);
}

FramePump::FramePump(std::unique_ptr<FrameSource> source, std::chrono::milliseconds cameraTimeout)
    : m_info(source->info()), m_source(std::move(source)), m_cameraTimeout(cameraTimeout)
{
}

FramePump::~FramePump()
{
    stop();
}

FrameRead FramePump::next()
{
    if (!m_capture && !m_source)
        return FrameError{FrameErrorCode::Stopped, m_info.description + ": the pump was moved from"};
    if (!camera())
        return m_source->read();
    if (!m_capture) {
        CaptureOptions options;
        options.reopenOnError = false; // a session does not survive a camera that went away
        m_capture = std::make_unique<CaptureThread>(std::move(m_source), options);
        m_capture->start();
    }
    return m_capture->next(m_cameraTimeout);
}

void FramePump::stop()
{
    if (m_capture)
        m_capture->stop();
}

} // namespace simkyc::vision

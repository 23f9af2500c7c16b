#include "vision/frame.h"

#include <chrono>

namespace simkyc::vision {

std::string_view frameErrorName(FrameErrorCode code)
{
    switch (code) {
    case FrameErrorCode::NotFound: return "not_found";
    case FrameErrorCode::OpenFailed: return "open_failed";
    case FrameErrorCode::Unreadable: return "unreadable";
    case FrameErrorCode::EndOfStream: return "end_of_stream";
    case FrameErrorCode::CameraLost: return "camera_lost";
    case FrameErrorCode::CameraStalled: return "camera_stalled";
    case FrameErrorCode::Timeout: return "timeout";
    case FrameErrorCode::Stopped: return "stopped";
    }
    return "unknown";
}

Error FrameError::toError() const
{
    ErrorCode mapped = ErrorCode::IoError;
    switch (code) {
    case FrameErrorCode::NotFound: mapped = ErrorCode::NotFound; break;
    case FrameErrorCode::Unreadable: mapped = ErrorCode::Unreadable; break;
    case FrameErrorCode::OpenFailed:
    case FrameErrorCode::EndOfStream:
    case FrameErrorCode::CameraLost:
    case FrameErrorCode::CameraStalled:
    case FrameErrorCode::Timeout:
    case FrameErrorCode::Stopped: mapped = ErrorCode::IoError; break;
    }
    return Error{mapped, toString()};
}

std::string FrameError::toString() const
{
    return std::string(frameErrorName(code)) + ": " + message;
}

bool FrameError::recoverable() const
{
    return code == FrameErrorCode::CameraLost || code == FrameErrorCode::CameraStalled;
}

std::int64_t monotonicNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace simkyc::vision

// Frame: one picture from a FrameSource with its capture time and position in the stream, and
// FrameRead: what reading a source yields, a Frame or a FrameError with a stable code.
// Guarantees: timestampNs is std::chrono::steady_clock (monotonic) at the moment the frame was
// obtained; sequence counts frames delivered by one source object from 0, across reopen();
// sourceIndex/sourceTimeMs are the file's own frame index and time (from the container's fps),
// -1 for cameras.
// Thread-safety: value types; copies share the (read-only) pixels.
#pragma once

#include "core/result.h"
#include "vision/image.h"

#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace simkyc::vision {

struct Frame {
    Image image;
    std::int64_t timestampNs = 0; // steady_clock, nanoseconds: when the frame reached us
    // Cameras: the V4L2 buffer's capture timestamp (the driver's, on CLOCK_MONOTONIC like
    // steady_clock), as OpenCV's V4L2 backend reports it through CAP_PROP_POS_MSEC; -1 when none.
    std::int64_t sensorTimestampNs = -1;
    std::int64_t sequence = 0;     // 0, 1, 2, ... per source object
    std::int64_t sourceIndex = -1; // frame index in the file / folder / list; -1 for cameras
    double sourceTimeMs = -1.0;    // sourceIndex / container fps * 1000; -1 when unknown (cameras)
};

// Stable codes of frame-source failures. Append only; the names are part of the CLI/JSON contract.
enum class FrameErrorCode {
    NotFound,      // the file, folder or /dev/videoN does not exist
    OpenFailed,    // it exists but cannot be opened (busy camera, unsupported container, no images)
    Unreadable,    // one frame / image could not be decoded (the source continues)
    EndOfStream,   // a file, folder or list has no more frames
    CameraLost,    // the camera went away (device node vanished or reads fail and it cannot be queried)
    CameraStalled, // the camera is present but delivered no frame within the stall timeout
    Timeout,       // CaptureThread::next(): no frame arrived within the caller's timeout
    Stopped,       // the capture thread was stopped / the source is closed
};

// "not_found", "open_failed", "unreadable", "end_of_stream", "camera_lost", "camera_stalled",
// "timeout", "stopped".
std::string_view frameErrorName(FrameErrorCode code);

struct FrameError {
    FrameErrorCode code = FrameErrorCode::OpenFailed;
    std::string message; // English, names the source; never contains pixels or customer data

    // The nearest project-wide error (NotFound, Unreadable, IoError, ...) for Result<T> callers;
    // the message is prefixed with frameErrorName(code).
    [[nodiscard]] Error toError() const;
    [[nodiscard]] std::string toString() const; // "camera_lost: /dev/video0 disappeared"
    // Whether reopening the source may help (camera_lost, camera_stalled).
    [[nodiscard]] bool recoverable() const;
};

// A Frame or a FrameError, shaped like Result<T>.
class [[nodiscard]] FrameRead {
public:
    FrameRead(Frame frame) : m_data(std::in_place_index<0>, std::move(frame)) {}      // NOLINT
    FrameRead(FrameError error) : m_data(std::in_place_index<1>, std::move(error)) {} // NOLINT
    FrameRead(FrameErrorCode code, std::string message) : FrameRead(FrameError{code, std::move(message)}) {}

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Frame &value() const &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    [[nodiscard]] Frame &&value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    [[nodiscard]] const FrameError &error() const
    {
        assert(!ok());
        return std::get<1>(m_data);
    }
    const Frame &operator*() const & { return value(); }
    const Frame *operator->() const { return &value(); }

private:
    std::variant<Frame, FrameError> m_data;
};

// Monotonic now in nanoseconds (steady_clock), the clock of Frame::timestampNs.
std::int64_t monotonicNowNs();

} // namespace simkyc::vision

// FramePump: the one loop that hands a consumer its frames, whatever the source. Cameras run on a
// capture thread (latest frame wins: a slow analysis sees fresh frames, never a backlog); files,
// folders and images are read frame by frame, so every frame of a recording is analysed. Used by
// the liveness pipeline and `simkyc-cli analyze`.
// Guarantees: the capture thread starts on the first next() (the caller can inspect the camera
// before it streams) and is stopped by stop() or the destructor; next() returns EndOfStream at
// the end of a recording, Stopped once a camera's thread has ended, Timeout when a camera sent
// nothing for cameraTimeout; a bad image in a folder is returned as Unreadable and the pump goes
// on with the next one.
// Thread-safety: one thread.
#pragma once

#include "core/result.h"
#include "vision/capture_thread.h"
#include "vision/frame_source.h"

#include <chrono>
#include <memory>
#include <string>

namespace simkyc::vision {

class FramePump {
public:
    // vision::openSourceSpec's errors.
    static Result<FramePump> open(const std::string &sourceSpec, const CameraSpec &cameraDefaults = {},
                                  std::chrono::milliseconds cameraTimeout = std::chrono::milliseconds(3000));
    // A source the caller opened (source must not be null).
    explicit FramePump(std::unique_ptr<FrameSource> source,
                       std::chrono::milliseconds cameraTimeout = std::chrono::milliseconds(3000));
    FramePump(FramePump &&) noexcept = default;
    FramePump &operator=(FramePump &&) noexcept = default;
    ~FramePump();

    [[nodiscard]] const SourceInfo &info() const { return m_info; }
    [[nodiscard]] bool camera() const { return m_info.kind == SourceKind::Camera; }
    FrameRead next();
    void stop();

private:
    SourceInfo m_info;
    std::unique_ptr<FrameSource> m_source; // recordings; a camera's moves into m_capture
    std::unique_ptr<CaptureThread> m_capture;
    std::chrono::milliseconds m_cameraTimeout;
};

} // namespace simkyc::vision

// FrameSource: where frames come from (a V4L2 camera, a video file, a folder or list of images, one
// still image), behind one interface, and the factories that open them.
// Guarantees: never throws (OpenCV failures become FrameErrors); read() returns frames in order with
// Frame::sequence increasing by one; after EndOfStream every further read() returns EndOfStream
// until reopen(); reopen() closes and opens again (a camera is looked up again, a file restarts at
// frame 0); camera failures are reported as CameraLost / CameraStalled, never as a silent hang
// longer than the stall timeout where the driver allows it.
// Thread-safety: one thread at a time per source (CaptureThread owns its source exclusively).
#pragma once

#include "core/result.h"
#include "vision/frame.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::vision {

enum class SourceKind { Camera, VideoFile, ImageFolder, ImageList, StillImage };
std::string_view sourceKindName(SourceKind kind); // "camera", "video_file", "image_folder", "image_list", "still_image"

struct SourceInfo {
    SourceKind kind = SourceKind::StillImage;
    std::string description; // "/dev/video0", the file or folder path
    std::string backend;     // "V4L2", "FFMPEG", "imgcodecs"
    int requestedWidth = 0;  // cameras: what was asked for (0 = driver default)
    int requestedHeight = 0;
    double requestedFps = 0.0;
    int width = 0; // what the device/container reports (0 until known)
    int height = 0;
    double fps = 0.0;             // camera: obtained rate; file: container rate; images: 0
    std::int64_t frameCount = -1; // files/folders/lists: number of frames when known; cameras: -1
};

class FrameSource {
public:
    virtual ~FrameSource() = default;
    FrameSource() = default;
    FrameSource(const FrameSource &) = delete;
    FrameSource &operator=(const FrameSource &) = delete;

    // The next frame, or a FrameError (EndOfStream at the end; Unreadable for one bad image, after
    // which the source continues with the next one).
    virtual FrameRead read() = 0;
    // Closes and opens again. Errors: the same as the factory that created the source.
    virtual Status reopen() = 0;
    [[nodiscard]] virtual SourceInfo info() const = 0;
};

struct CameraSpec {
    std::string device = "/dev/video0"; // "/dev/videoN" or a bare index "N"
    int width = 640;                    // requested; 0 leaves the driver default
    int height = 480;
    double fps = 30.0;
    std::string fourcc = "MJPG"; // requested pixel format ("" = driver default); YUYV is the fallback
    int stallTimeoutMs = 2000;   // no frame for this long while the device exists -> CameraStalled
};

// Logs the requested and obtained mode. Errors (as Result): InvalidArgument (bad device spec),
// NotFound (no such device), IoError (it exists but cannot be opened: busy, no permission, not a
// capture device). A camera that opens but never delivers a frame reports CameraStalled on read().
Result<std::unique_ptr<FrameSource>> openCamera(const CameraSpec &spec);
// FFmpeg backend. Errors: NotFound, Unreadable (not a video OpenCV can decode).
Result<std::unique_ptr<FrameSource>> openVideoFile(const std::filesystem::path &path);
// Every image file (jpg, jpeg, png, bmp, tif, tiff, webp, jp2, pgm, ppm) in the folder, sorted by
// name; not recursive. Errors: NotFound, Unreadable (no images in it).
Result<std::unique_ptr<FrameSource>> openImageFolder(const std::filesystem::path &folder, double fps = 0.0);
// The files in the given order. Errors: InvalidArgument (empty list), NotFound (a file is missing).
Result<std::unique_ptr<FrameSource>> openImageList(std::vector<std::filesystem::path> files, double fps = 0.0);
// One image, delivered `repeat` times (repeat >= 1). Errors: NotFound, Unreadable, InvalidArgument.
Result<std::unique_ptr<FrameSource>> openStillImage(const std::filesystem::path &path, int repeat = 1);

// The CLI's --source: "/dev/videoN" or an integer -> camera; a folder -> image folder; a file with an
// image extension -> still image; any other file -> video file. Errors as the chosen factory.
Result<std::unique_ptr<FrameSource>> openSourceSpec(const std::string &spec, const CameraSpec &cameraDefaults = {});

// Camera failure classification (exposed for tests): the device node exists? how long since the
// last good frame? Returns CameraLost when the node is gone, CameraStalled after stallTimeoutMs,
// otherwise nullopt (keep trying).
std::optional<FrameErrorCode> classifyCameraFailure(bool deviceExists, std::int64_t msSinceLastFrame,
                                                    int stallTimeoutMs);

// Whether the file name has an image extension this module reads (case-insensitive).
bool hasImageExtension(const std::filesystem::path &path);

// "/dev/video3" -> 3, "3" -> 3; -1 when the spec is neither.
int cameraIndexOf(const std::string &device);
// The one rule for what is a camera: the V4L2 node a spec names, for "/dev/videoN", an integer that is
// not a file in the working folder, or a /dev path that links to /dev/videoN (the stable names under
// /dev/v4l/by-id and by-path); a /dev/v4l/ name whose camera is not connected stays that name (opening
// it says so). nullopt for anything else: a recording, or a /dev path that is no video node
// (/dev/stdin, /dev/shm/clip.mp4). openSourceSpec opens what this names as a camera; the kiosk refuses
// everything else outside demo mode.
std::optional<std::string> cameraDeviceOf(const std::string &spec);
bool isCameraSpec(const std::string &spec);

} // namespace simkyc::vision

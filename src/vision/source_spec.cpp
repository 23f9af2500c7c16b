// Source kinds, the CLI's --source syntax and the camera failure rule.
#include "vision/frame_source.h"

#include <algorithm>
#include <cctype>
#include <system_error>

namespace fs = std::filesystem;

namespace simkyc::vision {

std::string_view sourceKindName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Camera: return "camera";
    case SourceKind::VideoFile: return "video_file";
    case SourceKind::ImageFolder: return "image_folder";
    case SourceKind::ImageList: return "image_list";
    case SourceKind::StillImage: return "still_image";
    }
    return "unknown";
}

int cameraIndexOf(const std::string &device)
{
    std::string digits = device;
    const std::string prefix = "/dev/video";
    if (device.rfind(prefix, 0) == 0)
        digits = device.substr(prefix.size());
    if (digits.empty() || digits.size() > 4 ||
        !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c) != 0; }))
        return -1;
    return std::stoi(digits);
}

std::optional<std::string> cameraDeviceOf(const std::string &spec)
{
    std::error_code ec;
    const fs::path path(spec);
    const bool underDev = spec.rfind("/dev/", 0) == 0;
    if (const int index = cameraIndexOf(spec); index >= 0) {
        if (!underDev && fs::is_regular_file(path, ec))
            return std::nullopt; // a file named like an index, here: a recording
        return "/dev/video" + std::to_string(index);
    }
    if (!underDev || spec.find("..") != std::string::npos)
        return std::nullopt;
    const fs::path target = fs::canonical(path, ec);
    if (!ec)
        return cameraIndexOf(target.string()) >= 0 && target.string().rfind("/dev/video", 0) == 0
                   ? std::optional<std::string>(target.string())
                   : std::nullopt;
    if (spec.rfind("/dev/v4l/", 0) == 0)
        return spec; // a stable camera name with nothing behind it now
    return std::nullopt;
}

bool isCameraSpec(const std::string &spec)
{
    return cameraDeviceOf(spec).has_value();
}

std::optional<FrameErrorCode> classifyCameraFailure(bool deviceExists, std::int64_t msSinceLastFrame,
                                                    int stallTimeoutMs)
{
    if (!deviceExists)
        return FrameErrorCode::CameraLost;
    if (msSinceLastFrame >= stallTimeoutMs)
        return FrameErrorCode::CameraStalled;
    return std::nullopt;
}

Result<std::unique_ptr<FrameSource>> openSourceSpec(const std::string &spec, const CameraSpec &cameraDefaults)
{
    if (spec.empty())
        return {ErrorCode::InvalidArgument, "empty source: give a video file, an image, a folder or /dev/videoN"};
    if (auto device = cameraDeviceOf(spec)) {
        if (cameraIndexOf(*device) < 0)
            return {ErrorCode::NotFound, spec + ": no such camera device (not connected?)"};
        CameraSpec camera = cameraDefaults;
        camera.device = *device;
        return openCamera(camera);
    }
    std::error_code ec;
    const fs::path path(spec);
    if (fs::is_directory(path, ec))
        return openImageFolder(path);
    if (hasImageExtension(path))
        return openStillImage(path);
    return openVideoFile(path);
}

} // namespace simkyc::vision

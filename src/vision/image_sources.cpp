// Image folders, image lists and single still images as frame sources.
#include "vision/frame_source.h"

#include <algorithm>
#include <cctype>
#include <system_error>

namespace fs = std::filesystem;

namespace simkyc::vision {
namespace {

class ImageSequenceSource final : public FrameSource {
public:
    ImageSequenceSource(SourceKind kind, std::string description, std::vector<fs::path> files, double fps, int repeat)
        : m_files(std::move(files)), m_repeat(repeat)
    {
        m_info.kind = kind;
        m_info.description = std::move(description);
        m_info.backend = "imgcodecs";
        m_info.fps = fps;
        m_info.frameCount = static_cast<std::int64_t>(m_files.size()) * m_repeat;
    }

    // Still images are decoded once, up front, so a bad file fails at open time.
    Status preload()
    {
        auto image = loadImage(m_files.front());
        if (!image.ok())
            return image.error();
        m_still = *image;
        m_info.width = m_still.width();
        m_info.height = m_still.height();
        return {};
    }

    FrameRead read() override
    {
        if (m_next >= m_info.frameCount)
            return {FrameErrorCode::EndOfStream,
                    m_info.description + ": no more images after " + std::to_string(m_info.frameCount)};
        const std::int64_t index = m_next++;
        Image image = m_still;
        if (image.empty()) {
            const fs::path &file = m_files[static_cast<size_t>(index / m_repeat)];
            auto loaded = loadImage(file);
            if (!loaded.ok())
                return {loaded.error().code == ErrorCode::NotFound ? FrameErrorCode::NotFound
                                                                   : FrameErrorCode::Unreadable,
                        file.string() + ": " + loaded.error().message};
            image = *loaded;
        }
        Frame frame;
        frame.timestampNs = monotonicNowNs();
        frame.image = std::move(image);
        frame.sequence = m_sequence++;
        frame.sourceIndex = index;
        frame.sourceTimeMs = m_info.fps > 0.0 ? static_cast<double>(index) * 1000.0 / m_info.fps : -1.0;
        if (m_info.width == 0) {
            m_info.width = frame.image.width();
            m_info.height = frame.image.height();
        }
        return frame;
    }

    Status reopen() override
    {
        m_next = 0;
        return {};
    }
    [[nodiscard]] SourceInfo info() const override { return m_info; }

private:
    std::vector<fs::path> m_files;
    int m_repeat = 1;
    SourceInfo m_info;
    Image m_still;
    std::int64_t m_next = 0;
    std::int64_t m_sequence = 0;
};

} // namespace

bool hasImageExtension(const fs::path &path)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    static const char *const kExtensions[] = {".jpg",  ".jpeg", ".png", ".bmp", ".tif",
                                              ".tiff", ".webp", ".jp2", ".pgm", ".ppm"};
    return std::any_of(std::begin(kExtensions), std::end(kExtensions), [&](const char *e) { return ext == e; });
}

Result<std::unique_ptr<FrameSource>> openImageFolder(const fs::path &folder, double fps)
{
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        return {ErrorCode::NotFound, folder.string() + ": no such folder"};
    std::vector<fs::path> files;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && hasImageExtension(it->path()))
            files.push_back(it->path());
    if (ec)
        return {ErrorCode::IoError, folder.string() + ": cannot list the folder (" + ec.message() + ")"};
    if (files.empty())
        return {ErrorCode::Unreadable, folder.string() + ": no image files in the folder"};
    std::sort(files.begin(), files.end());
    return std::unique_ptr<FrameSource>(
        std::make_unique<ImageSequenceSource>(SourceKind::ImageFolder, folder.string(), std::move(files), fps, 1));
}

Result<std::unique_ptr<FrameSource>> openImageList(std::vector<fs::path> files, double fps)
{
    if (files.empty())
        return {ErrorCode::InvalidArgument, "the image list is empty"};
    std::error_code ec;
    for (const auto &file : files)
        if (!fs::is_regular_file(file, ec))
            return {ErrorCode::NotFound, file.string() + ": no such image file"};
    std::string description =
        files.front().string() + (files.size() > 1 ? " (+" + std::to_string(files.size() - 1) + " more)" : "");
    return std::unique_ptr<FrameSource>(
        std::make_unique<ImageSequenceSource>(SourceKind::ImageList, std::move(description), std::move(files), fps, 1));
}

Result<std::unique_ptr<FrameSource>> openStillImage(const fs::path &path, int repeat)
{
    if (repeat < 1)
        return {ErrorCode::InvalidArgument, "repeat must be at least 1"};
    auto source = std::make_unique<ImageSequenceSource>(SourceKind::StillImage, path.string(),
                                                        std::vector<fs::path>{path}, 0.0, repeat);
    if (auto status = source->preload(); !status.ok())
        return status.error();
    return std::unique_ptr<FrameSource>(std::move(source));
}

} // namespace simkyc::vision

// Image: an 8-bit BGR (3 channels) or grey (1 channel) picture with shared, immutable pixels.
// Guarantees: width, height > 0 for every Image produced by this module; copies share pixels
// (cheap); pixels are never modified after construction.
// Thread-safety: value type; sharing one Image between threads is safe (read-only).
#pragma once

#include "core/result.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

namespace simkyc::vision {

class Image {
public:
    Image() = default;
    // Copies tightly packed pixels (width * channels bytes per row). channels is 1 or 3 (BGR).
    static Result<Image> fromPixels(int width, int height, int channels, std::span<const std::uint8_t> pixels);

    [[nodiscard]] int width() const { return m_width; }
    [[nodiscard]] int height() const { return m_height; }
    [[nodiscard]] int channels() const { return m_channels; }
    [[nodiscard]] bool empty() const { return m_pixels == nullptr; }
    [[nodiscard]] const std::uint8_t *data() const { return m_pixels ? m_pixels->data() : nullptr; }
    [[nodiscard]] size_t stride() const { return static_cast<size_t>(m_width) * static_cast<size_t>(m_channels); }

private:
    Image(int width, int height, int channels, std::shared_ptr<const std::vector<std::uint8_t>> pixels)
        : m_width(width), m_height(height), m_channels(channels), m_pixels(std::move(pixels))
    {
    }
    friend class ImageAccess;

    int m_width = 0;
    int m_height = 0;
    int m_channels = 0;
    std::shared_ptr<const std::vector<std::uint8_t>> m_pixels;
};

struct ImageLimits {
    int maxSide = 12000;                 // either side larger than this is refused before decoding
    std::int64_t maxPixels = 64'000'000; // width * height larger than this is refused before decoding
    std::int64_t maxFileBytes = 64LL << 20;
};

// Decodes JPEG, PNG, BMP, PNM (PGM, PPM, PBM), WebP or TIFF into BGR, applying EXIF orientation.
// Grey and 16-bit images are converted to 8-bit BGR. The header is checked against the limits before
// the pixels are decoded, so a 20000x20000 header costs nothing; other formats OpenCV reads (JPEG
// 2000, Sun raster, ...) are refused as Unreadable, since their size cannot be checked first.
// Errors: NotFound, Unreadable (empty, truncated or undecodable), InvalidArgument (over the limits).
Result<Image> loadImage(const std::filesystem::path &path, const ImageLimits &limits = {});
Result<Image> decodeImage(std::span<const std::uint8_t> bytes, const ImageLimits &limits = {});

// JPEG bytes of the image (quality 1-100). Errors: InvalidArgument (empty image, bad quality).
Result<std::vector<std::uint8_t>> encodeJpeg(const Image &image, int quality = 85);
// The image scaled down (never up) so that its longer side is at most maxSide, aspect kept.
Image resizeToFit(const Image &image, int maxSide);
// The part of the image inside the box (clipped to the image). Empty when they do not overlap.
Image crop(const Image &image, int x, int y, int width, int height);
// The two images scaled (up or down) to `height` pixels, aspect kept, placed left and right, BGR; an
// empty side is left out. Empty when both are empty or height <= 0.
Image sideBySide(const Image &left, const Image &right, int height);

} // namespace simkyc::vision

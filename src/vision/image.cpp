#include "vision/image.h"
#include "vision/image_access.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <string>
#include <system_error>

namespace simkyc::vision {

Result<Image> Image::fromPixels(int width, int height, int channels, std::span<const std::uint8_t> pixels)
{
    if (width <= 0 || height <= 0 || (channels != 1 && channels != 3))
        return {ErrorCode::InvalidArgument, "image must have a positive size and 1 or 3 channels"};
    const size_t expected = static_cast<size_t>(width) * static_cast<size_t>(height) * static_cast<size_t>(channels);
    if (pixels.size() != expected)
        return {ErrorCode::InvalidArgument, "pixel buffer size does not match width * height * channels"};
    auto data = std::make_shared<const std::vector<std::uint8_t>>(pixels.begin(), pixels.end());
    return Image(width, height, channels, std::move(data));
}

cv::Mat ImageAccess::view(const Image &image)
{
    if (image.empty())
        return {};
    return cv::Mat(image.height(), image.width(), image.channels() == 3 ? CV_8UC3 : CV_8UC1,
                   const_cast<std::uint8_t *>(image.data()), image.stride());
}

Image ImageAccess::fromMat(const cv::Mat &mat)
{
    if (mat.empty())
        return {};
    cv::Mat packed = mat.isContinuous() ? mat : mat.clone();
    auto data = std::make_shared<const std::vector<std::uint8_t>>(packed.datastart, packed.dataend);
    return Image(packed.cols, packed.rows, packed.channels(), std::move(data));
}

namespace {

std::uint32_t be16(std::span<const std::uint8_t> b, size_t at)
{
    return (static_cast<std::uint32_t>(b[at]) << 8) | b[at + 1];
}
std::uint32_t be32(std::span<const std::uint8_t> b, size_t at)
{
    return (be16(b, at) << 16) | be16(b, at + 2);
}
std::uint32_t le16(std::span<const std::uint8_t> b, size_t at)
{
    return b[at] | (static_cast<std::uint32_t>(b[at + 1]) << 8);
}
std::uint32_t le32(std::span<const std::uint8_t> b, size_t at)
{
    return le16(b, at) | (le16(b, at + 2) << 16);
}
// Sizes past this are refused by any limit; clamping keeps the int conversions defined.
constexpr std::uint32_t kHugeSide = 1u << 30;
int side(std::uint32_t v)
{
    return static_cast<int>(std::min(v, kHugeSide));
}

// PNM (P1-P6): magic, then width and height, read exactly as OpenCV's ReadNumber (grfmt_pxm.cpp)
// reads them: before a number, whitespace and "#" comments up to the end of the line are skipped; the
// byte after its digits is consumed whatever it is, so in "888#4445" the "#" ends the width and 4445
// is the height, not a comment (found by tests/fuzz/vision_image: reading it as a comment let a
// 888x444445 header through as 888x44).
bool peekPnm(std::span<const std::uint8_t> b, int &width, int &height)
{
    size_t i = 2;
    auto next = [&](int &code) {
        if (i >= b.size())
            return false;
        code = b[i++];
        return true;
    };
    auto readNumber = [&](std::uint32_t &value) {
        int code = 0;
        if (!next(code))
            return false;
        while (!std::isdigit(code)) {
            if (code == '#') {
                do {
                    if (!next(code))
                        return false;
                } while (code != '\n' && code != '\r');
                if (!next(code))
                    return false;
            } else if (std::isspace(code)) {
                while (std::isspace(code))
                    if (!next(code))
                        return false;
            } else {
                return false;
            }
        }
        value = 0;
        do
            value = std::min<std::uint32_t>(value * 10 + static_cast<std::uint32_t>(code - '0'), kHugeSide);
        while (next(code) && std::isdigit(code));
        return true;
    };
    std::uint32_t w = 0;
    std::uint32_t h = 0;
    if (!readNumber(w) || !readNumber(h))
        return false;
    width = side(w);
    height = side(h);
    return true;
}

// TIFF: ImageWidth (256) and ImageLength (257) of the first directory, the page OpenCV decodes.
bool peekTiff(std::span<const std::uint8_t> b, int &width, int &height)
{
    const bool little = b[0] == 'I';
    auto u16 = [&](size_t at) { return little ? le16(b, at) : be16(b, at); };
    auto u32 = [&](size_t at) { return little ? le32(b, at) : be32(b, at); };
    const size_t ifd = u32(4);
    if (ifd > b.size() || b.size() - ifd < 2)
        return false;
    const size_t entries = u16(ifd);
    bool haveWidth = false;
    bool haveHeight = false;
    for (size_t e = 0; e < entries && ifd + 2 + 12 * (e + 1) <= b.size(); ++e) {
        const size_t at = ifd + 2 + 12 * e;
        const std::uint32_t tag = u16(at);
        const std::uint32_t type = u16(at + 2);
        if ((tag != 256 && tag != 257) || (type != 3 && type != 4))
            continue;
        const int value = side(type == 3 ? u16(at + 8) : u32(at + 8));
        (tag == 256 ? width : height) = value;
        (tag == 256 ? haveWidth : haveHeight) = true;
    }
    return haveWidth && haveHeight;
}

// WebP: what WebPGetFeatures checks on the 32-byte header OpenCV hands it (libwebp's ParseRIFF,
// ParseVP8X, ParseVP8Header, VP8GetInfo and VP8LGetInfo): the RIFF size, the first chunk's size, and
// a lossy key frame's start code and frame tag, a lossless image's signature and version, or an
// extended header's size. Anything else is refused here rather than left to another decoder.
bool peekWebp(std::span<const std::uint8_t> b, int &width, int &height)
{
    constexpr size_t kHeader = 32; // WEBP_HEADER_SIZE of OpenCV's decoder
    if (b.size() < kHeader || !std::equal(b.begin(), b.begin() + 4, "RIFF") ||
        !std::equal(b.begin() + 8, b.begin() + 12, "WEBP"))
        return false;
    const std::uint32_t riffSize = le32(b, 4);
    if (riffSize < 12 || riffSize > 0xFFFFFFF6u)
        return false;
    const std::uint32_t chunkSize = le32(b, 16);
    if (std::equal(b.begin() + 12, b.begin() + 16, "VP8X")) {
        if (chunkSize != 10)
            return false;
        width = side(1 + (b[24] | (b[25] << 8) | (static_cast<std::uint32_t>(b[26]) << 16)));
        height = side(1 + (b[27] | (b[28] << 8) | (static_cast<std::uint32_t>(b[29]) << 16)));
        return static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height) < (1ull << 32);
    }
    if (chunkSize > riffSize - 12)
        return false;
    if (std::equal(b.begin() + 12, b.begin() + 16, "VP8 ")) {
        const std::uint32_t bits = b[20] | (b[21] << 8) | (static_cast<std::uint32_t>(b[22]) << 16);
        const bool keyFrame = (bits & 1) == 0;
        if (chunkSize < 10 || b[23] != 0x9D || b[24] != 0x01 || b[25] != 0x2A || !keyFrame || ((bits >> 1) & 7) > 3 ||
            ((bits >> 4) & 1) == 0 || (bits >> 5) >= chunkSize)
            return false;
        width = static_cast<int>(le16(b, 26) & 0x3FFF);
        height = static_cast<int>(le16(b, 28) & 0x3FFF);
        return true;
    }
    if (std::equal(b.begin() + 12, b.begin() + 16, "VP8L")) {
        if (chunkSize < 5 || b[20] != 0x2F || (b[24] >> 5) != 0)
            return false;
        width = 1 + static_cast<int>(((b[22] & 0x3F) << 8) | b[21]);
        height = 1 + static_cast<int>(((b[24] & 0x0F) << 10) | (b[23] << 2) | ((b[22] & 0xC0) >> 6));
        return true;
    }
    return false;
}

// Reads width/height from the header without decoding, so an image bomb is refused early: PNG, JPEG,
// BMP, PNM, WebP and TIFF. Returns false for anything else (other formats OpenCV reads, such as JPEG 2000
// or Sun raster, are refused: their size cannot be checked before OpenCV allocates it).
// Each signature is the one OpenCV's own decoder for that format checks, byte for byte: OpenCV hands
// data that no decoder of its own claims to the next one that does, and in Debian's build that is
// GDAL, which writes the bytes to a temporary file and tries every driver it has on them (found by
// tests/fuzz/vision_image: WebP headers that libwebp refused reached GDALOpen). OpenCV's WebP decoder
// claims data when libwebp's WebPGetFeatures accepts its first 32 bytes: peekWebp mirrors the checks
// that parse makes.
bool peekSize(std::span<const std::uint8_t> b, int &width, int &height)
{
    static constexpr std::uint8_t kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (b.size() >= 24 && std::equal(std::begin(kPng), std::end(kPng), b.begin())) {
        width = side(be32(b, 16));
        height = side(be32(b, 20));
        return true;
    }
    if (b.size() >= 4 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) {
        size_t i = 2;
        while (i + 9 < b.size()) {
            if (b[i] != 0xFF) {
                ++i;
                continue;
            }
            const std::uint8_t marker = b[i + 1];
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF) {
                ++i;
                continue;
            }
            const size_t len = (static_cast<size_t>(b[i + 2]) << 8) | b[i + 3];
            const bool sof = (marker >= 0xC0 && marker <= 0xCF) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                height = (b[i + 5] << 8) | b[i + 6];
                width = (b[i + 7] << 8) | b[i + 8];
                return true;
            }
            if (len < 2)
                return false;
            i += 2 + len;
        }
        return false;
    }
    if (b.size() >= 26 && b[0] == 'B' && b[1] == 'M') {
        if (le32(b, 14) == 12) { // OS/2 BITMAPCOREHEADER: 16-bit sizes
            width = side(le16(b, 18));
            height = side(le16(b, 20));
        } else { // BITMAPINFOHEADER and later: 32-bit, a negative height means top-down rows
            width = side(le32(b, 18));
            const auto rows = static_cast<std::int32_t>(le32(b, 22));
            height = side(rows < 0 ? 0u - static_cast<std::uint32_t>(rows) : static_cast<std::uint32_t>(rows));
        }
        return true;
    }
    if (b.size() >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '6' && std::isspace(b[2]))
        return peekPnm(b, width, height);
    if (b.size() >= 4 && std::equal(b.begin(), b.begin() + 4, "RIFF"))
        return peekWebp(b, width, height);
    if (b.size() >= 8 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0) ||
                          (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42)))
        return peekTiff(b, width, height);
    return false;
}

} // namespace

Result<Image> decodeImage(std::span<const std::uint8_t> bytes, const ImageLimits &limits)
{
    if (bytes.empty())
        return {ErrorCode::Unreadable, "empty image data"};
    if (static_cast<std::int64_t>(bytes.size()) > limits.maxFileBytes)
        return {ErrorCode::InvalidArgument, "image file larger than " + std::to_string(limits.maxFileBytes) + " bytes"};
    int w = 0;
    int h = 0;
    // OpenCV allocates what a header claims (up to 2^30 pixels) before it notices missing data, so
    // a format whose header we cannot read is not decoded at all (found by tests/fuzz/vision_image:
    // a 43-byte PGM cost 900 MB).
    if (!peekSize(bytes, w, h))
        return {ErrorCode::Unreadable,
                "not a PNG, JPEG, BMP, PNM, WebP or TIFF image, or its header is damaged (the size must be "
                "known before decoding)"};
    if (w <= 0 || h <= 0)
        return {ErrorCode::Unreadable, "image header has a zero size"};
    // OpenCV picks its decoder by signature, and Debian's build has a DICOM decoder (GDCM) that
    // claims any data with "DICM" at offset 128 and aborts the process on a damaged one (found by
    // tests/fuzz/vision_image: a WebP header followed by "DICM"). No kiosk image is a DICOM file.
    if (bytes.size() >= 132 && std::equal(bytes.begin() + 128, bytes.begin() + 132, "DICM"))
        return {ErrorCode::Unreadable, "a DICOM file is not an accepted image format"};
    if (w > limits.maxSide || h > limits.maxSide ||
        static_cast<std::int64_t>(w) * static_cast<std::int64_t>(h) > limits.maxPixels)
        return {ErrorCode::InvalidArgument,
                "image of " + std::to_string(w) + "x" + std::to_string(h) + " pixels is over the size limit"};
    cv::Mat decoded;
    try {
        const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<std::uint8_t *>(bytes.data()));
        decoded = cv::imdecode(raw, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
    } catch (const cv::Exception &e) {
        return {ErrorCode::Unreadable, std::string("image could not be decoded: ") + e.what()};
    }
    if (decoded.empty())
        return {ErrorCode::Unreadable, "image could not be decoded (unknown format, truncated or corrupt)"};
    if (decoded.cols > limits.maxSide || decoded.rows > limits.maxSide ||
        static_cast<std::int64_t>(decoded.cols) * decoded.rows > limits.maxPixels)
        return {ErrorCode::InvalidArgument, "decoded image is over the size limit"};
    try {
        if (decoded.depth() != CV_8U) {
            double scale = decoded.depth() == CV_16U ? 1.0 / 257.0 : 1.0;
            if (decoded.depth() == CV_32F || decoded.depth() == CV_64F)
                scale = 255.0;
            decoded.convertTo(decoded, CV_8U, scale);
        }
        cv::Mat bgr;
        switch (decoded.channels()) {
        case 1: cv::cvtColor(decoded, bgr, cv::COLOR_GRAY2BGR); break;
        case 3: bgr = decoded; break;
        case 4: cv::cvtColor(decoded, bgr, cv::COLOR_BGRA2BGR); break;
        default: return {ErrorCode::Unsupported, "image has an unsupported channel count"};
        }
        return ImageAccess::fromMat(bgr);
    } catch (const cv::Exception &e) {
        return {ErrorCode::Unreadable, std::string("image conversion failed: ") + e.what()};
    }
}

Result<std::vector<std::uint8_t>> encodeJpeg(const Image &image, int quality)
{
    if (image.empty() || quality < 1 || quality > 100)
        return {ErrorCode::InvalidArgument, "JPEG encoding needs an image and a quality of 1-100"};
    std::vector<std::uint8_t> out;
    try {
        if (!cv::imencode(".jpg", ImageAccess::view(image), out, {cv::IMWRITE_JPEG_QUALITY, quality}))
            return {ErrorCode::Internal, "JPEG encoding failed"};
    } catch (const cv::Exception &e) {
        return {ErrorCode::Internal, std::string("JPEG encoding failed: ") + e.what()};
    }
    return out;
}

Image resizeToFit(const Image &image, int maxSide)
{
    const int side = std::max(image.width(), image.height());
    if (image.empty() || maxSide <= 0 || side <= maxSide)
        return image;
    const double f = static_cast<double>(maxSide) / side;
    cv::Mat small;
    cv::resize(ImageAccess::view(image), small, cv::Size(), f, f, cv::INTER_AREA);
    return ImageAccess::fromMat(small);
}

Image crop(const Image &image, int x, int y, int width, int height)
{
    const cv::Rect r = cv::Rect(x, y, width, height) & cv::Rect(0, 0, image.width(), image.height());
    if (image.empty() || r.area() <= 0)
        return {};
    return ImageAccess::fromMat(ImageAccess::view(image)(r).clone());
}

Image sideBySide(const Image &left, const Image &right, int height)
{
    std::vector<cv::Mat> parts;
    for (const Image *side : {&left, &right}) {
        if (side->empty() || height <= 0)
            continue;
        cv::Mat bgr = ImageAccess::view(*side);
        if (bgr.channels() == 1)
            cv::cvtColor(bgr, bgr, cv::COLOR_GRAY2BGR);
        const int width = std::max(1, static_cast<int>(std::lround(double(bgr.cols) * height / bgr.rows)));
        cv::Mat scaled;
        cv::resize(bgr, scaled, cv::Size(width, height), 0, 0, height < bgr.rows ? cv::INTER_AREA : cv::INTER_CUBIC);
        parts.push_back(scaled);
    }
    if (parts.empty())
        return {};
    cv::Mat joined;
    cv::hconcat(parts, joined);
    return ImageAccess::fromMat(joined);
}

Result<Image> loadImage(const std::filesystem::path &path, const ImageLimits &limits)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return {ErrorCode::NotFound, path.string() + ": no such file"};
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return {ErrorCode::Unreadable, path.string() + ": " + ec.message()};
    if (static_cast<std::int64_t>(size) > limits.maxFileBytes)
        return {ErrorCode::InvalidArgument, path.string() + ": file larger than the image size limit"};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {ErrorCode::Unreadable, path.string() + ": cannot open"};
    std::vector<std::uint8_t> bytes(size);
    if (size > 0 && !in.read(reinterpret_cast<char *>(bytes.data()), static_cast<std::streamsize>(size)))
        return {ErrorCode::Unreadable, path.string() + ": read error"};
    auto image = decodeImage(bytes, limits);
    if (!image.ok())
        return Error{image.error().code, path.string() + ": " + image.error().message};
    return image;
}

} // namespace simkyc::vision

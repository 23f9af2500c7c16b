#include "vision/degrade.h"
#include "vision/image_access.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace simkyc::vision {

namespace {

constexpr double kFaceWidthShare = 0.55; // face box width / portrait width

cv::Mat portraitCrop(const cv::Mat &image, const FaceBox &face, const DegradeSpec &spec)
{
    const double width = face.width / kFaceWidthShare;
    const double height = width * spec.height / spec.width;
    const double cx = face.x + face.width / 2.0;
    const double cy = face.y + face.height / 2.0 - 0.05 * height; // eyes a little above the middle
    const cv::Rect crop(static_cast<int>(std::lround(cx - width / 2)), static_cast<int>(std::lround(cy - height / 2)),
                        static_cast<int>(std::lround(width)), static_cast<int>(std::lround(height)));
    const cv::Rect inside = crop & cv::Rect(0, 0, image.cols, image.rows);
    cv::Mat out;
    cv::copyMakeBorder(image(inside), out, inside.y - crop.y, crop.br().y - inside.br().y, inside.x - crop.x,
                       crop.br().x - inside.br().x, cv::BORDER_REPLICATE);
    return out;
}

} // namespace

Result<Image> degradeLikeChipPortrait(const Image &image, const FaceBox &face, const DegradeSpec &spec)
{
    if (image.empty() || spec.width <= 0 || spec.height <= 0 || spec.jpegQuality < 1 || spec.jpegQuality > 100)
        return {ErrorCode::InvalidArgument, "degrade needs an image, a positive size and a JPEG quality 1-100"};
    if (face.width <= 0 || face.height <= 0 || face.x >= image.width() || face.y >= image.height() ||
        face.x + face.width <= 0 || face.y + face.height <= 0)
        return {ErrorCode::InvalidArgument, "degrade needs a face box that overlaps the image"};
    try {
        const cv::Mat portrait = portraitCrop(ImageAccess::view(image), face, spec);
        cv::Mat small;
        cv::resize(portrait, small, cv::Size(spec.width, spec.height), 0, 0, cv::INTER_AREA);
        std::vector<std::uint8_t> jpeg;
        cv::imencode(".jpg", small, jpeg, {cv::IMWRITE_JPEG_QUALITY, spec.jpegQuality});
        return decodeImage(jpeg);
    } catch (const cv::Exception &e) {
        return {ErrorCode::Internal, std::string("degrade failed: ") + e.what()};
    }
}

} // namespace simkyc::vision

#include "vision/degrade.h"
#include "vision/image_access.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace simkyc::vision {

Result<Image> degradeLikeChipPortrait(const Image &image, const DegradeSpec &spec)
{
    if (image.empty() || spec.width <= 0 || spec.height <= 0 || spec.jpegQuality < 1 || spec.jpegQuality > 100)
        return {ErrorCode::InvalidArgument, "degrade needs an image, a positive size and a JPEG quality 1-100"};
    try {
        cv::Mat small;
        cv::resize(ImageAccess::view(image), small, cv::Size(spec.width, spec.height), 0, 0, cv::INTER_AREA);
        std::vector<std::uint8_t> jpeg;
        cv::imencode(".jpg", small, jpeg, {cv::IMWRITE_JPEG_QUALITY, spec.jpegQuality});
        return decodeImage(jpeg);
    } catch (const cv::Exception &e) {
        return {ErrorCode::Internal, std::string("degrade failed: ") + e.what()};
    }
}

} // namespace simkyc::vision

// Internal to src/vision: zero-copy views of an Image as cv::Mat, and Image from cv::Mat.
// Not installed, not included outside src/vision.
#pragma once

#include "vision/image.h"

#include <opencv2/core.hpp>

namespace simkyc::vision {

class ImageAccess {
public:
    // A read-only header over the Image's pixels (no copy). Valid while the Image lives.
    static cv::Mat view(const Image &image);
    // Takes the pixels of an 8-bit 1- or 3-channel Mat (copies only when it is not continuous).
    static Image fromMat(const cv::Mat &mat);
};

} // namespace simkyc::vision

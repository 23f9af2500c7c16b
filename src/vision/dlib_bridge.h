// Internal to src/vision: zero-copy dlib views of our Image (dlib::cv_image over a cv::Mat header)
// and box conversions.
#pragma once

#include "vision/image.h"
#include "vision/image_access.h"
#include "vision/types.h"

#include <dlib/geometry/rectangle.h>
#include <dlib/opencv/cv_image.h>
#include <dlib/pixel.h>
#include <opencv2/imgproc.hpp>

namespace simkyc::vision {

// A BGR cv::Mat for the image: a view when it is BGR already, a converted copy when it is grey.
// Keep the returned Mat alive while a dlib::cv_image built on it is in use.
inline cv::Mat bgrMat(const Image &image)
{
    cv::Mat view = ImageAccess::view(image);
    if (view.channels() == 3)
        return view;
    cv::Mat bgr;
    cv::cvtColor(view, bgr, cv::COLOR_GRAY2BGR);
    return bgr;
}

inline dlib::rectangle toDlib(const FaceBox &b)
{
    return dlib::rectangle(b.x, b.y, b.x + b.width - 1, b.y + b.height - 1);
}

inline FaceBox fromDlib(const dlib::rectangle &r)
{
    return FaceBox{static_cast<int>(r.left()), static_cast<int>(r.top()), static_cast<int>(r.width()),
                   static_cast<int>(r.height())};
}

} // namespace simkyc::vision

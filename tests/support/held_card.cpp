#include "support/held_card.h"

#include <opencv2/imgproc.hpp>

#include <array>

namespace simkyc::test {

cv::Mat heldCardFrame(const cv::Mat &document, cv::Point2f shift, double blurSigma)
{
    // A counter top: wood-like stripes over noise (a fixed seed: the same frame every time).
    cv::Mat frame(480, 640, CV_8UC3);
    cv::RNG rng(7);
    rng.fill(frame, cv::RNG::NORMAL, cv::Scalar(70, 90, 110), cv::Scalar(20, 20, 20));
    for (int x = 0; x < frame.cols; x += 9)
        cv::line(frame, {x, 0}, {x + 40, frame.rows}, cv::Scalar(50, 60, 80), 2);
    const auto w = static_cast<float>(document.cols - 1);
    const auto h = static_cast<float>(document.rows - 1);
    const std::array<cv::Point2f, 4> from{cv::Point2f(0.f, 0.f), cv::Point2f(w, 0.f), cv::Point2f(w, h),
                                          cv::Point2f(0.f, h)};
    std::array<cv::Point2f, 4> to{cv::Point2f(120.f, 95.f), cv::Point2f(520.f, 80.f), cv::Point2f(535.f, 355.f),
                                  cv::Point2f(100.f, 370.f)};
    for (auto &corner : to)
        corner += shift;
    const cv::Mat homography = cv::getPerspectiveTransform(from.data(), to.data());
    cv::warpPerspective(document, frame, homography, frame.size(), cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
    if (blurSigma > 0.0)
        cv::GaussianBlur(frame, frame, cv::Size(), blurSigma);
    return frame;
}

} // namespace simkyc::test

// Camera frames of a document held up in front of a camera, for the ID-card capture tests: the
// document warped (a mild perspective) onto a textured 640x480 background, shifted and blurred as
// asked. Thread-safety: free functions, reentrant.
#pragma once

#include <opencv2/core.hpp>

namespace simkyc::test {

// shift: where the card lies against its resting place (pixels); blurSigma: Gaussian blur of the
// whole frame (0 = none: a camera in focus).
cv::Mat heldCardFrame(const cv::Mat &document, cv::Point2f shift = {}, double blurSigma = 0.0);

} // namespace simkyc::test

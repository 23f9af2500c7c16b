// FaceDetector: dlib's HOG frontal face detector (built into dlib, no model file) behind our types.
// detect() runs once on the image as given (optionally upsampled); findFaces() is the robust search
// for still images (ID photos, enrolment): it downscales very large images, upsamples small ones
// when nothing is found, and pads faces that fill the whole frame, the way a person would crop.
// Guarantees: never throws; boxes are in the input image's coordinates (they may extend past its
// border for faces cut by the frame); results are sorted by score, best first.
// Thread-safety: one instance per thread (the scanner keeps scratch buffers).
#pragma once

#include "vision/image.h"
#include "vision/types.h"

#include <memory>
#include <string>
#include <vector>

namespace simkyc::vision {

struct Detection {
    FaceBox box;
    double score = 0.0; // HOG margin; > 0 is a detection at dlib's default threshold
};

struct DetectOptions {
    int upsample = 0;             // pyramid_up steps before scanning (each doubles the size, ~4x the cost)
    double adjustThreshold = 0.0; // added to dlib's threshold; negative finds more (and more false) faces
};

struct FindOptions {
    int maxSide = 1280;              // larger images are scanned downscaled to this side
    int minFaceSidePx = 80;          // upsample until a face of this size in the original would be found
    int tinySidePx = 200;            // images whose short side is below this are scanned upsampled first
    double borderPad = 0.35;         // when nothing is found: pad each side by this fraction and retry
    double fallbackThreshold = -0.4; // last resort on padded images; only the best detection is kept
};

struct FaceSearch {
    std::vector<Detection> faces;
    std::string method; // how they were found: "direct", "upsampled", "padded", "padded_low_threshold"
};

// The image upsampled 2x with dlib's pyramid_up (the step dlib's examples take when no face is
// found), in colour. Empty in, empty out.
[[nodiscard]] Image pyramidUp(const Image &image);

class FaceDetector {
public:
    FaceDetector();
    ~FaceDetector();
    FaceDetector(const FaceDetector &) = delete;
    FaceDetector &operator=(const FaceDetector &) = delete;

    [[nodiscard]] std::vector<Detection> detect(const Image &image, const DetectOptions &options = {});
    [[nodiscard]] FaceSearch findFaces(const Image &image, const FindOptions &options = {});

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace simkyc::vision

// LandmarkDetector: dlib shape predictor (68-point or 5-point model) behind our own types.
// Guarantees: load() verifies the model deserialises and reports its point count; detect() never
// throws and returns exactly pointCount() points for any box (clipped boxes are allowed).
// Thread-safety: one instance per thread (dlib's shape_predictor is read-only, but keep it simple).
#pragma once

#include "core/result.h"
#include "vision/image.h"
#include "vision/types.h"

#include <filesystem>
#include <memory>

namespace simkyc::vision {

class LandmarkDetector {
public:
    static Result<std::unique_ptr<LandmarkDetector>> load(const std::filesystem::path &modelPath);
    ~LandmarkDetector();
    LandmarkDetector(const LandmarkDetector &) = delete;
    LandmarkDetector &operator=(const LandmarkDetector &) = delete;

    [[nodiscard]] int pointCount() const;
    [[nodiscard]] Landmarks detect(const Image &image, const FaceBox &box) const;

private:
    struct Impl;
    explicit LandmarkDetector(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace simkyc::vision

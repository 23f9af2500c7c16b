#include "vision/landmarks.h"
#include "vision/dlib_bridge.h"

#include <dlib/image_processing/shape_predictor.h>
#include <dlib/serialize.h>

namespace simkyc::vision {

struct LandmarkDetector::Impl {
    dlib::shape_predictor predictor;
};

LandmarkDetector::LandmarkDetector(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
LandmarkDetector::~LandmarkDetector() = default;

Result<std::unique_ptr<LandmarkDetector>> LandmarkDetector::load(const std::filesystem::path &modelPath)
{
    auto impl = std::make_unique<Impl>();
    try {
        dlib::deserialize(modelPath.string()) >> impl->predictor;
    } catch (const std::exception &e) {
        return {ErrorCode::ModelLoadFailed, modelPath.string() + ": not a dlib shape predictor (" + e.what() + ")"};
    }
    const auto parts = impl->predictor.num_parts();
    if (parts != 68 && parts != 5)
        return {ErrorCode::ModelLoadFailed,
                modelPath.string() + ": shape predictor has " + std::to_string(parts) + " points, expected 68 or 5"};
    return std::unique_ptr<LandmarkDetector>(new LandmarkDetector(std::move(impl)));
}

int LandmarkDetector::pointCount() const
{
    return static_cast<int>(m_impl->predictor.num_parts());
}

Landmarks LandmarkDetector::detect(const Image &image, const FaceBox &box) const
{
    const cv::Mat bgr = bgrMat(image);
    const auto shape = m_impl->predictor(dlib::cv_image<dlib::bgr_pixel>(bgr), toDlib(box));
    Landmarks out(shape.num_parts());
    for (unsigned long i = 0; i < shape.num_parts(); ++i)
        out[i] = PointF{static_cast<float>(shape.part(i).x()), static_cast<float>(shape.part(i).y())};
    return out;
}

} // namespace simkyc::vision

#include "vision/face_engine.h"

#include "vision/face_embedder.h"
#include "vision/image_access.h"
#include "vision/landmarks.h"
#include "vision/matcher.h"

#include <opencv2/core.hpp>

#include <cmath>

namespace simkyc::vision {

namespace {

Image mirrored(const Image &image)
{
    cv::Mat flipped;
    cv::flip(ImageAccess::view(image), flipped, 1);
    return ImageAccess::fromMat(flipped);
}

} // namespace

struct FaceEngine::Impl {
    FaceDetector detector;
    std::unique_ptr<LandmarkDetector> landmarks5;
    std::unique_ptr<FaceEmbedder> embedder;

    // The chip aligned on the face's surroundings upsampled 2x: the shape predictor gives whole
    // pixels, twice as fine there, so its alignment errs differently from the one at 1x.
    Result<Image> fineChip(const Image &image, const FaceBox &box) const
    {
        const cv::Mat view = ImageAccess::view(image);
        // The chip (0.25 padding around the aligned face) lies within half a box of the box.
        const cv::Rect around = cv::Rect(box.x - box.width / 2, box.y - box.height / 2, 2 * box.width, 2 * box.height) &
                                cv::Rect(0, 0, view.cols, view.rows);
        if (around.area() <= 0)
            return {ErrorCode::InvalidArgument, "face box outside the image"};
        const Image up = pyramidUp(ImageAccess::fromMat(view(around).clone()));
        const FaceBox upBox{(box.x - around.x) * 2, (box.y - around.y) * 2, box.width * 2, box.height * 2};
        return alignFaceChip(up, landmarks5->detect(up, upBox));
    }
};

FaceEngine::FaceEngine() : m_impl(std::make_unique<Impl>()) {}
FaceEngine::~FaceEngine() = default;

Result<std::unique_ptr<FaceEngine>> FaceEngine::load(const FaceEngineModels &models)
{
    auto landmarks = LandmarkDetector::load(models.landmarks5);
    if (!landmarks.ok())
        return landmarks.error();
    if ((*landmarks)->pointCount() != 5)
        return {ErrorCode::ModelLoadFailed, models.landmarks5.string() + ": expected the 5-point landmark model"};
    auto embedder = FaceEmbedder::load(models.faceResnet);
    if (!embedder.ok())
        return embedder.error();
    std::unique_ptr<FaceEngine> engine(new FaceEngine());
    engine->m_impl->landmarks5 = std::move(landmarks).value();
    engine->m_impl->embedder = std::move(embedder).value();
    return engine;
}

Result<FaceEnrolment> FaceEngine::enrol(const Image &image, const EnrolOptions &options)
{
    if (image.empty())
        return {ErrorCode::InvalidArgument, "empty image"};
    if (options.search == FaceSearchMode::DlibExample)
        return enrolLikeDlibExample(image, options);
    const FaceSearch search = m_impl->detector.findFaces(image, options.find);
    if (search.faces.empty())
        return {ErrorCode::NoFace, "no face found in the image"};
    size_t pick = 0;
    if (search.faces.size() > 1) {
        if (!options.largest)
            return {ErrorCode::SeveralFaces,
                    std::to_string(search.faces.size()) + " faces found; exactly one is needed"};
        for (size_t i = 1; i < search.faces.size(); ++i)
            if (search.faces[i].box.area() > search.faces[pick].box.area())
                pick = i;
    }
    auto enrolment = enrolBox(image, search.faces[pick].box, options);
    if (!enrolment.ok())
        return enrolment;
    enrolment->faceCount = static_cast<int>(search.faces.size());
    enrolment->detection = search.faces[pick];
    enrolment->method = search.method;
    return enrolment;
}

Result<FaceEnrolment> FaceEngine::enrolLikeDlibExample(const Image &image, const EnrolOptions &options)
{
    Image work = image;
    double scale = 1.0;
    std::vector<Detection> faces = m_impl->detector.detect(work);
    if (faces.empty()) {
        work = pyramidUp(image);
        scale = 2.0;
        faces = m_impl->detector.detect(work);
    }
    if (faces.empty())
        return {ErrorCode::NoFace, "no face found in the image"};
    if (faces.size() > 1 && !options.largest)
        return {ErrorCode::SeveralFaces, std::to_string(faces.size()) + " faces found; exactly one is needed"};
    size_t pick = 0;
    for (size_t i = 1; i < faces.size(); ++i)
        if (faces[i].box.area() > faces[pick].box.area())
            pick = i;
    EnrolOptions asInTheExample = options;
    asInTheExample.fineAlignBelowPx = 0;
    auto enrolment = enrolBox(work, faces[pick].box, asInTheExample);
    if (!enrolment.ok())
        return enrolment;
    enrolment->faceCount = static_cast<int>(faces.size());
    enrolment->detection = faces[pick];
    enrolment->method = scale > 1.0 ? "dlib_example_upsampled" : "dlib_example";
    if (scale > 1.0) {
        const FaceBox &b = faces[pick].box;
        enrolment->detection.box =
            FaceBox{static_cast<int>(std::lround(b.x / scale)), static_cast<int>(std::lround(b.y / scale)),
                    static_cast<int>(std::lround(b.width / scale)), static_cast<int>(std::lround(b.height / scale))};
        for (PointF &p : enrolment->landmarks5)
            p = PointF{static_cast<float>(p.x / scale), static_cast<float>(p.y / scale)};
        enrolment->interocularPx /= scale;
    }
    return enrolment;
}

Result<FaceEnrolment> FaceEngine::enrolBox(const Image &image, const FaceBox &box, const EnrolOptions &options)
{
    FaceEnrolment out;
    out.faceCount = 1;
    out.detection.box = box;
    out.method = "given";
    out.landmarks5 = m_impl->landmarks5->detect(image, box);
    // dlib 5-point order: right eye outer, right eye inner, left eye outer, left eye inner, nose.
    const PointF &a0 = out.landmarks5[0], &a1 = out.landmarks5[1], &b0 = out.landmarks5[2], &b1 = out.landmarks5[3];
    const double ex = (a0.x + a1.x) / 2.0 - (b0.x + b1.x) / 2.0;
    const double ey = (a0.y + a1.y) / 2.0 - (b0.y + b1.y) / 2.0;
    out.interocularPx = std::hypot(ex, ey);
    auto chip = alignFaceChip(image, out.landmarks5);
    if (!chip.ok())
        return chip.error();
    std::vector<Image> chips{*chip};
    if (box.width < options.fineAlignBelowPx)
        if (auto fine = m_impl->fineChip(image, box); fine.ok())
            chips.push_back(*fine);
    if (options.mirrorAugment)
        chips.push_back(mirrored(*chip));
    auto embeddings = m_impl->embedder->compute(chips);
    if (!embeddings.ok())
        return embeddings.error();
    out.embedding = meanEmbedding(*embeddings);
    return out;
}

IdentitySampler identitySampler(FaceEngine &engine)
{
    return [&engine](const Image &image, const FaceBox &box) -> std::optional<Embedding> {
        EnrolOptions options;
        options.fineAlignBelowPx = 0;
        auto enrolment = engine.enrolBox(image, box, options);
        if (!enrolment.ok())
            return std::nullopt;
        return enrolment->embedding;
    };
}

} // namespace simkyc::vision

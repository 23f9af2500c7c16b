#include "photo_stage.h"

#include "vision/face_detector.h"
#include "vision/face_tracker.h"
#include "vision/image.h"
#include "vision/landmarks.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <span>

namespace simkyc::tools {
namespace {

constexpr double kFaceWidthFraction = 0.40; // face box width / frame width
constexpr int kPrintBorderPx = 8;

vision::Image toImage(const cv::Mat &bgr)
{
    const cv::Mat continuous = bgr.isContinuous() ? bgr : bgr.clone();
    const auto bytes = std::span<const std::uint8_t>(continuous.data, continuous.total() * continuous.elemSize());
    auto image = vision::Image::fromPixels(continuous.cols, continuous.rows, 3, bytes);
    return image ? image.value() : vision::Image{};
}

cv::Point2f meanPoint(const vision::Landmarks &points, size_t first, size_t last)
{
    cv::Point2f sum(0.f, 0.f);
    for (size_t i = first; i <= last; ++i)
        sum += cv::Point2f(points[i].x, points[i].y);
    return sum * (1.f / static_cast<float>(last - first + 1));
}

float distance(const vision::PointF &a, const vision::PointF &b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

// (|p1 - p5| + |p2 - p4|) / (2 |p0 - p3|) over the six points of one eye from `first`.
float eyeAspectRatio(const vision::Landmarks &points, size_t first)
{
    const float width = std::max(1e-3f, distance(points[first], points[first + 3]));
    return (distance(points[first + 1], points[first + 5]) + distance(points[first + 2], points[first + 4])) /
           (2.f * width);
}

// Eyes of a dlib HOG box (which runs from the brows to the chin): about 30 % and 70 % across, 37 % down.
FaceGeometry eyesFromBox(const cv::Rect2f &box, std::string method)
{
    FaceGeometry face;
    face.box = box;
    face.leftEye = {box.x + 0.30f * box.width, box.y + 0.37f * box.height};
    face.rightEye = {box.x + 0.70f * box.width, box.y + 0.37f * box.height};
    face.method = std::move(method);
    return face;
}

} // namespace

struct FaceLocator::Impl {
    vision::FaceDetector detector;
    std::unique_ptr<vision::LandmarkDetector> landmarks;

    bool eyesFromLandmarks(const vision::Image &image, const cv::Rect2f &box, FaceGeometry &face) const
    {
        if (!landmarks || landmarks->pointCount() != 68)
            return false;
        const vision::FaceBox faceBox{cvRound(box.x), cvRound(box.y), cvRound(box.width), cvRound(box.height)};
        const vision::Landmarks points = landmarks->detect(image, faceBox);
        if (points.size() != 68)
            return false;
        face.leftEye = meanPoint(points, 36, 41);
        face.rightEye = meanPoint(points, 42, 47);
        face.method = "landmarks68";
        const cv::Point2f eyeLine = face.rightEye - face.leftEye;
        const float eyeDistance = std::max(1.f, std::hypot(eyeLine.x, eyeLine.y));
        const cv::Point2f fromMid = cv::Point2f(points[30].x, points[30].y) - 0.5f * (face.leftEye + face.rightEye);
        face.noseOffset = fromMid.dot(eyeLine) / (eyeDistance * eyeDistance);
        face.eyeAspect = 0.5f * (eyeAspectRatio(points, 36) + eyeAspectRatio(points, 42));
        return true;
    }
};

FaceLocator::FaceLocator(const std::filesystem::path &modelsDir) : m_impl(std::make_unique<Impl>())
{
    const auto model = modelsDir / "shape_predictor_68_face_landmarks.dat";
    std::error_code ec;
    if (!modelsDir.empty() && std::filesystem::exists(model, ec)) {
        auto loaded = vision::LandmarkDetector::load(model);
        if (loaded)
            m_impl->landmarks = std::move(loaded).value();
        else
            std::cerr << "warning: cannot load " << model << ": " << loaded.error().toString() << "\n";
    }
}

FaceLocator::~FaceLocator() = default;

const vision::LandmarkDetector *FaceLocator::landmarkModel() const
{
    return m_impl->landmarks && m_impl->landmarks->pointCount() == 68 ? m_impl->landmarks.get() : nullptr;
}

bool FaceLocator::hasLandmarks() const
{
    return m_impl->landmarks != nullptr;
}

FaceGeometry FaceLocator::locate(const cv::Mat &bgr)
{
    const vision::Image image = toImage(bgr);
    if (!image.empty()) {
        const vision::FaceSearch search = m_impl->detector.findFaces(image);
        if (!search.faces.empty()) {
            auto largest = std::max_element(search.faces.begin(), search.faces.end(),
                                            [](const auto &a, const auto &b) { return a.box.area() < b.box.area(); });
            const cv::Rect2f box(static_cast<float>(largest->box.x), static_cast<float>(largest->box.y),
                                 static_cast<float>(largest->box.width), static_cast<float>(largest->box.height));
            FaceGeometry face = eyesFromBox(box, "face_box");
            m_impl->eyesFromLandmarks(image, box, face);
            return face;
        }
    }
    // Faces in these photos are mostly centred: a box of 55 % of the shorter side, a little above the middle.
    const float side = 0.55f * static_cast<float>(std::min(bgr.cols, bgr.rows));
    const cv::Rect2f box(0.5f * static_cast<float>(bgr.cols) - 0.5f * side,
                         0.45f * static_cast<float>(bgr.rows) - 0.5f * side, side, side);
    return eyesFromBox(box, "centred_guess");
}

FaceGeometry FaceLocator::locateInCrop(const cv::Mat &bgr)
{
    // CEW crops are face-detector boxes a little wider than dlib's: eyes at ~30 %/70 % across, ~40 % down.
    const cv::Rect2f box(0.f, 0.f, static_cast<float>(bgr.cols), static_cast<float>(bgr.rows));
    FaceGeometry face;
    face.box = box;
    face.leftEye = {0.30f * box.width, 0.40f * box.height};
    face.rightEye = {0.70f * box.width, 0.40f * box.height};
    face.method = "crop_proportions";
    const vision::Image image = toImage(bgr);
    if (!image.empty())
        m_impl->eyesFromLandmarks(image, box, face);
    return face;
}

std::vector<cv::Rect2f> FaceLocator::kioskDetections(const cv::Mat &bgr)
{
    const int scanWidth = vision::TrackerOptions{}.detectWidthPx;
    const double scale = scanWidth > 0 && bgr.cols > scanWidth ? static_cast<double>(scanWidth) / bgr.cols : 1.0;
    cv::Mat scanned = bgr;
    if (scale < 1.0)
        cv::resize(bgr, scanned, cv::Size(), scale, scale, cv::INTER_AREA);
    std::vector<cv::Rect2f> boxes;
    for (const vision::Detection &d : m_impl->detector.detect(toImage(scanned)))
        boxes.emplace_back(static_cast<float>(d.box.x / scale), static_cast<float>(d.box.y / scale),
                           static_cast<float>(d.box.width / scale), static_cast<float>(d.box.height / scale));
    return boxes;
}

std::optional<cv::Mat> loadPhoto(const std::filesystem::path &path)
{
    cv::Mat image;
    try {
        image = cv::imread(path.string(), cv::IMREAD_COLOR);
    } catch (const cv::Exception &) {
        return std::nullopt;
    }
    if (image.empty() || image.cols < 16 || image.rows < 16)
        return std::nullopt;
    return image;
}

StagedPhoto stagePhoto(const cv::Mat &bgr, const FaceGeometry &face, cv::Size frameSize, cv::RNG &rng)
{
    const double shortSide = std::min(bgr.cols, bgr.rows);
    double scale = 0.0;
    if (face.method != "centred_guess" && face.box.width > 8.f) {
        const double faceFraction = kFaceWidthFraction + rng.uniform(-0.04, 0.04);
        scale = faceFraction * frameSize.width / face.box.width;
        scale = std::clamp(scale, 200.0 / shortSide, 2.0 * frameSize.height / shortSide);
    } else {
        scale = rng.uniform(300.0, 380.0) / shortSide;
    }
    StagedPhoto staged;
    cv::Mat scaled;
    cv::resize(bgr, scaled, cv::Size(), scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC);
    cv::copyMakeBorder(scaled, staged.photo, kPrintBorderPx, kPrintBorderPx, kPrintBorderPx, kPrintBorderPx,
                       cv::BORDER_CONSTANT, cv::Scalar(235, 238, 240));

    const auto toStaged = [scale](cv::Point2f p) {
        return cv::Point2f(static_cast<float>(p.x * scale + kPrintBorderPx),
                           static_cast<float>(p.y * scale + kPrintBorderPx));
    };
    staged.face = face;
    staged.face.leftEye = toStaged(face.leftEye);
    staged.face.rightEye = toStaged(face.rightEye);
    const cv::Point2f topLeft = toStaged(face.box.tl());
    staged.face.box = cv::Rect2f(topLeft.x, topLeft.y, static_cast<float>(face.box.width * scale),
                                 static_cast<float>(face.box.height * scale));
    staged.anchor = {staged.face.box.x + 0.5f * staged.face.box.width,
                     staged.face.box.y + 0.5f * staged.face.box.height};
    staged.frameAnchor = {0.5f * static_cast<float>(frameSize.width), 0.48f * static_cast<float>(frameSize.height)};

    const bool blurredBackground = rng.uniform(0, 2) == 0;
    if (blurredBackground) {
        cv::Mat stretched;
        cv::resize(bgr, stretched, frameSize, 0, 0, cv::INTER_AREA);
        cv::GaussianBlur(stretched, stretched, cv::Size(), frameSize.width / 25.0);
        stretched.convertTo(staged.background, CV_8U, rng.uniform(0.35, 0.55));
    } else {
        // A grey wall lit from above: a vertical gradient, slightly warm or cool.
        const double level = rng.uniform(95.0, 150.0);
        const double tint = rng.uniform(-8.0, 8.0);
        staged.background.create(frameSize, CV_8UC3);
        for (int y = 0; y < frameSize.height; ++y) {
            const double g = level + 25.0 * (0.5 - static_cast<double>(y) / frameSize.height);
            staged.background.row(y).setTo(cv::Scalar(g - tint, g, g + tint));
        }
    }
    staged.notes = "face=" + face.method + " bg=" + (blurredBackground ? "blurred_copy" : "grey_wall");
    return staged;
}

cv::Mat composeFrame(const cv::Mat &background, const cv::Mat &photo, const cv::Matx33d &photoToFrame)
{
    cv::Mat frame = background.clone();
    cv::warpPerspective(photo, frame, cv::Mat(photoToFrame), frame.size(), cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
    return frame;
}

SensorNoise::SensorNoise(cv::Size frameSize, double sigma, cv::RNG &rng)
    : m_field(frameSize.height + kMarginPx, frameSize.width + kMarginPx, CV_16SC3)
{
    rng.fill(m_field, cv::RNG::NORMAL, 0.0, sigma);
}

void SensorNoise::apply(cv::Mat &frame, cv::RNG &rng) const
{
    const cv::Rect window(rng.uniform(0, kMarginPx), rng.uniform(0, kMarginPx), frame.cols, frame.rows);
    cv::Mat noisy;
    cv::add(frame, m_field(window), noisy, cv::noArray(), CV_8U); // saturates to 0..255
    frame = noisy;
}

cv::Matx23d eyeSimilarity(cv::Point2f srcL, cv::Point2f srcR, cv::Point2f dstL, cv::Point2f dstR)
{
    const cv::Point2f srcV = srcR - srcL, dstV = dstR - dstL;
    const double srcLen = std::max(1.0, std::hypot(static_cast<double>(srcV.x), static_cast<double>(srcV.y)));
    const double dstLen = std::hypot(static_cast<double>(dstV.x), static_cast<double>(dstV.y));
    const double scale = dstLen / srcLen;
    const double angle = std::atan2(dstV.y, dstV.x) - std::atan2(srcV.y, srcV.x);
    const double a = scale * std::cos(angle), b = scale * std::sin(angle);
    return {a, -b, dstL.x - (a * srcL.x - b * srcL.y), b, a, dstL.y - (b * srcL.x + a * srcL.y)};
}

} // namespace simkyc::tools

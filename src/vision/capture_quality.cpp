#include "vision/capture_quality.h"

#include "vision/dlib_bridge.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace simkyc::vision {
namespace {

constexpr std::array<std::string_view, kQualityHintCount> kHintNames = {
    "no_face",  "several_faces", "too_far", "too_close", "off_centre", "not_frontal",
    "too_dark", "too_bright",    "backlit", "blurred",   "eyes_closed"};

double lumaOf(const cv::Scalar &bgrSum)
{
    return 0.114 * bgrSum[0] + 0.587 * bgrSum[1] + 0.299 * bgrSum[2];
}

// Sum of BGR over every 4th row: a quarter of the cost of the full frame sum, the same mean for any
// region taller than a few rows.
constexpr int kSumRowStep = 4;

cv::Scalar sparseSum(const cv::Mat &region, double &pixels)
{
    const int rows = (region.rows + kSumRowStep - 1) / kSumRowStep;
    const cv::Mat sampled(rows, region.cols, region.type(), const_cast<uchar *>(region.data),
                          region.step * kSumRowStep);
    pixels = static_cast<double>(rows) * region.cols;
    return cv::sum(sampled);
}

cv::Rect toRect(const FaceBox &b)
{
    return {b.x, b.y, b.width, b.height};
}

// The inner face (brows, eyes, nose, mouth; not the jaw line, which often includes background).
FaceBox innerFace(const Landmarks &l)
{
    return landmarkBounds(Landmarks(l.begin() + 17, l.end()));
}

// Grey levels, clipping and sharpness of the inner face; luminance of the frame outside the face.
void measureImage(const cv::Mat &bgr, const Landmarks &l, const CaptureQualityConfig &config, QualityMeasures &m)
{
    const cv::Rect frameRect(0, 0, bgr.cols, bgr.rows);
    const cv::Rect inner = toRect(innerFace(l)) & frameRect;
    if (inner.width < 8 || inner.height < 8)
        return;
    cv::Mat grey;
    cv::cvtColor(bgr(inner), grey, cv::COLOR_BGR2GRAY);
    m.faceLuma = cv::mean(grey)[0];
    m.saturatedFraction = static_cast<double>(cv::countNonZero(grey >= 250)) / static_cast<double>(grey.total());

    // Background: everything outside the whole head box (landmarks widened by 30%, more upwards for hair).
    const FaceBox all = landmarkBounds(l);
    cv::Rect head =
        cv::Rect(all.x - all.width * 3 / 10, all.y - all.height / 2, all.width * 16 / 10, all.height * 18 / 10) &
        frameRect;
    head.height += head.y % kSumRowStep; // start on a row the frame's sparseSum samples too
    head.y -= head.y % kSumRowStep;
    double framePixels = 0, headPixels = 0;
    const double frameLuma = lumaOf(sparseSum(bgr, framePixels));
    const double headLuma = lumaOf(sparseSum(bgr(head), headPixels));
    const double outside = framePixels - headPixels;
    m.backgroundLuma = outside > 0.05 * framePixels ? (frameLuma - headLuma) / outside : m.faceLuma;

    // Sharpness at a fixed face width, so it does not depend on how large the face is in the frame.
    const double scale = config.sharpnessFaceWidthPx / inner.width;
    cv::Mat normalised;
    cv::resize(grey, normalised, cv::Size(), scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat laplacian;
    cv::Laplacian(normalised, laplacian, CV_32F);
    cv::Scalar mean, stddev;
    cv::meanStdDev(laplacian, mean, stddev);
    m.sharpness = stddev[0] * stddev[0];
}

} // namespace

std::string_view qualityHintName(QualityHint hint)
{
    const auto i = static_cast<size_t>(hint);
    return i < kHintNames.size() ? kHintNames[i] : "unknown";
}

std::optional<QualityHint> qualityHintFromName(std::string_view name)
{
    for (size_t i = 0; i < kHintNames.size(); ++i)
        if (kHintNames[i] == name)
            return static_cast<QualityHint>(i);
    return std::nullopt;
}

bool QualityReport::has(QualityHint hint) const
{
    return std::find(hints.begin(), hints.end(), hint) != hints.end();
}

QualityReport assessCaptureQuality(const Image &frame, const FaceObservation &face, int facesInLastDetection,
                                   const CaptureQualityConfig &config)
{
    QualityReport report;
    auto &hints = report.hints;
    auto &m = report.measures;
    if (frame.empty() || face.landmarks68.size() != 68) {
        hints.push_back(QualityHint::NoFace);
        return report;
    }
    const Landmarks &l = face.landmarks68;
    const double w = frame.width();
    const double h = frame.height();
    if (facesInLastDetection > 1)
        hints.push_back(QualityHint::SeveralFaces);

    m.interocularRatio = interocularDistance(l) / w;
    if (m.interocularRatio < config.minInterocularRatio)
        hints.push_back(QualityHint::TooFar);
    else if (m.interocularRatio > config.maxInterocularRatio)
        hints.push_back(QualityHint::TooClose);

    const FaceBox box = innerFace(l);
    m.centreOffsetX = (box.x + box.width / 2.0 - w / 2.0) / w;
    m.centreOffsetY = (box.y + box.height / 2.0 - h / 2.0) / h;
    if (std::abs(m.centreOffsetX) > config.maxCentreOffset || std::abs(m.centreOffsetY) > config.maxCentreOffset)
        hints.push_back(QualityHint::OffCentre);

    if (face.pose.valid &&
        (std::abs(face.pose.yawDeg) > config.maxYawDeg || std::abs(face.pose.pitchDeg) > config.maxPitchDeg ||
         std::abs(face.pose.rollDeg) > config.maxRollDeg))
        hints.push_back(QualityHint::NotFrontal);

    measureImage(bgrMat(frame), l, config, m);
    const bool dark = m.faceLuma < config.minFaceLuma;
    const bool bright = m.faceLuma > config.maxFaceLuma || m.saturatedFraction > config.maxSaturatedFraction;
    if (dark)
        hints.push_back(QualityHint::TooDark);
    if (bright)
        hints.push_back(QualityHint::TooBright);
    if (!bright && m.backgroundLuma > config.maxBacklightRatio * std::max(m.faceLuma, 1.0))
        hints.push_back(QualityHint::Backlit);
    // A dark face has little contrast, so its Laplacian variance says nothing about focus.
    if (!dark && m.sharpness < config.minSharpness)
        hints.push_back(QualityHint::Blurred);

    m.meanEar = (face.earLeft + face.earRight) / 2.0;
    if (m.meanEar < config.minEyeAspectRatio)
        hints.push_back(QualityHint::EyesClosed);
    std::sort(hints.begin(), hints.end());
    return report;
}

} // namespace simkyc::vision

#include "vision/face_tracker.h"

#include "vision/dlib_bridge.h"
#include "vision/face_geometry.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace simkyc::vision {
namespace {

int roundToInt(double v)
{
    return static_cast<int>(std::lround(v));
}

} // namespace

std::string_view faceOriginName(FaceOrigin origin)
{
    switch (origin) {
    case FaceOrigin::None: return "none";
    case FaceOrigin::Detected: return "detected";
    case FaceOrigin::Tracked: return "tracked";
    }
    return "unknown";
}

std::string_view detectReasonName(DetectReason reason)
{
    switch (reason) {
    case DetectReason::None: return "none";
    case DetectReason::NoTrack: return "no_track";
    case DetectReason::Periodic: return "periodic";
    case DetectReason::Drift: return "drift";
    }
    return "unknown";
}

FaceTracker::FaceTracker(const LandmarkDetector &landmarks68, TrackerOptions options)
    : m_landmarks(landmarks68), m_options(options)
{
    m_options.redetectEveryFrames = std::max(1, m_options.redetectEveryFrames);
}

FaceTracker::~FaceTracker() = default;

void FaceTracker::reset()
{
    m_tracking = false;
    m_framesSinceDetect = 0;
    m_missedDetections = 0;
    m_noFaceFrames = 0;
    m_lastFaceCount = 0;
}

std::vector<Detection> FaceTracker::detect(const Image &frame, bool fullSize)
{
    ++m_stats.detections;
    const DetectOptions options{0, m_options.detectAdjustThreshold};
    if (fullSize || m_options.detectWidthPx <= 0 || frame.width() <= m_options.detectWidthPx) {
        m_stats.fullScans += 1;
        return m_detector.detect(frame, options);
    }
    const double scale = static_cast<double>(m_options.detectWidthPx) / frame.width();
    cv::Mat small;
    cv::resize(bgrMat(frame), small, cv::Size(), scale, scale, cv::INTER_AREA);
    auto found = m_detector.detect(ImageAccess::fromMat(small), options);
    for (auto &d : found)
        d.box = FaceBox{roundToInt(d.box.x / scale), roundToInt(d.box.y / scale), roundToInt(d.box.width / scale),
                        roundToInt(d.box.height / scale)};
    return found;
}

bool FaceTracker::plausible(const FaceBox &current, const FaceBox &previous, int frameWidth, int frameHeight) const
{
    if (current.width <= 1 || current.height <= 1 || previous.area() <= 0)
        return false;
    if (boxIou(current, previous) < m_options.minTrackIou)
        return false;
    const double sideRatio = std::sqrt(static_cast<double>(current.area()) / static_cast<double>(previous.area()));
    if (sideRatio > m_options.maxScaleChange || sideRatio < 1.0 / m_options.maxScaleChange)
        return false;
    const double aspect = static_cast<double>(current.width) / current.height;
    if (aspect < 0.5 || aspect > 2.0)
        return false;
    // At least half of the face must be inside the frame.
    const long long insideW = std::min(current.x + current.width, frameWidth) - std::max(current.x, 0);
    const long long insideH = std::min(current.y + current.height, frameHeight) - std::max(current.y, 0);
    return insideW > 0 && insideH > 0 && 2 * insideW * insideH >= current.area();
}

bool FaceTracker::textured(const Image &frame, const FaceBox &box) const
{
    const cv::Rect inside =
        cv::Rect(box.x, box.y, box.width, box.height) & cv::Rect(0, 0, frame.width(), frame.height());
    if (inside.area() <= 0)
        return false;
    cv::Mat gray;
    const cv::Mat roi = bgrMat(frame)(inside);
    if (roi.channels() == 3)
        cv::cvtColor(roi, gray, cv::COLOR_BGR2GRAY);
    else
        gray = roi;
    cv::Scalar mean, stddev;
    cv::meanStdDev(gray, mean, stddev);
    return stddev[0] >= m_options.minTrackContrast;
}

FaceBox FaceTracker::predictBox() const
{
    const FaceBox &last = m_lastLandmarkBox;
    const FaceBox &prev = m_prevLandmarkBox;
    // Constant velocity of the landmark box centre, then the detector box it corresponds to.
    const double vx = (last.x + last.width / 2.0) - (prev.x + prev.width / 2.0);
    const double vy = (last.y + last.height / 2.0) - (prev.y + prev.height / 2.0);
    const double x = last.x + vx;
    const double y = last.y + vy;
    return FaceBox{roundToInt(x + m_relation.dx * last.width), roundToInt(y + m_relation.dy * last.height),
                   roundToInt(m_relation.sw * last.width), roundToInt(m_relation.sh * last.height)};
}

TrackResult FaceTracker::accept(FaceOrigin origin, DetectReason reason, const FaceBox &box, Landmarks landmarks)
{
    m_prevLandmarkBox = m_lastLandmarkBox;
    m_lastLandmarkBox = landmarkBounds(landmarks);
    if (origin == FaceOrigin::Detected)
        m_prevLandmarkBox = m_lastLandmarkBox; // no velocity across a detection
    m_tracking = true;
    TrackResult result;
    result.origin = origin;
    result.detectReason = reason;
    result.box = box;
    result.landmarks = std::move(landmarks);
    result.facesInLastDetection = m_lastFaceCount;
    return result;
}

TrackResult FaceTracker::update(const Image &frame)
{
    ++m_stats.frames;
    if (frame.empty()) {
        reset();
        return {};
    }
    DetectReason reason = DetectReason::NoTrack;
    FaceBox predicted;
    if (m_tracking) {
        predicted = predictBox();
        if (m_framesSinceDetect + 1 < m_options.redetectEveryFrames) {
            Landmarks landmarks = m_landmarks.detect(frame, predicted);
            const FaceBox bounds = landmarkBounds(landmarks);
            if (plausible(bounds, m_lastLandmarkBox, frame.width(), frame.height()) && textured(frame, bounds)) {
                ++m_framesSinceDetect;
                ++m_stats.trackedFrames;
                return accept(FaceOrigin::Tracked, DetectReason::None, predicted, std::move(landmarks));
            }
            ++m_stats.driftResets;
            reason = DetectReason::Drift;
        } else {
            reason = DetectReason::Periodic;
        }
    }
    const int fullEvery = m_options.noFaceFullScanEvery;
    const bool fullSize = !m_tracking && fullEvery > 0 && (m_noFaceFrames + 1) % fullEvery == 0;
    const auto found = detect(frame, fullSize);
    m_lastFaceCount = static_cast<int>(found.size());
    m_framesSinceDetect = 0;

    // Prefer the detection that continues the track, else the largest face.
    size_t pick = found.size();
    double bestIou = 0.3;
    if (m_tracking)
        for (size_t i = 0; i < found.size(); ++i)
            if (const double iou = boxIou(found[i].box, predicted); iou >= bestIou) {
                bestIou = iou;
                pick = i;
            }
    if (pick == found.size() && reason == DetectReason::Periodic &&
        ++m_missedDetections <= m_options.maxMissedDetections) {
        // HOG misses turned faces; keep following the landmarks for another K frames.
        Landmarks landmarks = m_landmarks.detect(frame, predicted);
        const FaceBox bounds = landmarkBounds(landmarks);
        if (plausible(bounds, m_lastLandmarkBox, frame.width(), frame.height()) && textured(frame, bounds)) {
            ++m_stats.trackedFrames;
            return accept(FaceOrigin::Tracked, reason, predicted, std::move(landmarks));
        }
    }
    if (pick == found.size() && !found.empty()) {
        pick = 0;
        for (size_t i = 1; i < found.size(); ++i)
            if (found[i].box.area() > found[pick].box.area())
                pick = i;
    }
    if (pick == found.size()) {
        m_tracking = false;
        ++m_noFaceFrames;
        TrackResult none;
        none.detectReason = reason;
        none.facesInLastDetection = 0;
        return none;
    }
    m_missedDetections = 0;
    m_noFaceFrames = 0;
    const FaceBox box = found[pick].box;
    Landmarks landmarks = m_landmarks.detect(frame, box);
    const FaceBox bounds = landmarkBounds(landmarks);
    if (bounds.width > 0 && bounds.height > 0)
        m_relation = Relation{
            static_cast<double>(box.x - bounds.x) / bounds.width, static_cast<double>(box.y - bounds.y) / bounds.height,
            static_cast<double>(box.width) / bounds.width, static_cast<double>(box.height) / bounds.height};
    return accept(FaceOrigin::Detected, reason, box, std::move(landmarks));
}

} // namespace simkyc::vision

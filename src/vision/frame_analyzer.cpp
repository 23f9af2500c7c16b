#include "vision/frame_analyzer.h"

#include "core/log.h"
#include "vision/model_memory.h"

#include <chrono>

namespace simkyc::vision {

FrameAnalyzer::FrameAnalyzer(std::unique_ptr<LandmarkDetector> landmarks, FrameAnalyzerOptions options)
    : m_options(std::move(options)), m_landmarks(std::move(landmarks)),
      m_tracker(std::make_unique<FaceTracker>(*m_landmarks, m_options.tracker))
{
}

FrameAnalyzer::~FrameAnalyzer() = default;

Result<std::unique_ptr<FrameAnalyzer>> FrameAnalyzer::load(const std::filesystem::path &landmarks68Model,
                                                           FrameAnalyzerOptions options)
{
    const HeapMark mark = heapMark();
    auto landmarks = LandmarkDetector::load(landmarks68Model);
    if (!landmarks.ok())
        return landmarks.error();
    if (options.hugePageModel) {
        const HugePageAdvice advice = adviseHugePagesSince(mark);
        log::debug(log::kVision, "68-point landmark model: " + std::to_string(advice.advisedBytes >> 20) +
                                     " MB advised for huge pages" + (advice.collapsed ? " (collapsed)" : ""));
    }
    if ((*landmarks)->pointCount() != 68)
        return {ErrorCode::ModelLoadFailed, landmarks68Model.string() + ": expected the 68-point landmark model"};
    return std::unique_ptr<FrameAnalyzer>(new FrameAnalyzer(std::move(landmarks).value(), std::move(options)));
}

FrameAnalysis FrameAnalyzer::analyze(const Image &image)
{
    Frame frame;
    frame.image = image;
    frame.sequence = m_imageCount;
    frame.timestampNs = monotonicNowNs();
    return analyze(frame);
}

FrameAnalysis FrameAnalyzer::analyze(const Frame &frame)
{
    const auto start = std::chrono::steady_clock::now();
    m_imageCount = frame.sequence + 1;
    FrameAnalysis out;
    out.sequence = frame.sequence;
    out.timestampNs = frame.timestampNs;
    out.sourceIndex = frame.sourceIndex;
    out.sourceTimeMs = frame.sourceTimeMs;
    out.frameWidth = frame.image.width();
    out.frameHeight = frame.image.height();

    TrackResult track = m_tracker->update(frame.image);
    out.origin = track.origin;
    out.detectReason = track.detectReason;
    out.facesInLastDetection = track.facesInLastDetection;
    FaceObservation face;
    if (track.origin != FaceOrigin::None && track.landmarks.size() == 68) {
        out.box = track.box;
        out.landmarks = std::move(track.landmarks);
        out.pose = estimateHeadPose(out.landmarks, out.frameWidth, out.frameHeight);
        out.earLeft = eyeAspectRatio(out.landmarks, Eye::Left);
        out.earRight = eyeAspectRatio(out.landmarks, Eye::Right);
        out.mar = mouthAspectRatio(out.landmarks);
        out.interocularPx = interocularDistance(out.landmarks);
        face.landmarks68 = out.landmarks;
        face.pose = out.pose;
        face.earLeft = out.earLeft;
        face.earRight = out.earRight;
    } else {
        out.origin = FaceOrigin::None;
    }
    out.quality = assessCaptureQuality(frame.image, face, out.facesInLastDetection, m_options.quality);
    out.analysisMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return out;
}

void FrameAnalyzer::reset()
{
    m_tracker->reset();
}

const TrackerStats &FrameAnalyzer::trackerStats() const
{
    return m_tracker->stats();
}

} // namespace simkyc::vision

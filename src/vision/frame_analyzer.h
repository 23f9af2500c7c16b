// FrameAnalyzer: per-frame face analysis for live capture, the input of the liveness step and of
// the capture UI. Each frame: the face (tracked, or detected when needed; see FaceTracker), its 68
// landmarks, head pose, eye and mouth aspect ratios and the capture-quality hints.
// Guarantees: analyze() never throws and always returns a FrameAnalysis (no face -> hasFace() is
// false and the hints are {no_face}); it keeps state between calls (the track), so frames of one
// stream must be given in order; reset() starts afresh (new customer, camera reopened).
// Thread-safety: one instance per thread (the analysis worker owns its own instance and models).
#pragma once

#include "core/result.h"
#include "vision/capture_quality.h"
#include "vision/capture_quality_config.h"
#include "vision/face_geometry.h"
#include "vision/face_tracker.h"
#include "vision/frame.h"

#include <filesystem>
#include <memory>

namespace simkyc::vision {

struct FrameAnalyzerOptions {
    TrackerOptions tracker;
    CaptureQualityConfig quality = defaultCaptureQualityConfig();
    // Back the landmark model with transparent huge pages (Linux; effective when load() runs on the
    // main thread): the per-frame landmark fit gets ~35-40% faster. See model_memory.h.
    bool hugePageModel = true;
};

// A plain value: safe to copy to another thread or queue to the UI.
struct FrameAnalysis {
    std::int64_t sequence = -1;    // from the Frame (or a running count for bare images)
    std::int64_t timestampNs = 0;  // from the Frame
    std::int64_t sourceIndex = -1; // from the Frame
    double sourceTimeMs = -1.0;
    int frameWidth = 0;
    int frameHeight = 0;

    FaceOrigin origin = FaceOrigin::None; // detected on this frame, tracked from the previous one, or none
    DetectReason detectReason = DetectReason::None;
    int facesInLastDetection = 0;
    FaceBox box;           // the face (detector-style box) in frame coordinates
    Landmarks landmarks;   // 68 points (iBUG order), empty without a face
    HeadPose pose;         // signs: see face_geometry.h (yaw > 0 = the person turns to their left)
    double earLeft = 0.0;  // the person's left eye
    double earRight = 0.0; // the person's right eye
    double mar = 0.0;
    double interocularPx = 0.0;
    QualityReport quality;
    double analysisMs = 0.0; // wall time analyze() took

    [[nodiscard]] bool hasFace() const { return origin != FaceOrigin::None; }
};

class FrameAnalyzer {
public:
    // landmarks68Model: shape_predictor_68_face_landmarks.dat (verified by the caller's model catalog).
    // Errors: ModelLoadFailed (not a 68-point shape predictor).
    static Result<std::unique_ptr<FrameAnalyzer>> load(const std::filesystem::path &landmarks68Model,
                                                       FrameAnalyzerOptions options = {});
    ~FrameAnalyzer();
    FrameAnalyzer(const FrameAnalyzer &) = delete;
    FrameAnalyzer &operator=(const FrameAnalyzer &) = delete;

    FrameAnalysis analyze(const Frame &frame);
    FrameAnalysis analyze(const Image &image);
    void reset();

    [[nodiscard]] const TrackerStats &trackerStats() const;
    [[nodiscard]] const FrameAnalyzerOptions &options() const { return m_options; }

private:
    FrameAnalyzer(std::unique_ptr<LandmarkDetector> landmarks, FrameAnalyzerOptions options);

    FrameAnalyzerOptions m_options;
    std::unique_ptr<LandmarkDetector> m_landmarks;
    std::unique_ptr<FaceTracker> m_tracker;
    std::int64_t m_imageCount = 0;
};

} // namespace simkyc::vision

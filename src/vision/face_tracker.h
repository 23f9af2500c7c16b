// FaceTracker: finds one face per frame cheaply. dlib's HOG detector runs on a downscaled copy of
// the frame only when needed (no face yet, the track failed a drift check, or every K frames); in
// between, the 68-point landmarks are fitted at full resolution in a box predicted from the previous
// frame's landmarks, which costs about a millisecond instead of tens.
// Guarantees: never throws; boxes and landmarks are in the frame's coordinates; with several faces
// the largest is tracked (and facesInLastDetection says how many there were); a track is dropped
// after maxMissedDetections periodic detections in a row find no face near it.
// Thread-safety: one instance per thread (owns a FaceDetector; uses the LandmarkDetector read-only).
#pragma once

#include "vision/face_detector.h"
#include "vision/image.h"
#include "vision/landmarks.h"
#include "vision/types.h"

#include <cstdint>
#include <string_view>

namespace simkyc::vision {

struct TrackerOptions {
    int detectWidthPx = 320; // HOG scans the frame resized to this width (0 = full size). dlib's HOG
                             // window is 80 px, so faces narrower than 80/detectWidthPx of the frame are missed.
    // K: a detection at least every K frames while tracking (>= 1; 1 = every frame). 6: a second face
    // in view is looked for at least 5 times a second at 30 fps (BM_TrackedFrameAnalysis: 3.1 ms per
    // frame on average with K = 12, see docs/accuracy.md for K = 6).
    int redetectEveryFrames = 6;
    int noFaceFullScanEvery = 5;        // without a face: every Nth frame scans at full size instead (0 = never)
    double minTrackIou = 0.4;           // landmark box vs the previous one below this -> drift
    double maxScaleChange = 1.3;        // landmark box side ratio between frames above this -> drift
    double minTrackContrast = 4.0;      // luminance std-dev in the tracked landmark box below this -> drift: the
                                        // landmarks fit any blank picture (a covered lens, black frames)
    int maxMissedDetections = 1;        // periodic detections in a row that may miss the tracked face before it is lost
    double detectAdjustThreshold = 0.0; // passed to FaceDetector (negative finds more faces)
};

enum class FaceOrigin { None, Detected, Tracked };
std::string_view faceOriginName(FaceOrigin origin); // "none", "detected", "tracked"

// Why a detection ran on this frame.
enum class DetectReason { None, NoTrack, Periodic, Drift };
std::string_view detectReasonName(DetectReason reason); // "none", "no_track", "periodic", "drift"

struct TrackResult {
    FaceOrigin origin = FaceOrigin::None;
    DetectReason detectReason = DetectReason::None;
    FaceBox box;         // detector-style box (what the landmarks were fitted in)
    Landmarks landmarks; // 68 points, empty when origin == None
    int facesInLastDetection = 0;
};

struct TrackerStats {
    std::int64_t frames = 0;
    std::int64_t detections = 0; // HOG scans (downscaled or full)
    std::int64_t fullScans = 0;  // of which at full size
    std::int64_t trackedFrames = 0;
    std::int64_t driftResets = 0;
};

class FaceTracker {
public:
    // The detector must be a 68-point model and outlive the tracker.
    FaceTracker(const LandmarkDetector &landmarks68, TrackerOptions options = {});
    ~FaceTracker();
    FaceTracker(const FaceTracker &) = delete;
    FaceTracker &operator=(const FaceTracker &) = delete;

    TrackResult update(const Image &frame);
    void reset(); // forget the track (e.g. a new customer, a camera reopen)
    [[nodiscard]] const TrackerStats &stats() const { return m_stats; }
    [[nodiscard]] const TrackerOptions &options() const { return m_options; }

private:
    struct Relation { // the detector box relative to the landmark box, learnt at each detection
        double dx = 0, dy = 0, sw = 1, sh = 1;
    };
    std::vector<Detection> detect(const Image &frame, bool fullSize);
    bool plausible(const FaceBox &current, const FaceBox &previous, int frameWidth, int frameHeight) const;
    FaceBox predictBox() const;
    bool textured(const Image &frame, const FaceBox &box) const;
    TrackResult accept(FaceOrigin origin, DetectReason reason, const FaceBox &box, Landmarks landmarks);

    const LandmarkDetector &m_landmarks;
    TrackerOptions m_options;
    FaceDetector m_detector;
    TrackerStats m_stats;
    bool m_tracking = false;
    FaceBox m_lastLandmarkBox;
    FaceBox m_prevLandmarkBox;
    Relation m_relation;
    int m_framesSinceDetect = 0;
    int m_missedDetections = 0;
    int m_noFaceFrames = 0;
    int m_lastFaceCount = 0;
};

} // namespace simkyc::vision

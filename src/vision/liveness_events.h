// Streaming detectors of the active liveness gestures, fed one sample per analysed frame:
// BlinkDetector (eye aspect ratio against the person's own open-eye baseline) and TurnDetector
// (head yaw past a threshold in one direction and back to frontal).
// Conventions: frames are numbered in decode order; yaw > 0 means the person turns to THEIR left
// (face_geometry.h), so "left"/"right" are the customer's own, whatever the preview mirroring.
// Guarantees: feed() never throws; an event is reported once, when it ends; a frame without a face
// ends any event in progress without reporting it (a gap is not a gesture).
// Thread-safety: one instance per session (stateful, not synchronised).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>

namespace simkyc::vision {

struct LivenessSample {
    std::int64_t frame = 0; // index in decode order
    double timeMs = 0.0;    // capture or container time
    bool hasFace = false;
    double earLeft = 0.0; // the person's left eye
    double earRight = 0.0;
    double yawDeg = 0.0;
    double pitchDeg = 0.0;
    bool poseValid = false;
};

struct FrameAnalysis;
// The sample the detectors need from one analysed frame (file time when known, else capture time).
LivenessSample livenessSample(const FrameAnalysis &analysis);

struct BlinkConfig {
    double baselineWindowMs = 1000.0; // open-eye baseline: a high percentile of this much recent EAR
    double baselinePercentile = 0.75;
    int minBaselineSamples = 5;
    double closeRatio = 0.70;  // an event starts when mean EAR < baseline * closeRatio
    double reopenRatio = 0.80; // it ends when EAR is back above baseline * reopenRatio ...
    // ... or has regained this fraction of its dip: two blinks 0.2 s apart, whose eyes half open in
    // between, are two events (the next starts below closeRatio). Within one labelled blink the EAR
    // bounces back by 24 % of the dip at most (docs/accuracy.md).
    double reopenFraction = 0.5;
    double deepRatio = 0.65; // a blink must dip below baseline * deepRatio
    // Both eyes must close: each eye, against its own baseline, must dip below this ratio ...
    double eachEyeRatio = 0.70;
    // ... and together: the mean over the closure of |left ratio - right ratio| above this is a
    // wink (one eye closed more than the other; the 68-point model pulls the open eye's lids down
    // too, so the open eye alone is no test). Labelled blinks: at most 0.044; winks: 0.21.
    double winkAsymmetry = 0.12;
    double minDurationMs = 60.0;
    double maxDurationMs = 600.0;
};

enum class BlinkVerdict { Blink, Shallow, Wink, TooShort, TooLong };
std::string_view blinkVerdictName(BlinkVerdict verdict); // "blink", "shallow", "wink", "too_short", "too_long"

struct EyeClosureEvent {
    std::int64_t startFrame = 0;
    std::int64_t endFrame = 0; // last frame of the closure
    double startMs = 0.0;
    double endMs = 0.0;
    double minRatio = 1.0; // deepest mean EAR / baseline
    double minRatioLeft = 1.0;
    double minRatioRight = 1.0;
    double asymmetry = 0.0; // mean |left ratio - right ratio| over the closure's frames
    double baseline = 0.0;
    BlinkVerdict verdict = BlinkVerdict::Blink;
    [[nodiscard]] bool isBlink() const { return verdict == BlinkVerdict::Blink; }
};

class BlinkDetector {
public:
    explicit BlinkDetector(BlinkConfig config = {}) : m_config(config) {}
    // Returns an eye-closure event (blink or rejected, see verdict) on the frame that ends it.
    std::optional<EyeClosureEvent> feed(const LivenessSample &sample);
    // The current open-eye baseline (0 until enough samples).
    [[nodiscard]] double baseline() const;
    void reset();

private:
    struct Open {
        double timeMs, left, right, mean;
    };
    [[nodiscard]] double percentile(double Open::*field) const;
    void addAsymmetry(const LivenessSample &sample);

    BlinkConfig m_config;
    std::deque<Open> m_history;
    std::optional<EyeClosureEvent> m_current;
    double m_baseLeft = 0.0, m_baseRight = 0.0;
    double m_asymmetrySum = 0.0;
    int m_closedFrames = 0;
    std::int64_t m_lastFrame = -1;
    double m_lastMs = 0.0;
};

struct TurnConfig {
    double thresholdDeg = 25.0; // |yaw| must pass this in the asked direction
    double frontalDeg = 10.0;   // and come back within this
    double maxDurationMs = 4000.0;
};

enum class TurnDirection { Left, Right };                    // the person's own left / right
std::string_view turnDirectionName(TurnDirection direction); // "left", "right"

struct TurnEvent {
    TurnDirection direction = TurnDirection::Left;
    std::int64_t startFrame = 0; // last frontal frame before the turn
    std::int64_t peakFrame = 0;
    std::int64_t endFrame = 0; // first frontal frame after it
    double startMs = 0.0;
    double peakMs = 0.0;
    double endMs = 0.0;
    double peakYawDeg = 0.0; // signed
};

class TurnDetector {
public:
    explicit TurnDetector(TurnConfig config = {}) : m_config(config) {}
    std::optional<TurnEvent> feed(const LivenessSample &sample);
    void reset();

private:
    TurnConfig m_config;
    std::optional<TurnEvent> m_current;
    bool m_past = false; // the current excursion crossed the threshold
    std::int64_t m_lastFrontalFrame = -1;
    double m_lastFrontalMs = 0.0;
};

} // namespace simkyc::vision

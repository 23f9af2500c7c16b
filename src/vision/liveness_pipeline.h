// The liveness pipeline: one whole session from a frame source, the same code for the kiosk, the
// staff enrolment, `simkyc-cli liveness run`, `eval liveness` and the demo. It opens the source
// (vision::FramePump: cameras through a capture thread, recordings frame by frame), refuses a
// virtual camera or one not on the allow-list before the first frame, analyses and feeds every
// frame to a LivenessSession (with the identity samples when given a face engine), judges the
// stream's plausibility (enforced for cameras, reported for recordings) and scores the passive
// cue on the session's best frames. Prompts and frames are reported through callbacks as they
// happen.
// Thread-safety: reentrant; runs on the calling thread until the session ends.
#pragma once

#include "vision/face_engine.h"
#include "vision/frame_analyzer.h"
#include "vision/frame_source.h"
#include "vision/injection_check.h"
#include "vision/liveness_session.h"
#include "vision/screen_light.h"
#include "vision/spoof_model.h"
#include "vision/texture_cues.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::vision {

struct InjectionFindings {
    bool enforced = false; // cameras: findings fail the session; files (demo, tests): reported only
    std::optional<CameraIdentity> camera;
    std::string usbId;         // vendor:product:serial, when readable
    std::string notAllowed;    // why the camera is not on camera.allowed; empty when it is (or no pin)
    std::string virtualCamera; // why the camera is considered virtual; empty when it is not
    PlausibilityReport stream;
};

// The passive presentation-attack cue: the MiniFASNet networks' "real" probability on the session's
// best frontal frames from its baseline on (LivenessResult::passiveFrames). Measured whenever the
// session kept such frames, passed or not (evaluations need the scores of failed attack sessions too).
struct PassiveFindings {
    bool measured = false;
    std::vector<double> realProbabilities; // per best frame, best first
    double medianRealProbability = -1.0;
    double flattestTurnResidual = -1.0; // smallest planar residual of the turns; -1: no turn measured
    double appliedThreshold = 0.0;      // the threshold or, after a borderline-flat turn, the stricter one
    int unscored = 0;                   // best frames the networks could not score (box outside the frame, ...)
    // Texture cues (vision/texture_cues.h), each the median over the best frames; measured with or
    // without the networks when PassiveCheck::measureTexture, reported as evidence
    // (docs/accuracy.md: not part of the decision).
    std::optional<TextureCues> texture;
};

// The screen-light challenge (vision/screen_light.h) of a session that asked for one.
struct ScreenLightFindings {
    bool asked = false;
    bool started = false;  // the face was in view long enough for the sequence to start
    double startMs = -1.0; // on the frame clock (steady clock, ms), when onStart was called
    ScreenLightReport report;
};

struct LivenessRun {
    LivenessResult result;
    std::int64_t frames = 0;
    std::string sourceKind; // "video_file", "camera", ...
    InjectionFindings injection;
    double identityDistance = -1.0; // the largest distance between identity samples; -1 when not measured
    bool cancelled = false;         // the frame observer stopped the session (result: not passed, "cancelled")
    PassiveFindings passive;
    ScreenLightFindings screenLight;
};

using PromptCallback = std::function<void(Challenge challenge, double sessionMs)>;
// Called after each frame is analysed and fed, on the thread running the session (the kiosk shows
// the preview, the prompt and the hints from it). Returning false stops the session: the run ends
// with cancelled = true, not passed, reason "cancelled".
using FrameObserver =
    std::function<bool(const Frame &frame, const FrameAnalysis &analysis, const LivenessSession &session)>;

// With the MiniFASNet networks, a passed session fails with "presentation_attack" when the median
// real probability over its best frames is at or below `threshold`, or at or below
// `borderlineThreshold` when one of its turns bent the landmarks only a little away from a plane
// (planar residual below `borderlineResidualIod`: a real head, but also a curved or folded print,
// can land there). The learned score alone is never the only evidence for a pass: the challenges
// and the planar-surface test come first; and it is not trusted alone to fail a clear real turn
// either (its users report real faces scored as attacks; one of our genuine clips scores 0.28).
// docs/accuracy.md has the measured operating point. Without the networks (optional models) the
// check is skipped and reported as not measured.
struct PassiveCheck {
    SpoofModel *model = nullptr;
    double threshold = kDefaultPassiveThreshold;
    double borderlineThreshold = 0.5;
    double borderlineResidualIod = 0.10;
    // Also measure the texture cues (evidence for the command line and evaluations; the kiosk, which
    // reports them nowhere, leaves this off).
    bool measureTexture = false;
};

// ";passive=<median, 3 decimals>" when the networks ran, ";passive=off" otherwise: appended to a
// record's liveness summary, so the manager and the carrier can tell which sessions the cue checked.
std::string passiveSummary(const PassiveFindings &passive);

// The threshold that applies to a session: check.threshold, or the stricter borderline one when a
// turn's planar residual (measured, >= 0) is below check.borderlineResidualIod. Exposed for tests.
double passiveThresholdFor(const PassiveCheck &check, const LivenessResult &result, double *flattestTurn = nullptr);

// How a camera source is opened (files and folders ignore it): the mode asked for, and whether a
// virtual camera is let through (camera.allow_virtual: demos only; it is then reported, not refused).
struct CameraOptions {
    CameraSpec spec;
    bool allowVirtual = false;
    // camera.allowed: the USB identities accepted ("vendor:product:serial"); any other camera, or one
    // whose identity cannot be read, fails the session with "camera_not_allowed". Empty: not pinned.
    std::vector<std::string> allowed;
};

// The screen-light challenge: once the face has been in view for startAfterFaceMs, onStart is called on
// the session's thread and the caller's screen plays `schedule` from then on (the kiosk's customer
// screen; kScreenRestEmission grey before and after). Every frame until the sequence's end plus
// config.maxDelayMs is measured against it (the frames' capture times, else their arrival times, on
// the steady clock of onStart's call), and the first prompt waits until then. A session that passed
// everything else fails with "screen_light_mismatch" when the face did not reflect the sequence as
// skin does, or "screen_light_unmeasured" when too little of it was seen (judgeScreenLight's
// "insufficient"; a retry). Enforced for any source it is asked for: the caller asks for it only
// where a screen lights the face (the kiosk's camera), never for a recording. Empty schedule: none.
struct ScreenLightChallenge {
    ColourSchedule schedule;
    ScreenLightConfig config;
    double startAfterFaceMs = 300.0;
    // From onStart the screen shows the rest grey for leadInMs, then the sequence (its t = 0), then the
    // grey again until the window has passed (sequence + config.maxDelayMs + config.exposureMs).
    double leadInMs = 400.0;
    std::function<void()> onStart;
    // The clock the frames' times are read on, in ns: monotonicNowNs (the steady clock) unless a test's
    // simulated camera keeps its own, so that the judgement does not depend on how fast the machine
    // analyses (a sanitizer build).
    std::function<std::int64_t()> clockNs;
};

// ";screen_light=pass|mismatch|unmeasured|not_started", or ";screen_light=off" when not asked (a
// recording, or liveness.screen_light = false): appended to a record's liveness summary like
// passiveSummary, so a record checked without it says so.
std::string screenLightSummary(const ScreenLightFindings &findings);

struct LivenessOptions {
    std::vector<ChallengePrompt> script;
    SessionConfig session;
    // With a face engine, the session samples the tracked face's identity through the session and
    // checks its match frames against the samples (LivenessSession, "identity_changed").
    FaceEngine *identity = nullptr;
    CameraOptions camera;
    PassiveCheck passive;
    ScreenLightChallenge screenLight;
    PromptCallback onPrompt;
    FrameObserver onFrame;
};

// Runs one session with an analyzer the caller keeps (reset here), for many sessions in a row.
// Errors: the source's (openSourceSpec), a camera's identity that cannot be queried, and a camera
// lost or stalled during the session.
Result<LivenessRun> runLiveness(FrameAnalyzer &analyzer, const std::string &sourceSpec, LivenessOptions options);
// The same from a source the caller opened (a camera simulated in a test). Errors: a camera's.
Result<LivenessRun> runLiveness(FrameAnalyzer &analyzer, std::unique_ptr<FrameSource> source, LivenessOptions options);

} // namespace simkyc::vision

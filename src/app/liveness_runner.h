// Runs a whole liveness session from a frame source: recordings frame by frame, cameras through a
// capture thread (latest frame wins). Prompts are reported through a callback as they are issued.
// Thread-safety: reentrant; runs on the calling thread until the session ends.
#pragma once

#include "app/model_catalog.h"
#include "vision/face_engine.h"
#include "vision/frame_analyzer.h"
#include "vision/frame_source.h"
#include "vision/injection_check.h"
#include "vision/liveness_session.h"

#include <functional>
#include <optional>
#include <string>

namespace simkyc::app {

struct InjectionFindings {
    bool enforced = false; // cameras: findings fail the session; files (demo, tests): reported only
    std::optional<vision::CameraIdentity> camera;
    std::string virtualCamera; // why the camera is considered virtual; empty when it is not
    vision::PlausibilityReport stream;
};

struct LivenessRun {
    vision::LivenessResult result;
    std::int64_t frames = 0;
    std::string sourceKind; // "video_file", "camera", ...
    InjectionFindings injection;
    double identityDistance = -1.0; // start vs end of the session; -1 when not measured
    bool cancelled = false;         // the frame observer stopped the session (result: not passed, "cancelled")
};

using PromptCallback = std::function<void(vision::Challenge challenge, double sessionMs)>;
// Called after each frame is analysed and fed, on the thread running the session (the kiosk shows
// the preview, the prompt and the hints from it). Returning false stops the session: the run ends
// with cancelled = true, not passed, reason "cancelled".
using FrameObserver = std::function<bool(const vision::Frame &frame, const vision::FrameAnalysis &analysis,
                                         const vision::LivenessSession &session)>;

// With a face engine, a passed session must also show the same person at its start and its end:
// the embeddings of its first and latest good frontal frames must match (reason "identity_changed").
struct IdentityCheck {
    vision::FaceEngine *engine = nullptr;
    double threshold = 0.6;
};

Result<LivenessRun> runLiveness(const ModelCatalog &catalog, const std::string &sourceSpec,
                                std::vector<vision::ChallengePrompt> script, const vision::SessionConfig &config = {},
                                const PromptCallback &onPrompt = {});
// How a camera source is opened (files and folders ignore it): the mode asked for, and whether a
// virtual camera is let through (camera.allow_virtual: demos only; it is then reported, not refused).
struct CameraOptions {
    vision::CameraSpec spec;
    bool allowVirtual = false;
};

// The same with an analyzer the caller keeps (reset here), for many sessions in a row.
Result<LivenessRun> runLiveness(vision::FrameAnalyzer &analyzer, const std::string &sourceSpec,
                                std::vector<vision::ChallengePrompt> script, const vision::SessionConfig &config = {},
                                const PromptCallback &onPrompt = {}, const IdentityCheck &identity = {},
                                const FrameObserver &onFrame = {}, const CameraOptions &cameraOptions = {});

} // namespace simkyc::app

// FaceCheckService: the kiosk's face check on a worker thread of its own: loads the face engine and
// the frame analyzer once (in the background from program start: loadModels()), then per request
// runs a liveness session on the camera (or a recording), reporting every shown frame with the
// prompt and the quality hints, and ends with the match of the live face against the ID portrait.
// Guarantees:
//  - exactly one finished() per start(), carrying the request's id, unless the service is destroyed;
//    cancel() makes the running session end within one frame (finished() with cancelled = true);
//  - progress() is "latest frame wins": a frame is only reported after the GUI took the previous
//    one (previewTaken()), so a slow window never queues frames or delays the session;
//  - frames, portraits and embeddings stay in memory; nothing is written to disk or logged but
//    codes and timings;
//  - a recording (video file, image folder) is played at its own pace (a folder at 30 frames per
//    second), so the screen looks like a camera; a virtual camera is refused (vision/liveness_pipeline.h).
// Thread-safety: call from the thread that owns the service (the GUI thread); signals arrive there.
#pragma once

#include "app/face_registration.h"
#include "app/model_catalog.h"
#include "vision/capture_quality_config.h"
#include "vision/liveness_pipeline.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::app {

struct FaceCheckRequest {
    int requestId = 0;
    std::string sourceSpec;                      // vision::openSourceSpec: camera index/path, file, folder
    std::vector<vision::ChallengePrompt> script; // the prompts (sequential for cameras)
    vision::Image idPortrait;                    // the accepted ID portrait
    vision::SessionConfig config;
    vision::CameraOptions camera;                               // how a camera is opened
    double matchThreshold = vision::kDefaultMatchThreshold;     // match.threshold
    std::vector<StaffFaceRef> staffFaces;                       // the shop's staff (the staff check)
    double passiveThreshold = vision::PassiveCheck{}.threshold; // liveness.passive_threshold
    // The screen-light challenge's colours (cameras, liveness.screen_light); empty: none. The service
    // says when to show them (screenLightStarted); the session fails when the face does not reflect them.
    vision::ColourSchedule screenLight;
};

// What the customer screen shows, per reported frame.
struct FaceCheckProgress {
    int requestId = 0;
    QString state;        // vision::sessionStateName: "waiting_for_face", "running", "paused", ...
    QString prompt;       // "blink", "left", "right"; "" between prompts
    int promptNumber = 0; // 1-based number of the current (or last) prompt
    int promptCount = 0;
    QStringList hints; // vision quality hint codes ("too_far", "several_faces", ...)
    bool faceFound = false;
    vision::Image preview; // the frame as captured (not mirrored), at most 640 px wide
};

struct FaceCheckReply {
    int requestId = 0;
    std::optional<Error> error; // the camera or the models failed: nothing to record
    bool cancelled = false;
    FaceCheckOutcome outcome; // when no error and not cancelled
    std::int64_t frames = 0;
    double sessionMs = 0.0;
    double matchMs = 0.0;
};

class FaceCheckService : public QObject {
    Q_OBJECT
public:
    explicit FaceCheckService(QObject *parent = nullptr);
    ~FaceCheckService() override; // cancels a running check, then stops the thread

    // Starts loading the models on the worker thread; modelsLoaded() tells the outcome.
    // quality: the capture-quality thresholds (liveness.capture_quality_file, else the built-in ones).
    void loadModels(ModelCatalog catalog, vision::CaptureQualityConfig quality = vision::defaultCaptureQualityConfig());
    [[nodiscard]] bool modelsReady() const { return m_modelsReady; }
    // The loading error ("" while loading or when ready).
    [[nodiscard]] QString modelsError() const { return m_modelsError; }
    // The optional MiniFASNet passive cue was loaded with the models (false while loading).
    [[nodiscard]] bool passiveAvailable() const { return m_passiveAvailable; }

    // Ignored (with a warning) while a check runs or before the models are ready.
    void start(FaceCheckRequest request);
    void cancel();
    [[nodiscard]] bool running() const { return m_running; }
    // The GUI took the last progress() frame: the next one may be reported.
    void previewTaken() { m_previewPending.store(false); }

signals:
    void modelsLoaded(bool ok);
    void progress(const simkyc::app::FaceCheckProgress &progress);
    void finished(const simkyc::app::FaceCheckReply &reply);
    // The request's screen-light sequence starts now: show it (ScreenFlash, from its lead-in).
    void screenLightStarted(int requestId);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives on m_thread
    bool m_modelsReady = false;
    QString m_modelsError;
    bool m_passiveAvailable = false;
    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    std::atomic<bool> m_previewPending{false};
};

} // namespace simkyc::app

Q_DECLARE_METATYPE(simkyc::app::FaceCheckProgress)
Q_DECLARE_METATYPE(simkyc::app::FaceCheckReply)

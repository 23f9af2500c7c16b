// IdCardCamera: the ID photo step's camera. On a thread of its own it reads a frame source (the
// shop's camera; a recording in demos and tests), reports every frame it shows with the card it
// found and a hint (vision::CardCapture), and takes the card's photo when the card is found, still,
// sharp and has one portrait on it.
// Guarantees:
//  - exactly one finished() per start(), carrying the request's id, unless the camera is destroyed;
//    stop() makes the running capture end within one frame (finished() with stopped = true);
//  - progress() is "latest frame wins": a frame is only reported after the GUI took the previous one
//    (previewTaken()), so a slow window never queues frames;
//  - the source is closed when the capture ends (the face check may open the same camera next);
//  - frames and the card stay in memory: nothing is written to disk, nothing logged but codes and
//    timings;
//  - a recording is played at its own pace (an image folder at 30 frames per second); its end
//    without a card is the error kIdCameraEnded.
// Thread-safety: call from the thread that owns the camera (the GUI thread); signals arrive there.
#pragma once

#include "app/gui/id_portrait_finder.h"
#include "vision/card_capture.h"
#include "vision/image.h"

#include <QMetaType>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace simkyc::app {

// More IdPhotoResult error codes, for the camera.
inline constexpr const char *kIdCameraUnavailable = "camera_unavailable"; // cannot be opened, or lost
inline constexpr const char *kIdCameraEnded = "camera_ended";             // a recording ended without a card

struct IdCameraProgress {
    int requestId = 0;
    QString hint;                 // vision::cardHintName: "no_card", "hold_still", "blurred", ...
    std::vector<QPointF> corners; // the card's corners in the preview, as shares of its width and height
    vision::Image preview;        // the frame as captured, at most 640 px wide
};

struct IdCameraReply {
    IdPhotoResult result; // document: the rectified card; portrait; fromCard; errorCode
    bool stopped = false;
    std::int64_t frames = 0; // frames read
};

class IdCardCamera : public QObject {
    Q_OBJECT
public:
    explicit IdCardCamera(QObject *parent = nullptr);
    ~IdCardCamera() override; // stops a running capture, then the thread

    // spec: vision::openSourceSpec (camera device or index, video file, image folder, image).
    // Ignored (with a warning) while a capture runs.
    void start(int requestId, const std::string &spec, vision::CardCaptureConfig config = {});
    void stop();
    [[nodiscard]] bool running() const { return m_running; }
    void previewTaken() { m_previewPending.store(false); }

signals:
    void progress(const simkyc::app::IdCameraProgress &progress);
    void finished(const simkyc::app::IdCameraReply &reply);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives on m_thread
    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_stop = std::make_shared<std::atomic<bool>>(false);
    std::atomic<bool> m_previewPending{false};
};

} // namespace simkyc::app

Q_DECLARE_METATYPE(simkyc::app::IdCameraProgress)
Q_DECLARE_METATYPE(simkyc::app::IdCameraReply)

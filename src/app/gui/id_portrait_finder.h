// IdPortraitFinder: loads an ID-document image (scanner file or chip-reader JPEG) and finds the
// holder's portrait on it (vision::loadImage with size limits, then vision::idPortraitFromImage),
// reporting the outcome with the signal found(), as a value.
//  - DirectIdPortraitFinder works on the caller's thread: found() is emitted before find() returns
//    (unit tests);
//  - ThreadedIdPortraitFinder works on a thread of its own with its own FaceDetector, so the window
//    keeps drawing during the decode and the face search (~0.3-1 s); found() arrives queued.
// Guarantees: exactly one found() per find(), carrying the request's id; nothing is written to disk
// and nothing is logged but codes and timings (never the path, which may name the customer).
// Several faces of a size that could be the holder's are refused (several_faces): the clerk must
// scan the ID page alone.
// Thread-safety: call find() from the thread that owns the finder (the GUI thread).
#pragma once

#include "vision/face_detector.h"
#include "vision/image.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>

namespace simkyc::app {

// Stable codes of IdPhotoResult::errorCode.
inline constexpr const char *kIdNotFound = "not_found";                  // no such file
inline constexpr const char *kIdUnreadable = "unreadable";               // not an image, damaged, or too large
inline constexpr const char *kIdNoFace = "no_face";                      // no face on the document
inline constexpr const char *kIdSeveralFaces = "several_faces";          // more than one face
inline constexpr const char *kIdPortraitTooSmall = "portrait_too_small"; // face narrower than 40 px
inline constexpr const char *kIdInternal = "internal";                   // a bug; the message says more

inline constexpr int kDocumentPreviewSidePx = 1000; // IdPhotoResult::document is at most this large

struct IdPhotoResult {
    int requestId = 0;
    QString errorCode;      // "" when a portrait was found, else one of the codes above
    QString detail;         // English, for the log and support (no customer data)
    vision::Image document; // the loaded image, scaled down to kDocumentPreviewSidePx (when it loaded)
    vision::Image portrait; // the portrait crop (102:126), when found
    int faceCount = 0;
    bool fromCard = false; // found on a card detected in a camera frame
    qint64 loadMs = 0;     // decoding
    qint64 findMs = 0;     // face search and crop
    [[nodiscard]] bool ok() const { return errorCode.isEmpty(); }
};

// The work itself, shared by both finders.
[[nodiscard]] IdPhotoResult findIdPortrait(int requestId, const QString &path, vision::FaceDetector &detector,
                                           const vision::ImageLimits &limits = {});

class IdPortraitFinder : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void find(int requestId, const QString &path) = 0;

signals:
    void found(const simkyc::app::IdPhotoResult &result);
};

class DirectIdPortraitFinder : public IdPortraitFinder {
    Q_OBJECT
public:
    using IdPortraitFinder::IdPortraitFinder;
    void find(int requestId, const QString &path) override;

private:
    vision::FaceDetector m_detector;
};

class ThreadedIdPortraitFinder : public IdPortraitFinder {
    Q_OBJECT
public:
    explicit ThreadedIdPortraitFinder(QObject *parent = nullptr);
    ~ThreadedIdPortraitFinder() override; // waits for a running search, then stops the thread
    void find(int requestId, const QString &path) override;

private:
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread, deleted when it finishes
};

} // namespace simkyc::app

Q_DECLARE_METATYPE(simkyc::app::IdPhotoResult)

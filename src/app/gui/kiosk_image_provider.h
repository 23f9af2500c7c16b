// KioskImageProvider: hands the kiosk's images to QML straight from memory, nothing written to disk:
// the ID photo step's as image://kiosk/document/N and image://kiosk/portrait/N (N:
// IdPhotoModel::imageSerial, so a new image is a new URL), the ID camera's latest frame as
// image://kiosk/idcamera/N (N: IdPhotoModel::cameraSerial), and the face check's latest camera frame
// as image://kiosk/live/N (N: FaceCheckView::previewSerial), the manager's review picture of an
// opened record as image://kiosk/review/N (N: RecordDetailModel::pictureSerial). follow() copies the images whenever
// they change and forgets them when the model drops them. Thread-safety: requestImage() may run on a QML loader thread;
// the images are guarded by a mutex.
#pragma once

#include "vision/image.h"

#include <QImage>
#include <QMutex>
#include <QQuickImageProvider>

namespace simkyc::app {

class FaceCheckView;
class IdPhotoModel;
class RecordDetailModel;

// A QImage copy of a BGR or grey vision::Image (null for an empty one).
[[nodiscard]] QImage toQImage(const vision::Image &image);

class KioskImageProvider : public QQuickImageProvider {
public:
    static constexpr const char *kId = "kiosk";
    KioskImageProvider();

    // GUI thread: keeps the provider's copies equal to the model's images while `context` lives
    // (the owner of the engine that owns this provider; the model must outlive it).
    void follow(IdPhotoModel &model, QObject &context);
    void follow(FaceCheckView &view, QObject &context);
    void follow(RecordDetailModel &record, QObject &context);
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    void set(QImage document, QImage portrait);

    QMutex m_mutex;
    QImage m_document;
    QImage m_portrait;
    QImage m_live;
    QImage m_idCamera;
    QImage m_review;
};

} // namespace simkyc::app

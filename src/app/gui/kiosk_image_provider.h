// KioskImageProvider: hands the ID photo step's images to QML as image://kiosk/document/N and
// image://kiosk/portrait/N (N: IdPhotoModel::imageSerial, so a new image is a new URL) straight from
// memory: nothing is written to disk. follow() copies the model's images whenever they change and
// forgets them when the model drops them.
// Thread-safety: requestImage() may run on a QML loader thread; the images are guarded by a mutex.
#pragma once

#include "vision/image.h"

#include <QImage>
#include <QMutex>
#include <QQuickImageProvider>

namespace simkyc::app {

class IdPhotoModel;

// A QImage copy of a BGR or grey vision::Image (null for an empty one).
[[nodiscard]] QImage toQImage(const vision::Image &image);

class KioskImageProvider : public QQuickImageProvider {
public:
    static constexpr const char *kId = "kiosk";
    KioskImageProvider();

    // GUI thread: keeps the provider's copies equal to the model's images while `context` lives
    // (the owner of the engine that owns this provider; the model must outlive it).
    void follow(IdPhotoModel &model, QObject &context);
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    void set(QImage document, QImage portrait);

    QMutex m_mutex;
    QImage m_document;
    QImage m_portrait;
};

} // namespace simkyc::app

#include "app/gui/kiosk_image_provider.h"

#include "app/gui/face_check_view.h"
#include "app/gui/id_photo_model.h"
#include "app/gui/record_detail_model.h"

#include <QMutexLocker>

namespace simkyc::app {

QImage toQImage(const vision::Image &image)
{
    if (image.empty())
        return {};
    const auto format = image.channels() == 1 ? QImage::Format_Grayscale8 : QImage::Format_BGR888;
    // The wrapper borrows the pixels; copy() gives the QImage its own.
    return QImage(image.data(), image.width(), image.height(), qsizetype(image.stride()), format).copy();
}

KioskImageProvider::KioskImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}

void KioskImageProvider::follow(IdPhotoModel &model, QObject &context)
{
    QObject::connect(&model, &IdPhotoModel::imagesChanged, &context,
                     [this, &model] { set(toQImage(model.document()), toQImage(model.portrait())); });
    set(toQImage(model.document()), toQImage(model.portrait()));
    QObject::connect(&model, &IdPhotoModel::cameraChanged, &context, [this, &model] {
        QImage frame = toQImage(model.cameraPreview());
        const QMutexLocker lock(&m_mutex);
        m_idCamera = std::move(frame);
    });
}

void KioskImageProvider::follow(FaceCheckView &view, QObject &context)
{
    QObject::connect(&view, &FaceCheckView::previewChanged, &context, [this, &view] {
        QImage live = toQImage(view.preview());
        const QMutexLocker lock(&m_mutex);
        m_live = std::move(live);
    });
}

void KioskImageProvider::follow(RecordDetailModel &record, QObject &context)
{
    QObject::connect(&record, &RecordDetailModel::changed, &context, [this, &record] {
        QImage review = record.hasPicture() ? QImage::fromData(record.pictureJpeg(), "JPEG") : QImage();
        const QMutexLocker lock(&m_mutex);
        m_review = std::move(review);
    });
}

void KioskImageProvider::set(QImage document, QImage portrait)
{
    const QMutexLocker lock(&m_mutex);
    m_document = std::move(document);
    m_portrait = std::move(portrait);
}

QImage KioskImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    QImage image;
    {
        const QMutexLocker lock(&m_mutex);
        if (id.startsWith(QLatin1String("document/")))
            image = m_document;
        else if (id.startsWith(QLatin1String("portrait/")))
            image = m_portrait;
        else if (id.startsWith(QLatin1String("idcamera/")))
            image = m_idCamera;
        else if (id.startsWith(QLatin1String("live/")))
            image = m_live;
        else if (id.startsWith(QLatin1String("review/")))
            image = m_review;
    }
    if (image.isNull()) { // dropped meanwhile: a transparent pixel rather than a QML warning
        image = QImage(1, 1, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
    }
    if (requestedSize.isValid() && !requestedSize.isEmpty())
        image = image.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (size != nullptr)
        *size = image.size();
    return image;
}

} // namespace simkyc::app

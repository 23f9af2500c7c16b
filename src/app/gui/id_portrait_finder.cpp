#include "app/gui/id_portrait_finder.h"

#include "vision/id_card.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace simkyc::app {

IdPhotoResult findIdPortrait(int requestId, const QString &path, vision::FaceDetector &detector,
                             const vision::ImageLimits &limits)
{
    IdPhotoResult r;
    r.requestId = requestId;
    QElapsedTimer timer;
    timer.start();
    if (!QFileInfo(path).isFile()) {
        r.errorCode = QString::fromLatin1(kIdNotFound);
        r.detail = QStringLiteral("no such file");
        return r;
    }
    auto image = vision::loadImage(path.toStdString(), limits);
    r.loadMs = timer.restart();
    if (!image.ok()) {
        r.errorCode = QString::fromLatin1(image.error().code == ErrorCode::NotFound ? kIdNotFound : kIdUnreadable);
        r.detail = QString::fromStdString(image.error().toString());
        return r;
    }
    r.document = vision::resizeToFit(*image, kDocumentPreviewSidePx);
    auto portrait = vision::idPortraitFromImage(*image, detector);
    r.findMs = timer.elapsed();
    if (!portrait.ok()) {
        switch (portrait.error().code) {
        case ErrorCode::NoFace: r.errorCode = QString::fromLatin1(kIdNoFace); break;
        case ErrorCode::Unreadable: r.errorCode = QString::fromLatin1(kIdPortraitTooSmall); break;
        case ErrorCode::SeveralFaces: r.errorCode = QString::fromLatin1(kIdSeveralFaces); break;
        default: r.errorCode = QString::fromLatin1(kIdInternal); break;
        }
        r.detail = QString::fromStdString(portrait.error().toString());
        return r;
    }
    r.faceCount = portrait->faceCount;
    r.fromCard = portrait->fromCard;
    if (r.faceCount > 1) {
        r.errorCode = QString::fromLatin1(kIdSeveralFaces);
        r.detail = QStringLiteral("%1 faces on the document").arg(r.faceCount);
        return r;
    }
    r.portrait = portrait->portrait;
    return r;
}

void DirectIdPortraitFinder::find(int requestId, const QString &path)
{
    emit found(findIdPortrait(requestId, path, m_detector));
}

namespace {

// Lives on the finder's thread; owns that thread's face detector.
class IdPortraitWorker : public QObject {
    Q_OBJECT
public:
    void find(int requestId, const QString &path) { emit found(findIdPortrait(requestId, path, m_detector)); }

signals:
    void found(const simkyc::app::IdPhotoResult &result);

private:
    vision::FaceDetector m_detector;
};

} // namespace

ThreadedIdPortraitFinder::ThreadedIdPortraitFinder(QObject *parent) : IdPortraitFinder(parent)
{
    qRegisterMetaType<IdPhotoResult>();
    auto *worker = new IdPortraitWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &IdPortraitWorker::found, this, &IdPortraitFinder::found, Qt::QueuedConnection);
    m_worker = worker;
    m_thread.setObjectName(QStringLiteral("simkyc-idphoto"));
    m_thread.start();
}

ThreadedIdPortraitFinder::~ThreadedIdPortraitFinder()
{
    m_thread.quit();
    m_thread.wait();
}

void ThreadedIdPortraitFinder::find(int requestId, const QString &path)
{
    auto *worker = static_cast<IdPortraitWorker *>(m_worker);
    QMetaObject::invokeMethod(
        worker, [worker, requestId, path] { worker->find(requestId, path); }, Qt::QueuedConnection);
}

} // namespace simkyc::app

#include "id_portrait_finder.moc"

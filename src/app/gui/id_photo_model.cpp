#include "app/gui/id_photo_model.h"

#include "app/gui/gui_log.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace simkyc::app {
namespace {

constexpr int kMaxListedFiles = 200;

} // namespace

QString idPhotoErrorMessage(const QString &code)
{
    if (code == QLatin1String(kIdNotFound))
        return QCoreApplication::translate(
            "IdPhotoModel", "This file does not exist. Check the folder and the name, or scan the card again.");
    if (code == QLatin1String(kIdUnreadable))
        return QCoreApplication::translate(
            "IdPhotoModel", "This file cannot be read as an image (damaged, not an image, or too large). "
                            "Scan the ID card again and save it as PNG or JPEG.");
    if (code == QLatin1String(kIdNoFace))
        return QCoreApplication::translate(
            "IdPhotoModel", "No face was found on this image. Check that the page with the photo was scanned, "
                            "the right way up and not cut off, then choose it again.");
    if (code == QLatin1String(kIdSeveralFaces))
        return QCoreApplication::translate(
            "IdPhotoModel", "There is more than one face on this image. Scan the customer's ID page alone on the "
                            "scanner glass, then choose the new file.");
    if (code == QLatin1String(kIdPortraitTooSmall))
        return QCoreApplication::translate(
            "IdPhotoModel", "The photo on the document is too small or blurred to be checked. Scan the card again "
                            "at 300 dpi or more.");
    if (code == QLatin1String(kIdCameraUnavailable))
        return QCoreApplication::translate(
            "IdPhotoModel", "The camera cannot be used (not connected, busy or gone). Check its cable, or scan the "
                            "card and choose the file instead.");
    if (code == QLatin1String(kIdCameraEnded))
        return QCoreApplication::translate(
            "IdPhotoModel", "The recording ended before a card was seen. Start the camera again, or choose the "
                            "scanned file.");
    return QCoreApplication::translate(
        "IdPhotoModel", "The image could not be checked (internal error). Try again; if it happens again, tell "
                        "the manager.");
}

QString idCameraHintText(const QString &hint)
{
    if (hint == QLatin1String("no_card"))
        return QCoreApplication::translate("IdPhotoModel",
                                           "Hold the card flat inside the frame, photo side to the camera.");
    if (hint == QLatin1String("hold_still"))
        return QCoreApplication::translate("IdPhotoModel", "Card found. Hold it still…");
    if (hint == QLatin1String("blurred"))
        return QCoreApplication::translate("IdPhotoModel",
                                           "The card is blurred. Hold it still, a little further from the camera.");
    if (hint == QLatin1String("no_portrait"))
        return QCoreApplication::translate("IdPhotoModel", "No photo on this side. Turn the card over.");
    if (hint == QLatin1String("portrait_too_small"))
        return QCoreApplication::translate("IdPhotoModel", "The photo is too small. Hold the card closer.");
    if (hint == QLatin1String("several_faces"))
        return QCoreApplication::translate("IdPhotoModel", "More than one face on the card. Show the ID card alone.");
    return QCoreApplication::translate("IdPhotoModel", "Starting the camera…");
}

IdPhotoModel::IdPhotoModel(IdPortraitFinder &finder, QObject *parent) : QObject(parent), m_finder(finder)
{
    connect(&m_finder, &IdPortraitFinder::found, this, &IdPhotoModel::onFound);
}

void IdPhotoModel::setCamera(IdCardCamera *camera, std::string spec)
{
    if (m_camera != nullptr)
        disconnect(m_camera, nullptr, this, nullptr);
    m_camera = camera;
    m_cameraSpec = std::move(spec);
    if (m_camera != nullptr) {
        connect(m_camera, &IdCardCamera::progress, this, &IdPhotoModel::onCameraProgress);
        connect(m_camera, &IdCardCamera::finished, this, &IdPhotoModel::onCameraFinished);
    }
    emit changed();
}

QString IdPhotoModel::cameraHintText() const
{
    return idCameraHintText(m_cameraHint);
}

void IdPhotoModel::startCamera()
{
    if (!cameraAvailable() || m_cameraActive || m_camera->running())
        return;
    clear();
    m_cameraActive = true;
    m_loadedName = QCoreApplication::translate("IdPhotoModel", "camera");
    m_camera->start(m_requestId, m_cameraSpec);
    qCInfo(lcGui) << "ID photo: camera started";
    emit changed();
}

void IdPhotoModel::stopCamera()
{
    if (!m_cameraActive)
        return;
    m_cameraActive = false;
    ++m_requestId; // the capture's reply is dropped
    m_camera->stop();
    dropCameraFrame();
    emit changed();
}

void IdPhotoModel::onCameraProgress(const IdCameraProgress &progress)
{
    m_camera->previewTaken();
    if (progress.requestId != m_requestId || !m_cameraActive)
        return;
    m_cameraHint = progress.hint;
    m_cameraCorners.clear();
    for (const QPointF &corner : progress.corners)
        m_cameraCorners << corner;
    m_cameraPreview = progress.preview;
    ++m_cameraSerial;
    emit cameraChanged();
}

void IdPhotoModel::onCameraFinished(const IdCameraReply &reply)
{
    if (reply.result.requestId != m_requestId || !m_cameraActive)
        return; // stopped, or superseded by clear()
    m_cameraActive = false;
    dropCameraFrame();
    const IdPhotoResult &result = reply.result;
    m_findMs = int(result.findMs);
    qCInfo(lcGui).noquote() << QStringLiteral("ID photo from the camera: %1 after %2 frames, %3 ms (%4)")
                                   .arg(result.ok() ? QStringLiteral("portrait found") : result.errorCode)
                                   .arg(reply.frames)
                                   .arg(result.findMs)
                                   .arg(result.detail);
    show(result);
}

void IdPhotoModel::dropCameraFrame()
{
    m_cameraHint.clear();
    m_cameraCorners.clear();
    m_cameraPreview = {};
    ++m_cameraSerial;
    emit cameraChanged();
}

QString IdPhotoModel::status() const
{
    if (m_busy)
        return QStringLiteral("loading");
    if (!m_errorCode.isEmpty())
        return QStringLiteral("error");
    if (!m_portrait.empty())
        return QStringLiteral("found");
    return QStringLiteral("empty");
}

void IdPhotoModel::setFolder(const QString &folder)
{
    m_folder = folder;
    refreshFiles();
}

void IdPhotoModel::refreshFiles()
{
    QDir dir(m_folder);
    QStringList names;
    if (!m_folder.isEmpty() && dir.exists()) {
        const QStringList filters{"*.png", "*.jpg", "*.jpeg", "*.bmp", "*.tif", "*.tiff", "*.webp"};
        dir.setNameFilters(filters);
        dir.setFilter(QDir::Files | QDir::Readable);
        dir.setSorting(QDir::Time | QDir::IgnoreCase); // newest first
        names = dir.entryList();
        if (names.size() > kMaxListedFiles)
            names = names.mid(0, kMaxListedFiles);
    }
    m_files = names;
    emit filesChanged();
}

void IdPhotoModel::loadFile(const QString &name)
{
    if (name.isEmpty() || name.contains(QLatin1Char('/')))
        return;
    loadPath(QDir(m_folder).filePath(name));
}

void IdPhotoModel::loadPath(const QString &path)
{
    if (m_busy) {
        qCWarning(lcGui) << "ID photo: load ignored, a search is running";
        return;
    }
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty())
        return;
    stopCamera();
    m_errorCode.clear();
    m_errorMessage.clear();
    m_loadedName = QFileInfo(trimmed).fileName();
    setImages({}, {});
    m_busy = true;
    emit changed();
    m_finder.find(++m_requestId, trimmed); // may answer before returning (direct finder)
}

void IdPhotoModel::onFound(const IdPhotoResult &result)
{
    if (result.requestId != m_requestId || !m_busy)
        return; // superseded by clear()
    m_busy = false;
    m_findMs = int(result.loadMs + result.findMs);
    qCInfo(lcGui).noquote() << QStringLiteral("ID photo: %1 (faces %2, decode %3 ms, face search %4 ms)%5")
                                   .arg(result.ok() ? QStringLiteral("portrait found") : result.errorCode)
                                   .arg(result.faceCount)
                                   .arg(result.loadMs)
                                   .arg(result.findMs)
                                   .arg(result.ok() ? QString() : QStringLiteral(": ") + result.detail);
    show(result);
}

void IdPhotoModel::show(const IdPhotoResult &result)
{
    m_errorCode = result.errorCode;
    m_errorMessage = result.ok() ? QString() : idPhotoErrorMessage(result.errorCode);
    setImages(result.document, result.portrait);
    emit changed();
    emit searchFinished();
}

void IdPhotoModel::clear()
{
    stopCamera();
    ++m_requestId; // a running search's reply is dropped
    m_busy = false;
    m_errorCode.clear();
    m_errorMessage.clear();
    m_loadedName.clear();
    setImages({}, {});
    emit changed();
}

void IdPhotoModel::setImages(vision::Image document, vision::Image portrait)
{
    if (m_document.empty() && document.empty() && m_portrait.empty() && portrait.empty())
        return;
    m_document = std::move(document);
    m_portrait = std::move(portrait);
    ++m_serial;
    emit imagesChanged();
}

} // namespace simkyc::app

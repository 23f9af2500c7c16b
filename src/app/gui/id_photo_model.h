// IdPhotoModel: the view-model of the ID photo step. The clerk picks the ID-document image that the
// scanner or chip reader saved in a folder (listed newest first) or types a path; the model has an
// IdPortraitFinder load it and find the holder's portrait, then holds the document preview and the
// portrait for the screen, or a translated error saying what to do. Or the clerk holds the card up
// to the camera (when one is set): the model shows its frames with the card found and a hint, and
// the IdCardCamera takes the card's photo by itself once it is still, sharp and has one portrait.
// Guarantees:
//  - one search or camera capture at a time; loading a file stops the camera;
//  - one search at a time (busy meanwhile; load requests are ignored); a reply to a request that
//    was superseded by clear() is dropped, so a cancelled registration never gets its photo back;
//  - images are kept in memory only (never written anywhere) and dropped by clear();
//  - the file list holds image files only (png, jpg, jpeg, bmp, tif, tiff, webp), at most 200.
// Thread-safety: GUI thread only; Qt Core only (no window needed).
#pragma once

#include "app/gui/id_card_camera.h"
#include "app/gui/id_portrait_finder.h"
#include "vision/image.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace simkyc::app {

class IdPhotoModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY filesChanged)
    Q_PROPERTY(QStringList files READ files NOTIFY filesChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)
    Q_PROPERTY(QString loadedName READ loadedName NOTIFY changed)
    Q_PROPERTY(bool hasDocument READ hasDocument NOTIFY changed)
    Q_PROPERTY(bool hasPortrait READ hasPortrait NOTIFY changed)
    Q_PROPERTY(int imageSerial READ imageSerial NOTIFY changed)
    Q_PROPERTY(int findMs READ findMs NOTIFY changed)
    Q_PROPERTY(bool cameraAvailable READ cameraAvailable NOTIFY changed)
    Q_PROPERTY(QString cameraName READ cameraName NOTIFY changed)
    Q_PROPERTY(bool cameraActive READ cameraActive NOTIFY changed)
    Q_PROPERTY(QString cameraHint READ cameraHint NOTIFY cameraChanged)
    Q_PROPERTY(QString cameraHintText READ cameraHintText NOTIFY cameraChanged)
    Q_PROPERTY(QVariantList cameraCorners READ cameraCorners NOTIFY cameraChanged)
    Q_PROPERTY(int cameraSerial READ cameraSerial NOTIFY cameraChanged)

public:
    // finder must outlive the model.
    explicit IdPhotoModel(IdPortraitFinder &finder, QObject *parent = nullptr);

    [[nodiscard]] QString folder() const { return m_folder; }
    void setFolder(const QString &folder); // also refreshes the list
    // File names (not paths) in folder(), newest first.
    [[nodiscard]] QStringList files() const { return m_files; }
    [[nodiscard]] bool busy() const { return m_busy; }
    // "empty" (nothing loaded), "loading", "found" (a portrait), "error".
    [[nodiscard]] QString status() const;
    // "" or one of the IdPhotoResult codes (kIdNoFace...).
    [[nodiscard]] QString errorCode() const { return m_errorCode; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] QString loadedName() const { return m_loadedName; }
    [[nodiscard]] bool hasDocument() const { return !m_document.empty(); }
    [[nodiscard]] bool hasPortrait() const { return !m_portrait.empty(); }
    // Changes whenever the images do (QML appends it to the image URL so the view reloads).
    [[nodiscard]] int imageSerial() const { return m_serial; }
    // Time of the last search (decode + face search) on the finder's thread, ms.
    [[nodiscard]] int findMs() const { return m_findMs; }
    // The camera for holding the card up (must outlive the model) and its source spec
    // (vision::openSourceSpec); without one (or with an empty spec) cameraAvailable is false.
    void setCamera(IdCardCamera *camera, std::string spec);
    [[nodiscard]] bool cameraAvailable() const { return m_camera != nullptr && !m_cameraSpec.empty(); }
    [[nodiscard]] QString cameraName() const { return QString::fromStdString(m_cameraSpec); }
    [[nodiscard]] bool cameraActive() const { return m_cameraActive; }
    // While the camera runs: vision::cardHintName of the last frame shown, and its words.
    [[nodiscard]] QString cameraHint() const { return m_cameraHint; }
    [[nodiscard]] QString cameraHintText() const;
    // The card's corners in the preview (4 QPointF, shares of its width and height), or empty.
    [[nodiscard]] QVariantList cameraCorners() const { return m_cameraCorners; }
    // Changes with every frame shown (QML appends it to the preview's URL).
    [[nodiscard]] int cameraSerial() const { return m_cameraSerial; }
    [[nodiscard]] const vision::Image &cameraPreview() const { return m_cameraPreview; }
    [[nodiscard]] const vision::Image &document() const { return m_document; }
    [[nodiscard]] const vision::Image &portrait() const { return m_portrait; }

    Q_INVOKABLE void refreshFiles();
    // A file of folder() by name (as listed), or a path typed by the clerk.
    Q_INVOKABLE void loadFile(const QString &name);
    Q_INVOKABLE void loadPath(const QString &path);
    // Drops the document, the portrait and the error (the clerk chooses another file); stops the camera.
    Q_INVOKABLE void clear();
    // Starts taking the card's photo with the camera (drops what was loaded); ignored without one.
    Q_INVOKABLE void startCamera();
    Q_INVOKABLE void stopCamera();

signals:
    void filesChanged();
    void changed();
    void imagesChanged();
    // A search ended (found or not); the screen moves its focus by it.
    void searchFinished();
    // A camera frame to show (preview, hint, corners).
    void cameraChanged();

private:
    void onFound(const IdPhotoResult &result);
    void onCameraProgress(const IdCameraProgress &progress);
    void onCameraFinished(const IdCameraReply &reply);
    // The outcome of a search or a capture: the images, or the error in words.
    void show(const IdPhotoResult &result);
    void dropCameraFrame();
    void setImages(vision::Image document, vision::Image portrait);

    IdPortraitFinder &m_finder;
    QString m_folder;
    QStringList m_files;
    bool m_busy = false;
    int m_requestId = 0;
    QString m_errorCode;
    QString m_errorMessage;
    QString m_loadedName;
    vision::Image m_document;
    vision::Image m_portrait;
    int m_serial = 0;
    int m_findMs = 0;
    IdCardCamera *m_camera = nullptr;
    std::string m_cameraSpec;
    bool m_cameraActive = false;
    QString m_cameraHint;
    QVariantList m_cameraCorners;
    vision::Image m_cameraPreview;
    int m_cameraSerial = 0;
};

// The clerk's message for an IdPhotoResult error code: what happened and what to do (translated).
[[nodiscard]] QString idPhotoErrorMessage(const QString &code);
// The clerk's words for a vision::cardHintName code while the camera looks for the card (translated).
[[nodiscard]] QString idCameraHintText(const QString &hint);

} // namespace simkyc::app

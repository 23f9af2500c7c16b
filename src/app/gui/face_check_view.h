// FaceCheckView: what the customer screen shows during the face check, set by the workflow from the
// FaceCheckService's reports: status, the current prompt, the quality hints (codes and one sentence),
// and the latest preview frame (served to QML by the image provider as image://kiosk/live/N).
// It holds no rules: the workflow decides; this only carries values and translates codes to words.
// Thread-safety: GUI thread only. Depends on Qt Core only.
#pragma once

#include "vision/image.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace simkyc::app {

class FaceCheckView : public QObject {
    Q_OBJECT
    // "idle", "loading_models", "running", "error", "no_camera", "models_failed", "too_many_attempts"
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY
                   changed) // for "error", "models_failed", "too_many_attempts", "no_camera" (the demo's search)
    Q_PROPERTY(QString state READ state NOTIFY changed)   // the session's state name
    Q_PROPERTY(QString prompt READ prompt NOTIFY changed) // "blink", "left", "right" or ""
    Q_PROPERTY(int promptNumber READ promptNumber NOTIFY changed)
    Q_PROPERTY(int promptCount READ promptCount NOTIFY changed)
    Q_PROPERTY(int promptSerial READ promptSerial NOTIFY changed) // +1 at every new prompt (restarts the ring)
    Q_PROPERTY(int promptTimeoutMs READ promptTimeoutMs NOTIFY changed)
    Q_PROPERTY(QStringList hints READ hints NOTIFY changed)
    Q_PROPERTY(QString hintText READ hintText NOTIFY changed) // the first hint in words, "" when none
    Q_PROPERTY(bool faceFound READ faceFound NOTIFY changed)
    Q_PROPERTY(int previewSerial READ previewSerial NOTIFY previewChanged)
    Q_PROPERTY(bool recording READ recording NOTIFY changed) // the source is a recording (demo), not a camera

public:
    using QObject::QObject;

    [[nodiscard]] QString status() const { return m_status; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] QString prompt() const { return m_prompt; }
    [[nodiscard]] int promptNumber() const { return m_promptNumber; }
    [[nodiscard]] int promptCount() const { return m_promptCount; }
    [[nodiscard]] int promptSerial() const { return m_promptSerial; }
    [[nodiscard]] int promptTimeoutMs() const { return m_promptTimeoutMs; }
    [[nodiscard]] QStringList hints() const { return m_hints; }
    [[nodiscard]] QString hintText() const;
    [[nodiscard]] bool faceFound() const { return m_faceFound; }
    [[nodiscard]] int previewSerial() const { return m_previewSerial; }
    [[nodiscard]] bool recording() const { return m_recording; }
    [[nodiscard]] const vision::Image &preview() const { return m_preview; }

    // The words for a quality hint code ("" for an unknown one).
    [[nodiscard]] static QString hintWords(const QString &code);

    void setStatus(const QString &status, const QString &message = {});
    void startSession(int promptCount, int promptTimeoutMs, bool recording);
    void update(const QString &state, const QString &prompt, int promptNumber, const QStringList &hints,
                bool faceFound);
    void setPreview(vision::Image preview);
    // Back to "idle" with no frame (memory only: the frame is dropped).
    void clear();

signals:
    void changed();
    void previewChanged();

private:
    QString m_status = QStringLiteral("idle");
    QString m_message;
    QString m_state;
    QString m_prompt;
    int m_promptNumber = 0;
    int m_promptCount = 0;
    int m_promptSerial = 0;
    int m_promptTimeoutMs = 0;
    QStringList m_hints;
    bool m_faceFound = false;
    int m_previewSerial = 0;
    bool m_recording = false;
    vision::Image m_preview;
};

} // namespace simkyc::app

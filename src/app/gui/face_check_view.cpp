#include "app/gui/face_check_view.h"

#include <QCoreApplication>

namespace simkyc::app {

QString FaceCheckView::hintWords(const QString &code)
{
    // Translation context "FaceCheck": what the customer reads under the preview.
    static const struct {
        const char *code;
        const char *words;
    } kWords[] = {
        {"no_face", QT_TRANSLATE_NOOP("FaceCheck", "Look into the camera, please.")},
        {"several_faces", QT_TRANSLATE_NOOP("FaceCheck", "Only one person, please.")},
        {"too_far", QT_TRANSLATE_NOOP("FaceCheck", "Move closer.")},
        {"too_close", QT_TRANSLATE_NOOP("FaceCheck", "Move back a little.")},
        {"off_centre", QT_TRANSLATE_NOOP("FaceCheck", "Move your face into the oval.")},
        {"not_frontal", QT_TRANSLATE_NOOP("FaceCheck", "Look straight at the camera.")},
        {"too_dark", QT_TRANSLATE_NOOP("FaceCheck", "Too dark: face the light, please.")},
        {"too_bright", QT_TRANSLATE_NOOP("FaceCheck", "Too bright: step out of the direct light.")},
        {"backlit", QT_TRANSLATE_NOOP("FaceCheck", "The light is behind you: turn towards the light.")},
        {"blurred", QT_TRANSLATE_NOOP("FaceCheck", "Hold still, please.")},
        {"eyes_closed", QT_TRANSLATE_NOOP("FaceCheck", "Open your eyes, please.")},
    };
    for (const auto &w : kWords)
        if (code == QLatin1String(w.code))
            return QCoreApplication::translate("FaceCheck", w.words);
    return {};
}

QString FaceCheckView::hintText() const
{
    for (const auto &code : m_hints)
        if (QString words = hintWords(code); !words.isEmpty())
            return words;
    return {};
}

void FaceCheckView::setStatus(const QString &status, const QString &message)
{
    m_status = status;
    m_message = message;
    emit changed();
}

void FaceCheckView::startSession(int promptCount, int promptTimeoutMs, bool recording)
{
    m_status = QStringLiteral("running");
    m_message.clear();
    m_state = QStringLiteral("waiting_for_face");
    m_prompt.clear();
    m_promptNumber = 0;
    m_promptCount = promptCount;
    m_promptTimeoutMs = promptTimeoutMs;
    m_hints.clear();
    m_faceFound = false;
    m_recording = recording;
    emit changed();
}

void FaceCheckView::update(const QString &state, const QString &prompt, int promptNumber, const QStringList &hints,
                           bool faceFound)
{
    if (state == m_state && prompt == m_prompt && promptNumber == m_promptNumber && hints == m_hints &&
        faceFound == m_faceFound)
        return;
    if (!prompt.isEmpty() && (prompt != m_prompt || promptNumber != m_promptNumber))
        ++m_promptSerial;
    m_state = state;
    m_prompt = prompt;
    m_promptNumber = promptNumber;
    m_hints = hints;
    m_faceFound = faceFound;
    emit changed();
}

void FaceCheckView::setPreview(vision::Image preview)
{
    m_preview = std::move(preview);
    ++m_previewSerial;
    emit previewChanged();
}

void FaceCheckView::clear()
{
    m_status = QStringLiteral("idle");
    m_message.clear();
    m_state.clear();
    m_prompt.clear();
    m_promptNumber = 0;
    m_promptCount = 0;
    m_hints.clear();
    m_faceFound = false;
    m_preview = {};
    ++m_previewSerial;
    emit changed();
    emit previewChanged();
}

} // namespace simkyc::app

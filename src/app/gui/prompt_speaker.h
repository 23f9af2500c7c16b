// PromptSpeaker: says each face-check prompt aloud ("Blink slowly", "Turn your head to the left", ...)
// in the language the customer's screen shows, through Qt TextToSpeech, when a voice for that
// language is installed; silently skipped otherwise (the screen shows every prompt anyway).
// Guarantees: one utterance per new prompt (FaceCheckView::promptSerial), the previous one cut
// short; nothing is said outside a running face check; no engine or no voice is logged once, never
// an error for the customer. Only the prompt's words are spoken, never customer data.
// Thread-safety: GUI thread only.
#pragma once

#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

class QTextToSpeech;

namespace simkyc::app {

class FaceCheckView;

class PromptSpeaker : public QObject {
    Q_OBJECT
public:
    // Says text in a language ("en", "zh_CN", "de"); false when it cannot (no engine, no voice).
    using Say = std::function<bool(const QString &text, const QString &language)>;
    using Language = std::function<QString()>;

    // view must outlive the speaker. Without `say`, Qt TextToSpeech's default engine speaks.
    PromptSpeaker(FaceCheckView &view, Language language, Say say = {}, QObject *parent = nullptr);
    ~PromptSpeaker() override;

    // Utterances the speaker accepted so far (none where no engine or voice is installed).
    [[nodiscard]] int spoken() const { return m_spoken; }

    // The prompt's words in the current translation ("" for no prompt).
    [[nodiscard]] static QString promptWords(const QString &prompt);

private:
    void onChanged();
    bool sayWithTextToSpeech(const QString &text, const QString &language);

    FaceCheckView &m_view;
    Language m_language;
    Say m_say;
    int m_lastSerial = 0;
    int m_spoken = 0;
    std::unique_ptr<QTextToSpeech> m_speech;
    bool m_noEngine = false;
    QSet<QString> m_silentLanguages; // no voice: logged once each
};

} // namespace simkyc::app

#include "app/gui/prompt_speaker.h"

#include "app/gui/face_check_view.h"
#include "app/gui/gui_log.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextToSpeech>

namespace simkyc::app {

PromptSpeaker::PromptSpeaker(FaceCheckView &view, Language language, Say say, QObject *parent)
    : QObject(parent), m_view(view), m_language(std::move(language)), m_say(std::move(say))
{
    if (!m_say)
        m_say = [this](const QString &text, const QString &lang) { return sayWithTextToSpeech(text, lang); };
    connect(&m_view, &FaceCheckView::changed, this, &PromptSpeaker::onChanged);
}

PromptSpeaker::~PromptSpeaker() = default;

QString PromptSpeaker::promptWords(const QString &prompt)
{
    // The face-check screen's own strings (ui/FaceCheckScreen.qml), so both say the same.
    if (prompt == QLatin1String("blink"))
        return QCoreApplication::translate("FaceCheckScreen", "Blink slowly");
    if (prompt == QLatin1String("left"))
        return QCoreApplication::translate("FaceCheckScreen", "Turn your head to the left");
    if (prompt == QLatin1String("right"))
        return QCoreApplication::translate("FaceCheckScreen", "Turn your head to the right");
    return {};
}

void PromptSpeaker::onChanged()
{
    if (m_view.status() != QLatin1String("running")) {
        m_lastSerial = m_view.promptSerial();
        if (m_speech && m_speech->state() == QTextToSpeech::Speaking)
            m_speech->stop();
        return;
    }
    if (m_view.promptSerial() == m_lastSerial)
        return;
    m_lastSerial = m_view.promptSerial();
    const QString words = promptWords(m_view.prompt());
    if (!words.isEmpty() && m_say(words, m_language ? m_language() : QStringLiteral("en")))
        ++m_spoken;
}

bool PromptSpeaker::sayWithTextToSpeech(const QString &text, const QString &language)
{
    if (m_noEngine || m_silentLanguages.contains(language))
        return false;
    if (!m_speech) {
        if (QTextToSpeech::availableEngines().isEmpty()) {
            m_noEngine = true;
            qCInfo(lcGui) << "no speech engine installed: the prompts are shown, not spoken";
            return false;
        }
        m_speech = std::make_unique<QTextToSpeech>();
        if (m_speech->state() == QTextToSpeech::Error) {
            qCInfo(lcGui).noquote() << "the speech engine did not start:" << m_speech->errorString();
            m_noEngine = true;
            m_speech.reset();
            return false;
        }
    }
    const QLocale locale(language);
    if (!m_speech->availableLocales().contains(locale)) {
        bool sameLanguage = false;
        for (const QLocale &l : m_speech->availableLocales())
            sameLanguage = sameLanguage || l.language() == locale.language();
        if (!sameLanguage) {
            m_silentLanguages.insert(language);
            qCInfo(lcGui) << "no voice for" << language << "- its prompts are shown, not spoken";
            return false;
        }
    }
    m_speech->stop();
    m_speech->setLocale(locale);
    m_speech->say(text);
    return true;
}

} // namespace simkyc::app

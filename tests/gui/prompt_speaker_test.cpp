// The face-check prompts spoken: once per new prompt, in the screen's language, only while a check
// runs; with Qt TextToSpeech's real engines (flite where installed) it must not fail whatever is or
// is not installed.
#include "app/gui/face_check_view.h"
#include "app/gui/prompt_speaker.h"
#include "kiosk_screen_fixture.h"

#include <QTextToSpeech>

#include <utility>
#include <vector>

namespace simkyc::app {
namespace {

class PromptSpeakerTest : public KioskScreensTest {
protected:
    // No window needed: only the application object of the fixture.
    void SetUp() override {}
    void TearDown() override {}
};

TEST_F(PromptSpeakerTest, EachNewPromptIsSaidOnceInTheScreensLanguage)
{
    FaceCheckView view;
    QString screenLanguage = QStringLiteral("en");
    std::vector<std::pair<QString, QString>> said;
    PromptSpeaker speaker(
        view, [&] { return screenLanguage; },
        [&](const QString &text, const QString &lang) {
            said.emplace_back(text, lang);
            return true;
        });
    view.update(QStringLiteral("prompted"), QStringLiteral("blink"), 1, {}, true);
    EXPECT_TRUE(said.empty()) << "nothing before the check runs";
    view.setStatus(QStringLiteral("running"));
    view.startSession(3, 6000, false);
    view.update(QStringLiteral("prompted"), QStringLiteral("left"), 2, {}, true);
    view.update(QStringLiteral("prompted"), QStringLiteral("left"), 2, {QStringLiteral("too_dark")}, true);
    screenLanguage = QStringLiteral("de");
    view.update(QStringLiteral("prompted"), QStringLiteral("right"), 3, {}, true);
    ASSERT_EQ(said.size(), 2u) << "one utterance per prompt, not per frame";
    EXPECT_EQ(said[0], std::make_pair(QStringLiteral("Turn your head to the left"), QStringLiteral("en")));
    EXPECT_EQ(said[1].first, PromptSpeaker::promptWords(QStringLiteral("right")));
    EXPECT_EQ(said[1].second, "de");
    view.clear();
    view.update(QStringLiteral("prompted"), QStringLiteral("blink"), 1, {}, true);
    EXPECT_EQ(said.size(), 2u) << "nothing after the check";
}

TEST_F(PromptSpeakerTest, TheInstalledEngineSpeaksEnglishPromptsOrNothingIsSpoken)
{
    const QStringList engines = QTextToSpeech::availableEngines();
    std::cout << "speech engines: " << engines.join(QLatin1Char(' ')).toStdString() << "\n";
    FaceCheckView view;
    PromptSpeaker speaker(view, [] { return QStringLiteral("en"); });
    view.setStatus(QStringLiteral("running"));
    view.startSession(3, 6000, false);
    view.update(QStringLiteral("prompted"), QStringLiteral("blink"), 1, {}, true);
    view.update(QStringLiteral("prompted"), QStringLiteral("left"), 2, {}, true);
    QTest::qWait(200); // an engine may report an audio error asynchronously: nothing may break
    // flite (a runtime dependency) has English voices: both prompts go to it; without any engine the
    // prompts are only shown.
    if (engines.isEmpty())
        EXPECT_EQ(speaker.spoken(), 0);
    else if (engines.contains(QStringLiteral("flite")))
        EXPECT_EQ(speaker.spoken(), 2);
    else
        std::cout << "another engine: its voices are unknown here, nothing asserted on them\n";
    view.clear();
    EXPECT_EQ(view.status(), "idle");
}

} // namespace
} // namespace simkyc::app

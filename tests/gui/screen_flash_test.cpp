// ScreenFlash: the screen-light challenge's colours as the customer's screen shows them: the rest grey
// at once, the schedule's colours in order after the lead-in, the grey again, then inactive. Timing
// is not asserted to the millisecond (the pipeline measures the delay per session); the order, the
// colours and that each step is shown are.
#include "app/gui/screen_flash.h"
#include "gui_fixture.h"

#include <QElapsedTimer>
#include <QTest>

#include <gtest/gtest.h>

namespace simkyc::app {
namespace {

TEST(ScreenFlash, ShowsTheGreyTheColoursInOrderThenTheGreyAndEnds)
{
    test::ensureCoreApplication();
    const vision::ColourSchedule schedule = vision::colourScheduleFromSeed(7);
    ASSERT_TRUE(vision::isValidColourSchedule(schedule));
    ScreenFlash flash;
    QStringList shown;
    QObject::connect(&flash, &ScreenFlash::changed, &flash, [&] {
        if (flash.active() && (shown.isEmpty() || shown.back() != flash.color()))
            shown << flash.color();
    });
    flash.start(schedule, 100.0, 150.0);
    EXPECT_TRUE(flash.active());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !flash.active(); }, 10000));

    // #bcbcbc: the sRGB of the linear 0.5 that vision::screenEmission assumes outside the sequence.
    EXPECT_EQ(ScreenFlash::restColor(), "#bcbcbc");
    QStringList expected{ScreenFlash::restColor()};
    for (const auto &step : schedule.steps) {
        const QString c = QStringLiteral("#%1%2%3")
                              .arg(step.colour.r, 2, 16, QLatin1Char('0'))
                              .arg(step.colour.g, 2, 16, QLatin1Char('0'))
                              .arg(step.colour.b, 2, 16, QLatin1Char('0'));
        if (expected.back() != c)
            expected << c;
    }
    expected << ScreenFlash::restColor();
    EXPECT_EQ(shown, expected);
}

TEST(ScreenFlash, StopEndsItAtOnce)
{
    test::ensureCoreApplication();
    ScreenFlash flash;
    flash.start(vision::colourScheduleFromSeed(3), 100.0, 100.0);
    ASSERT_TRUE(flash.active());
    flash.stop();
    EXPECT_FALSE(flash.active());
    QTest::qWait(200);
    EXPECT_FALSE(flash.active()) << "no timer left running";
}

} // namespace
} // namespace simkyc::app

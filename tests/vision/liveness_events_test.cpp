#include "vision/liveness_events.h"

#include <gtest/gtest.h>

#include <vector>

namespace simkyc::vision {
namespace {

constexpr double kFrameMs = 1000.0 / 30.0;

struct Trace {
    std::vector<LivenessSample> samples;
    void add(int frames, double earLeft, double earRight, double yaw = 0.0, bool face = true)
    {
        for (int i = 0; i < frames; ++i) {
            LivenessSample s;
            s.frame = static_cast<std::int64_t>(samples.size());
            s.timeMs = static_cast<double>(s.frame) * kFrameMs;
            s.hasFace = face;
            s.earLeft = earLeft;
            s.earRight = earRight;
            s.yawDeg = yaw;
            s.poseValid = face;
            samples.push_back(s);
        }
    }
    [[nodiscard]] std::vector<EyeClosureEvent> closures() const
    {
        BlinkDetector detector;
        std::vector<EyeClosureEvent> out;
        for (const auto &s : samples)
            if (auto e = detector.feed(s))
                out.push_back(*e);
        return out;
    }
    [[nodiscard]] std::vector<TurnEvent> turns() const
    {
        TurnDetector detector;
        std::vector<TurnEvent> out;
        for (const auto &s : samples)
            if (auto e = detector.feed(s))
                out.push_back(*e);
        return out;
    }
};

TEST(BlinkDetector, BlinkRelativeToOwnBaseline)
{
    for (double open : {0.22, 0.30, 0.40}) { // narrow eyes, average eyes, wide eyes
        Trace t;
        t.add(30, open, open);
        t.add(4, open * 0.4, open * 0.4); // frames 30-33 closed
        t.add(20, open, open);
        const auto events = t.closures();
        ASSERT_EQ(events.size(), 1u) << open;
        EXPECT_TRUE(events[0].isBlink());
        EXPECT_EQ(events[0].startFrame, 30);
        EXPECT_EQ(events[0].endFrame, 33);
        EXPECT_NEAR(events[0].minRatio, 0.4, 0.02);
    }
}

TEST(BlinkDetector, WinkIsNotABlink)
{
    Trace t;
    t.add(30, 0.3, 0.3);
    t.add(5, 0.08, 0.29); // the left eye closes, the right stays open
    t.add(20, 0.3, 0.3);
    const auto events = t.closures();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].verdict, BlinkVerdict::Wink);
}

TEST(BlinkDetector, AWinkWhoseOpenEyeTheModelPullsDownIsNotABlink)
{
    // What the 68-point model reports for a real wink (d3 of the labelled videos, 0.3 s): the closed
    // eye at 0.45 of its baseline, the open one pulled down to 0.65-0.7 with it. Both are below
    // eachEyeRatio, so only the asymmetry (mean 0.21 here, at most 0.044 in a labelled blink) tells.
    Trace t;
    t.add(30, 0.3, 0.3);
    for (double closed : {0.16, 0.14, 0.135, 0.135, 0.14, 0.15, 0.16, 0.17})
        t.add(1, closed, 0.2);
    t.add(20, 0.3, 0.3);
    const auto events = t.closures();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].verdict, BlinkVerdict::Wink);
    EXPECT_GT(events[0].asymmetry, 0.12);
    // Both eyes as deep but a little out of step (one eye 0.05 behind): a blink.
    Trace blink;
    blink.add(30, 0.3, 0.3);
    for (double ratio : {0.6, 0.45, 0.4, 0.5, 0.62})
        blink.add(1, 0.3 * ratio, 0.3 * (ratio + 0.05));
    blink.add(20, 0.3, 0.3);
    ASSERT_EQ(blink.closures().size(), 1u);
    EXPECT_TRUE(blink.closures()[0].isBlink());
    EXPECT_LT(blink.closures()[0].asymmetry, 0.06);
}

TEST(BlinkDetector, TwoBlinksInQuickSuccessionAreTwo)
{
    // Closed 3 frames, half open for one frame (0.7 of the baseline: 57 % of the dip back),
    // closed again: two blinks 0.13 s apart (start to start 4 frames at 30 fps). The old rule (back
    // above 0.8, or 60 % of the dip) merged them into one.
    Trace t;
    t.add(30, 0.3, 0.3);
    for (double ratio : {0.45, 0.3, 0.35, 0.7, 0.45, 0.3, 0.35})
        t.add(1, 0.3 * ratio, 0.3 * ratio);
    t.add(20, 0.3, 0.3);
    const auto events = t.closures();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_TRUE(events[0].isBlink());
    EXPECT_TRUE(events[1].isBlink());
    EXPECT_EQ(events[0].startFrame, 30);
    EXPECT_EQ(events[1].startFrame, 34);
    // A bounce inside one closure (24 % of the dip back, the most seen in a labelled blink) does
    // not split it.
    Trace bounce;
    bounce.add(30, 0.3, 0.3);
    for (double ratio : {0.55, 0.4, 0.54, 0.42, 0.6})
        bounce.add(1, 0.3 * ratio, 0.3 * ratio);
    bounce.add(20, 0.3, 0.3);
    ASSERT_EQ(bounce.closures().size(), 1u);
    EXPECT_TRUE(bounce.closures()[0].isBlink());
}

TEST(BlinkDetector, DurationLimits)
{
    Trace tooLong;
    tooLong.add(30, 0.3, 0.3);
    tooLong.add(30, 0.1, 0.1); // 1 s with closed eyes
    tooLong.add(20, 0.3, 0.3);
    ASSERT_EQ(tooLong.closures().size(), 1u);
    EXPECT_EQ(tooLong.closures()[0].verdict, BlinkVerdict::TooLong);

    Trace tooShort;
    tooShort.add(30, 0.3, 0.3);
    tooShort.add(1, 0.1, 0.1); // one frame: 33 ms
    tooShort.add(20, 0.3, 0.3);
    ASSERT_EQ(tooShort.closures().size(), 1u);
    EXPECT_EQ(tooShort.closures()[0].verdict, BlinkVerdict::TooShort);
}

TEST(BlinkDetector, ShallowDipAndNoiseAreNotBlinks)
{
    Trace t;
    t.add(30, 0.3, 0.3);
    t.add(4, 0.2, 0.2); // ratio 0.67: below the start threshold, above the depth needed
    t.add(20, 0.3, 0.3);
    const auto events = t.closures();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].verdict, BlinkVerdict::Shallow);
    Trace noise;
    for (int i = 0; i < 100; ++i)
        noise.add(1, 0.3 + (i % 3) * 0.01, 0.3 - (i % 2) * 0.01);
    EXPECT_TRUE(noise.closures().empty());
}

TEST(BlinkDetector, FaceGapEndsAClosureWithoutAnEvent)
{
    Trace t;
    t.add(30, 0.3, 0.3);
    t.add(2, 0.1, 0.1);
    t.add(3, 0.0, 0.0, 0.0, false); // face lost
    t.add(20, 0.3, 0.3);
    EXPECT_TRUE(t.closures().empty());
}

TEST(BlinkDetector, NeedsABaselineFirst)
{
    Trace t;
    t.add(2, 0.1, 0.1); // closed eyes from the first frame: no baseline, no blink
    t.add(20, 0.3, 0.3);
    EXPECT_TRUE(t.closures().empty());
}

TEST(TurnDetector, TurnsInTheCustomersOwnDirectionAndBack)
{
    Trace t;
    t.add(10, 0.3, 0.3, 0.0);
    for (double yaw : {8.0, 15.0, 22.0, 28.0, 32.0, 27.0, 18.0, 9.0})
        t.add(1, 0.3, 0.3, yaw);
    t.add(10, 0.3, 0.3, 0.0);
    for (double yaw : {-12.0, -26.0, -31.0, -15.0})
        t.add(1, 0.3, 0.3, yaw);
    t.add(5, 0.3, 0.3, -2.0);
    const auto turns = t.turns();
    ASSERT_EQ(turns.size(), 2u);
    EXPECT_EQ(turns[0].direction, TurnDirection::Left); // yaw > 0: the person's own left
    EXPECT_DOUBLE_EQ(turns[0].peakYawDeg, 32.0);
    EXPECT_EQ(turns[0].startFrame, 10); // yaw 8 at frame 10 is still within the frontal band
    EXPECT_EQ(turns[0].peakFrame, 14);
    EXPECT_EQ(turns[0].endFrame, 17);
    EXPECT_EQ(turns[1].direction, TurnDirection::Right);
    EXPECT_DOUBLE_EQ(turns[1].peakYawDeg, -31.0);
}

TEST(TurnDetector, NotFarEnoughOrNotBackIsNoTurn)
{
    Trace shallow;
    shallow.add(10, 0.3, 0.3, 0.0);
    shallow.add(10, 0.3, 0.3, 20.0); // below the 25 degree threshold
    shallow.add(10, 0.3, 0.3, 0.0);
    EXPECT_TRUE(shallow.turns().empty());
    Trace stays;
    stays.add(10, 0.3, 0.3, 0.0);
    stays.add(30, 0.3, 0.3, 35.0); // never returns to frontal
    EXPECT_TRUE(stays.turns().empty());
    Trace gap;
    gap.add(10, 0.3, 0.3, 0.0);
    gap.add(3, 0.3, 0.3, 30.0);
    gap.add(2, 0.0, 0.0, 0.0, false); // face lost at the peak
    gap.add(10, 0.3, 0.3, 0.0);
    EXPECT_TRUE(gap.turns().empty());
}

} // namespace
} // namespace simkyc::vision

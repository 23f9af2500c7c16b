// Which passive threshold applies to a session: the plain one, or the stricter one after a turn whose
// landmarks stayed close to a plane.
#include "vision/liveness_pipeline.h"

#include <gtest/gtest.h>

namespace simkyc::vision {
namespace {

ChallengeResult turn(double residual)
{
    ChallengeResult c;
    c.challenge = Challenge::TurnLeft;
    c.outcome = ChallengeOutcome::Passed;
    c.planarResidual = residual;
    return c;
}

ChallengeResult blink()
{
    ChallengeResult c;
    c.outcome = ChallengeOutcome::Passed;
    return c; // planarResidual -1: not a turn
}

TEST(PassiveThreshold, PlainWithoutTurnsOrAfterClearlyRealTurns)
{
    const PassiveCheck check; // 0.2, 0.5 below a residual of 0.10
    LivenessResult r;
    r.challenges = {blink()};
    double flattest = 0.0;
    EXPECT_DOUBLE_EQ(passiveThresholdFor(check, r, &flattest), 0.2);
    EXPECT_DOUBLE_EQ(flattest, -1.0);
    r.challenges = {blink(), turn(0.15), turn(0.22)};
    EXPECT_DOUBLE_EQ(passiveThresholdFor(check, r, &flattest), 0.2);
    EXPECT_DOUBLE_EQ(flattest, 0.15);
    r.challenges = {turn(0.10)}; // the limit itself is not borderline
    EXPECT_DOUBLE_EQ(passiveThresholdFor(check, r), 0.2);
}

TEST(PassiveThreshold, StricterAfterANearlyFlatTurn)
{
    const PassiveCheck check;
    LivenessResult r;
    r.challenges = {turn(0.30), blink(), turn(0.07)};
    double flattest = 0.0;
    EXPECT_DOUBLE_EQ(passiveThresholdFor(check, r, &flattest), 0.5);
    EXPECT_DOUBLE_EQ(flattest, 0.07);
}

TEST(PassiveThreshold, AConfiguredThresholdAboveTheBorderlineOneStaysInForce)
{
    PassiveCheck check;
    check.threshold = 0.6;
    LivenessResult r;
    r.challenges = {turn(0.07)};
    EXPECT_DOUBLE_EQ(passiveThresholdFor(check, r), 0.6);
    check.threshold = 0.05;
    EXPECT_DOUBLE_EQ(passiveThresholdFor(check, r), 0.5);
}

} // namespace
} // namespace simkyc::vision

#include "vision/liveness_session.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace simkyc::vision {
namespace {

constexpr double kFrameMs = 1000.0 / 30.0;

// 68 landmarks of a face with depth (or a flat one), turned by yawDeg and projected orthographically.
Landmarks syntheticLandmarks(double yawDeg, bool flat)
{
    struct P {
        double x, y, z;
    };
    std::vector<P> pts;
    for (int i = 0; i <= 16; ++i) { // jaw: a U from ear to ear, set back from the face plane
        const double a = M_PI * (0.1 + 0.8 * i / 16.0);
        pts.push_back({-std::cos(a), 0.2 + 0.9 * std::sin(a), -0.5 * std::abs(std::cos(a)) - 0.1});
    }
    for (int i = 0; i < 10; ++i) // brows
        pts.push_back({-0.75 + i * (i < 5 ? 0.12 : 0.12) + (i >= 5 ? 0.42 : 0.0), -0.35, 0.05});
    for (int i = 0; i < 4; ++i) // nose bridge to tip
        pts.push_back({0.0, -0.2 + i * 0.15, 0.15 + i * 0.15});
    for (int i = 0; i < 5; ++i) // nose bottom
        pts.push_back({-0.2 + i * 0.1, 0.35, 0.3});
    for (double cx : {-0.45, 0.45}) // eyes
        for (int i = 0; i < 6; ++i) {
            const double a = 2 * M_PI * i / 6.0;
            pts.push_back({cx + 0.15 * std::cos(a), -0.15 + 0.05 * std::sin(a), 0.0});
        }
    for (int i = 0; i < 20; ++i) { // lips
        const double a = 2 * M_PI * i / (i < 12 ? 12.0 : 8.0);
        const double r = i < 12 ? 0.35 : 0.25;
        pts.push_back({r * std::cos(a), 0.62 + 0.1 * std::sin(a), 0.1});
    }
    const double yaw = yawDeg * M_PI / 180.0;
    Landmarks out;
    for (const P &p : pts) {
        const double z = flat ? 0.0 : p.z;
        out.push_back(PointF{static_cast<float>(300 + 100 * (p.x * std::cos(yaw) + z * std::sin(yaw))),
                             static_cast<float>(250 + 100 * p.y)});
    }
    return out;
}

// Synthetic analysed frames: a steady face, with the EAR and yaw a test asks for.
class Feeder {
public:
    explicit Feeder(LivenessSession &session, bool flat = false) : m_session(session), m_flat(flat) {}
    void withImage(Image image) { m_image = std::move(image); }
    SessionState frames(int n, double ear = 0.3, double yaw = 0.0, bool face = true, int faces = 1, int dx = 0,
                        std::vector<QualityHint> hints = {})
    {
        SessionState state = m_session.state();
        for (int i = 0; i < n; ++i) {
            FrameAnalysis a;
            a.sequence = m_frame;
            a.sourceIndex = m_frame;
            a.sourceTimeMs = static_cast<double>(m_frame) * kFrameMs;
            ++m_frame;
            if (face) {
                a.origin = FaceOrigin::Tracked;
                a.box = FaceBox{200 + dx, 150, 200, 200};
                a.facesInLastDetection = faces;
                a.earLeft = a.earRight = ear;
                a.pose = HeadPose{true, yaw, 0.0, 0.0};
                a.landmarks = syntheticLandmarks(yaw, m_flat);
                a.quality.hints = hints;
            }
            state = m_session.feed(a, m_image);
        }
        return state;
    }
    void blink() { frames(4, 0.1); }
    void turn(double sign)
    {
        for (double yaw : {12.0, 20.0, 28.0, 32.0, 28.0, 20.0, 12.0})
            frames(1, 0.3, sign * yaw);
    }

private:
    LivenessSession &m_session;
    bool m_flat = false;
    Image m_image;
    std::int64_t m_frame = 0;
};

TEST(LivenessSession, ScriptedGesturesInOrderPass)
{
    LivenessSession s(*parsePromptScript("blink@1.0,left@2.0,right@3.5"));
    Feeder f(s);
    f.frames(36); // 1.2 s: prompt for blink at 1.0 s
    f.blink();
    f.frames(25); // past 2.0 s: left prompted
    f.turn(+1.0); // yaw > 0: the customer's own left
    f.frames(40); // past 3.5 s
    f.turn(-1.0);
    f.frames(5);
    ASSERT_TRUE(s.finished());
    EXPECT_TRUE(s.result().passed);
    EXPECT_TRUE(s.result().reasons.empty());
    for (const auto &c : s.result().challenges)
        EXPECT_EQ(c.outcome, ChallengeOutcome::Passed) << challengeName(c.challenge);
}

TEST(LivenessSession, AFlatFaceTurnedLikeAHeadFailsTheTurn)
{
    // A photo tilted to fake the turn: the same yaw trace, but the landmarks stay on a plane.
    LivenessSession s(*parsePromptScript("left@1.0"));
    Feeder f(s, true);
    f.frames(36);
    f.turn(+1.0);
    f.frames(3);
    ASSERT_TRUE(s.finished());
    EXPECT_FALSE(s.result().passed);
    EXPECT_EQ(s.result().reasons, std::vector<std::string>{"flat_surface"});
    EXPECT_EQ(s.result().challenges[0].outcome, ChallengeOutcome::FlatSurface);
    EXPECT_LT(s.result().challenges[0].planarResidual, 0.01);

    LivenessSession real(*parsePromptScript("left@1.0"));
    Feeder g(real);
    g.frames(36);
    g.turn(+1.0);
    g.frames(3);
    EXPECT_TRUE(real.result().passed);
    EXPECT_GT(real.result().challenges[0].planarResidual, 0.06);
}

TEST(PlanarityMonitor, ResidualIsZeroForAPlaneAndGrowsWithTurn)
{
    const Landmarks frontal = syntheticLandmarks(0.0, false);
    EXPECT_NEAR(*homographyResidual(frontal, frontal), 0.0, 1e-4);
    EXPECT_LT(*homographyResidual(syntheticLandmarks(0.0, true), syntheticLandmarks(35.0, true)), 1e-3);
    const double at10 = *homographyResidual(frontal, syntheticLandmarks(10.0, false));
    const double at30 = *homographyResidual(frontal, syntheticLandmarks(30.0, false));
    EXPECT_GT(at30, at10);
    EXPECT_GT(at30, 0.06);
    EXPECT_FALSE(homographyResidual(frontal, Landmarks(5)).has_value());
}

TEST(LivenessSession, GestureBeforeThePromptDoesNotCount)
{
    LivenessSession s(*parsePromptScript("blink@2.0"));
    Feeder f(s);
    f.frames(30);
    f.blink(); // at ~1 s, before the prompt at 2 s: a replay that does not follow prompts
    f.frames(60);
    EXPECT_FALSE(s.finished());
    f.frames(200); // no blink after the prompt: times out after 6 s
    ASSERT_TRUE(s.finished());
    EXPECT_FALSE(s.result().passed);
    EXPECT_EQ(s.result().reasons, std::vector<std::string>{"challenge_timeout"});
}

TEST(LivenessSession, TooFastReactionIsIgnored)
{
    // Prompt at 1.0 s = frame 30; closure frames 30-33 start with the prompt itself.
    LivenessSession s(*parsePromptScript("blink@1.0"));
    Feeder f(s);
    f.frames(30);
    f.blink();
    f.frames(5);
    EXPECT_FALSE(s.finished());
    EXPECT_EQ(s.result().challenges[0].ignoredTooFast, 1);
    f.frames(10);
    f.blink(); // a real reaction later still passes
    f.frames(3);
    EXPECT_TRUE(s.result().passed);
}

TEST(LivenessSession, WrongDirectionFails)
{
    LivenessSession s(*parsePromptScript("left@1.0"));
    Feeder f(s);
    f.frames(36);
    f.turn(-1.0); // turned to their right
    f.frames(3);
    ASSERT_TRUE(s.finished());
    EXPECT_FALSE(s.result().passed);
    EXPECT_EQ(s.result().reasons, std::vector<std::string>{"wrong_direction"});
    EXPECT_EQ(s.result().challenges[0].outcome, ChallengeOutcome::WrongDirection);
}

TEST(LivenessSession, ContinuityFailures)
{
    {
        LivenessSession s(*parsePromptScript("blink@1.0"));
        Feeder f(s);
        f.frames(20);
        f.frames(8, 0.3, 0.0, false); // face gone for 8 frames
        EXPECT_EQ(s.result().reasons, std::vector<std::string>{"face_lost"});
    }
    {
        LivenessSession s(*parsePromptScript("blink@1.0"));
        Feeder f(s);
        f.frames(20);
        f.frames(1, 0.3, 0.0, true, 2);
        EXPECT_EQ(s.result().reasons, std::vector<std::string>{"several_faces"});
    }
    {
        // Before the session starts, two people in view only keep it waiting, with the hint.
        LivenessSession s(*parsePromptScript("blink@1.0"));
        Feeder f(s);
        f.frames(5, 0.3, 0.0, true, 2);
        EXPECT_EQ(s.state(), SessionState::WaitingForFace);
        EXPECT_EQ(s.currentHints(), std::vector<std::string>{"several_faces"});
        EXPECT_TRUE(s.result().reasons.empty());
        f.frames(20);
        EXPECT_NE(s.state(), SessionState::WaitingForFace);
        EXPECT_TRUE(s.currentHints().empty());
        f.frames(1, 0.3, 0.0, true, 2);
        EXPECT_EQ(s.result().reasons, std::vector<std::string>{"several_faces"}) << "once started, it fails";
    }
    {
        LivenessSession s(*parsePromptScript("blink@1.0"));
        Feeder f(s);
        f.frames(20);
        f.frames(1, 0.3, 0.0, true, 1, 300); // the face jumps by 1.5 face widths in one frame
        EXPECT_EQ(s.result().reasons, std::vector<std::string>{"face_changed"});
    }
    {
        LivenessSession s(*parsePromptScript("blink@1.0"));
        Feeder f(s);
        f.frames(20);
        f.frames(3, 0.3, 0.0, false); // a short gap is tolerated
        f.frames(20);
        EXPECT_FALSE(s.finished());
    }
}

TEST(LivenessSession, QualityProblemsPauseInsteadOfFailing)
{
    LivenessSession s(*parsePromptScript("blink@1.0"));
    Feeder f(s);
    f.frames(31);
    // 7 s of darkness: longer than the 6 s timeout, but the clock stops while paused.
    EXPECT_EQ(f.frames(210, 0.3, 0.0, true, 1, 0, {QualityHint::TooDark}), SessionState::Paused);
    EXPECT_FALSE(s.finished());
    EXPECT_EQ(s.result().pauseHints, std::vector<std::string>{"too_dark"});
    f.frames(10);
    f.blink();
    f.frames(3);
    EXPECT_TRUE(s.result().passed);
}

TEST(LivenessSession, EndOfRecordingBeforeAllGesturesFails)
{
    LivenessSession s(*parsePromptScript("blink@1.0,right@2.0"));
    Feeder f(s);
    f.frames(40);
    s.finish();
    EXPECT_FALSE(s.result().passed);
    EXPECT_EQ(s.result().reasons, std::vector<std::string>{"not_completed"});
}

TEST(LivenessSession, LivePromptsFollowCompletion)
{
    LivenessSession s(*parsePromptScript("blink,left"));
    Feeder f(s);
    f.frames(20);
    EXPECT_FALSE(s.currentPrompt().has_value()); // baseline first
    f.frames(15);
    ASSERT_TRUE(s.currentPrompt().has_value());
    EXPECT_EQ(*s.currentPrompt(), Challenge::Blink);
    f.frames(6);
    f.blink();
    f.frames(30);
    ASSERT_TRUE(s.currentPrompt().has_value());
    EXPECT_EQ(*s.currentPrompt(), Challenge::TurnLeft);
}

TEST(LivenessSession, OutsideCheckOverrulesAPass)
{
    LivenessSession s(*parsePromptScript("blink@1.0"));
    Feeder f(s);
    f.frames(36);
    f.blink();
    f.frames(3);
    ASSERT_TRUE(s.result().passed);
    s.reject("implausible_stream"); // e.g. the injection check of the camera stream
    EXPECT_FALSE(s.result().passed);
    EXPECT_EQ(s.state(), SessionState::Failed);
    EXPECT_EQ(s.result().reasons, std::vector<std::string>{"implausible_stream"});
}

TEST(LivenessSession, KeepsTheFirstAndLatestFrontalFramesForTheIdentityCheck)
{
    LivenessSession s(*parsePromptScript("blink@1.0"));
    Feeder f(s);
    std::vector<std::uint8_t> px(32 * 32 * 3, 90);
    f.withImage(*Image::fromPixels(32, 32, 3, px));
    f.frames(36);
    f.blink();
    f.frames(10);
    const auto &r = s.result();
    ASSERT_GE(r.firstFrontal.frame, 0);
    EXPECT_LT(r.firstFrontal.frame, 10); // as soon as the open-eye baseline exists
    ASSERT_TRUE(r.passed);
    EXPECT_EQ(r.lastFrontal.frame, 40); // the frame that completed the last gesture: the session ends there
    EXPECT_FALSE(r.lastFrontal.image.empty());
    EXPECT_FALSE(r.bestFrames.empty());
}

TEST(PromptScript, ParsesAndRejects)
{
    auto script = parsePromptScript("blink@0.5,left@3.0,right@6");
    ASSERT_TRUE(script.ok());
    ASSERT_EQ(script->size(), 3u);
    EXPECT_EQ((*script)[1].challenge, Challenge::TurnLeft);
    EXPECT_DOUBLE_EQ((*script)[2].promptMs, 6000.0);
    EXPECT_DOUBLE_EQ((*parsePromptScript("blink"))[0].promptMs, -1.0);
    for (const char *bad :
         {"", "wink", "blink@", "blink@x", "blink@-1", "blink,,left", "blink,blink,blink,blink,blink,blink"})
        EXPECT_FALSE(parsePromptScript(bad).ok()) << bad;
}

TEST(ChallengePlanner, DrawsValidSequencesNeverTheSameTwiceInARow)
{
    ChallengePlanner planner;
    std::vector<Challenge> previous;
    std::set<std::vector<Challenge>> seen;
    for (int i = 0; i < 200; ++i) {
        auto draw = planner.draw(3);
        ASSERT_TRUE(draw.ok());
        ASSERT_EQ(draw->size(), 3u);
        const auto blinks = std::count(draw->begin(), draw->end(), Challenge::Blink);
        EXPECT_GE(blinks, 1); // a blink and a turn in every multi-challenge session
        EXPECT_LE(blinks, 2);
        EXPECT_NE(*draw, previous);
        previous = *draw;
        seen.insert(*draw);
    }
    EXPECT_GT(seen.size(), 15u); // 18 sequences hold both a blink and a turn; 200 draws see nearly all
    EXPECT_FALSE(planner.draw(0).ok());
    EXPECT_FALSE(planner.draw(6).ok());
}

} // namespace
} // namespace simkyc::vision

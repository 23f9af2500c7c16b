#include "frame_test_util.h"
#include "support/test_env.h"
#include "vision/capture_quality.h"
#include "vision/frame_analyzer.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <gtest/gtest.h>

#include <cstdio>

namespace simkyc::vision {
namespace {

std::string hintList(const QualityReport &report)
{
    std::string out;
    for (auto h : report.hints)
        out += (out.empty() ? "" : ",") + std::string(qualityHintName(h));
    return out.empty() ? "-" : out;
}

// One frame analysed on its own (a fresh track, so the face is detected on it).
FrameAnalysis analyseOnce(FrameAnalyzer &analyzer, const cv::Mat &bgr, const char *label)
{
    analyzer.reset();
    const FrameAnalysis a = analyzer.analyze(testutil::fromMat(bgr));
    const auto &m = a.quality.measures;
    std::printf("%-10s face=%s hints=%s io=%.3f luma=%.0f bg=%.0f sat=%.3f sharp=%.0f ear=%.2f yaw=%.1f roll=%.1f\n",
                label, std::string(faceOriginName(a.origin)).c_str(), hintList(a.quality).c_str(), m.interocularRatio,
                m.faceLuma, m.backgroundLuma, m.saturatedFraction, m.sharpness, m.meanEar, a.pose.yawDeg,
                a.pose.rollDeg);
    return a;
}

// A kiosk-like 640x480 frame: the first frame of a real face video (480x480), widened with its border.
cv::Mat kioskFrame()
{
    const auto frames = testutil::decodeVideo(testutil::shared("liveness/liveportrait/d18.mp4"), 1);
    if (frames.empty())
        return {};
    cv::Mat wide;
    cv::copyMakeBorder(testutil::toMat(frames[0]), wide, 0, 0, 80, 80, cv::BORDER_REPLICATE);
    return wide;
}

class CaptureQualityTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        SIMKYC_REQUIRE_SHARED_DATA();
        m_analyzer = testutil::makeAnalyzer();
        ASSERT_TRUE(m_analyzer);
        m_frame = kioskFrame();
        ASSERT_FALSE(m_frame.empty());
    }
    std::unique_ptr<FrameAnalyzer> m_analyzer;
    cv::Mat m_frame;
};

TEST_F(CaptureQualityTest, RealFaceIsAcceptable)
{
    const FrameAnalysis a = analyseOnce(*m_analyzer, m_frame, "original");
    ASSERT_TRUE(a.hasFace());
    EXPECT_EQ(a.origin, FaceOrigin::Detected);
    EXPECT_EQ(a.facesInLastDetection, 1);
    EXPECT_TRUE(a.quality.acceptable()) << hintList(a.quality);
    EXPECT_EQ(a.landmarks.size(), 68u);
    EXPECT_TRUE(a.pose.valid);
}

TEST_F(CaptureQualityTest, DarkBrightBlurredAndBacklitVersionsGetTheirHints)
{
    cv::Mat dark, bright, blurred, backlit;
    m_frame.convertTo(dark, -1, 0.3, 0);
    m_frame.convertTo(bright, -1, 1.0, 130);
    cv::GaussianBlur(m_frame, blurred, cv::Size(), 3.0);
    // A window behind the person: the face and body darker, everything around the head white.
    m_frame.convertTo(backlit, -1, 0.45, 0);
    cv::Mat window(backlit.size(), CV_8UC1, cv::Scalar(255));
    cv::ellipse(window, cv::Point(320, 260), cv::Size(150, 200), 0, 0, 360, cv::Scalar(0), cv::FILLED);
    backlit.setTo(cv::Scalar::all(250), window);

    const FrameAnalysis d = analyseOnce(*m_analyzer, dark, "dark");
    ASSERT_TRUE(d.hasFace());
    EXPECT_TRUE(d.quality.has(QualityHint::TooDark)) << hintList(d.quality);
    const FrameAnalysis b = analyseOnce(*m_analyzer, bright, "bright");
    ASSERT_TRUE(b.hasFace());
    EXPECT_TRUE(b.quality.has(QualityHint::TooBright)) << hintList(b.quality);
    EXPECT_FALSE(b.quality.has(QualityHint::TooDark));
    const FrameAnalysis s = analyseOnce(*m_analyzer, blurred, "blurred");
    ASSERT_TRUE(s.hasFace());
    EXPECT_EQ(hintList(s.quality), "blurred");
    const FrameAnalysis l = analyseOnce(*m_analyzer, backlit, "backlit");
    ASSERT_TRUE(l.hasFace());
    EXPECT_TRUE(l.quality.has(QualityHint::Backlit)) << hintList(l.quality);
}

TEST_F(CaptureQualityTest, PlacementAndPoseHints)
{
    // Off centre: the same face shifted 170 px to the right.
    cv::Mat shifted(m_frame.size(), m_frame.type(), cv::Scalar::all(128));
    m_frame(cv::Rect(0, 0, 470, 480)).copyTo(shifted(cv::Rect(170, 0, 470, 480)));
    const FrameAnalysis o = analyseOnce(*m_analyzer, shifted, "shifted");
    ASSERT_TRUE(o.hasFace());
    EXPECT_TRUE(o.quality.has(QualityHint::OffCentre)) << hintList(o.quality);
    // Too far: the frame shrunk to 40% in the middle of a grey frame. The face is too small for the
    // downscaled detector; the periodic full-size scan without a face finds it.
    cv::Mat far(m_frame.size(), m_frame.type(), cv::Scalar::all(128)), small;
    cv::resize(m_frame, small, cv::Size(), 0.4, 0.4, cv::INTER_AREA);
    small.copyTo(far(cv::Rect((640 - small.cols) / 2, (480 - small.rows) / 2, small.cols, small.rows)));
    m_analyzer->reset();
    FrameAnalysis f;
    for (int i = 0; i < m_analyzer->options().tracker.noFaceFullScanEvery && !f.hasFace(); ++i)
        f = m_analyzer->analyze(testutil::fromMat(far));
    ASSERT_TRUE(f.hasFace());
    EXPECT_TRUE(f.quality.has(QualityHint::TooFar)) << hintList(f.quality);
    // Tilted head: rotated by 25 degrees about the face.
    cv::Mat tilted;
    cv::warpAffine(m_frame, tilted, cv::getRotationMatrix2D(cv::Point2f(320, 280), 25, 1.0), m_frame.size(),
                   cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    const FrameAnalysis t = analyseOnce(*m_analyzer, tilted, "tilted");
    ASSERT_TRUE(t.hasFace());
    EXPECT_TRUE(t.quality.has(QualityHint::NotFrontal)) << hintList(t.quality);
    EXPECT_LT(t.pose.rollDeg, -15.0); // counter-clockwise in the image = towards the person's right shoulder
    // Too close: the same landmarks scaled about the centre, straight into the assessment.
    FaceObservation close;
    const FrameAnalysis base = analyseOnce(*m_analyzer, m_frame, "original");
    for (const auto &p : base.landmarks)
        close.landmarks68.push_back(PointF{320 + (p.x - 320) * 2.5f, 240 + (p.y - 240) * 2.5f});
    close.earLeft = close.earRight = 0.3;
    const auto report = assessCaptureQuality(testutil::fromMat(m_frame), close, 1, defaultCaptureQualityConfig());
    EXPECT_TRUE(report.has(QualityHint::TooClose)) << hintList(report);
}

TEST_F(CaptureQualityTest, ClosedEyesAndSeveralFaces)
{
    const cv::Mat sleepy = testutil::toMat(testutil::loadShared("verification/yalefaces_png/subject01.sleepy.png"));
    const FrameAnalysis e = analyseOnce(*m_analyzer, sleepy, "sleepy");
    ASSERT_TRUE(e.hasFace());
    EXPECT_TRUE(e.quality.has(QualityHint::EyesClosed)) << hintList(e.quality);
    const cv::Mat awake = testutil::toMat(testutil::loadShared("verification/yalefaces_png/subject01.normal.png"));
    EXPECT_FALSE(analyseOnce(*m_analyzer, awake, "awake").quality.has(QualityHint::EyesClosed));

    // Two different people side by side.
    cv::Mat left = m_frame(cv::Rect(80, 0, 480, 480)).clone();
    cv::Mat right;
    cv::resize(testutil::toMat(testutil::loadShared("verification/deepface/img2.jpg")), right, cv::Size(640, 480));
    cv::Mat both;
    cv::hconcat(left, right(cv::Rect(80, 0, 480, 480)), both);
    cv::resize(both, both, cv::Size(960, 480));
    const FrameAnalysis two = analyseOnce(*m_analyzer, both, "two faces");
    ASSERT_TRUE(two.hasFace());
    EXPECT_EQ(two.facesInLastDetection, 2);
    EXPECT_TRUE(two.quality.has(QualityHint::SeveralFaces)) << hintList(two.quality);
}

TEST(CaptureQuality, BlankFrameHasNoFace)
{
    auto analyzer = testutil::makeAnalyzer();
    ASSERT_TRUE(analyzer);
    const cv::Mat blank(480, 640, CV_8UC3, cv::Scalar::all(90));
    cv::Mat noise(480, 640, CV_8UC3);
    cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(255));
    for (const cv::Mat &m : {blank, noise})
        for (int i = 0; i < 6; ++i) { // includes a full-size scan
            const FrameAnalysis a = analyzer->analyze(testutil::fromMat(m));
            EXPECT_FALSE(a.hasFace());
            EXPECT_EQ(hintList(a.quality), "no_face");
            EXPECT_TRUE(a.landmarks.empty());
        }
    EXPECT_EQ(analyzer->trackerStats().detections, 12);
    EXPECT_EQ(analyzer->trackerStats().fullScans, 2);
}

} // namespace
} // namespace simkyc::vision

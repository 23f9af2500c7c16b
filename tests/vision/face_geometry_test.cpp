#include "frame_test_util.h"
#include "support/test_env.h"
#include "vision/face_detector.h"
#include "vision/face_geometry.h"

#include <opencv2/core.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace simkyc::vision {
namespace {

struct StillFace {
    bool found = false;
    Landmarks landmarks;
};

// The still-image path: robust HOG search, the largest face, 68 landmarks.
StillFace still(FaceDetector &detector, const LandmarkDetector &landmarks, const Image &image)
{
    const FaceSearch search = detector.findFaces(image);
    if (search.faces.empty())
        return {};
    const auto largest = std::max_element(search.faces.begin(), search.faces.end(),
                                          [](const auto &a, const auto &b) { return a.box.area() < b.box.area(); });
    return StillFace{true, landmarks.detect(image, largest->box)};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

TEST(FaceGeometry, RatiosOnHandMadeLandmarks)
{
    Landmarks l(68);
    // Right eye 36-41: corners 10 px apart, lids 3 px above and below the corner line.
    const PointF right[6] = {{0, 0}, {3, -3}, {7, -3}, {10, 0}, {7, 3}, {3, 3}};
    for (int i = 0; i < 6; ++i) {
        l[static_cast<size_t>(36 + i)] = right[i];
        l[static_cast<size_t>(42 + i)] = PointF{right[i].x + 30, right[i].y * 0.5f};
    }
    EXPECT_NEAR(eyeAspectRatio(l, Eye::Right), 0.6, 1e-6);
    EXPECT_NEAR(eyeAspectRatio(l, Eye::Left), 0.3, 1e-6);
    EXPECT_NEAR(interocularDistance(l), 30.0, 1e-4);
    for (int i = 60; i < 68; ++i)
        l[static_cast<size_t>(i)] = PointF{0, 0};
    l[64] = PointF{20, 0};
    l[61] = PointF{5, -2}, l[67] = PointF{5, 2};
    l[62] = PointF{10, -3}, l[66] = PointF{10, 3};
    l[63] = PointF{15, -2}, l[65] = PointF{15, 2};
    EXPECT_NEAR(mouthAspectRatio(l), (4.0 + 6.0 + 4.0) / 3.0 / 20.0, 1e-6);
    EXPECT_EQ(eyeAspectRatio(Landmarks(5), Eye::Left), 0.0);
    EXPECT_FALSE(estimateHeadPose(Landmarks(5), 640, 480).valid);
    EXPECT_NEAR(boxIou(FaceBox{0, 0, 10, 10}, FaceBox{5, 0, 10, 10}), 50.0 / 150.0, 1e-9);
}

// Labelled open and closed eyes (labels/eye_state.csv): CEW closed-eye crops, Yale "sleepy"
// images (closed), Yale open-eye conditions and UTKFace faces (open, presumed).
TEST(FaceGeometry, EyeAspectRatioSeparatesClosedFromOpenEyes)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    auto landmarks = testutil::makeLandmarks68();
    ASSERT_TRUE(landmarks);
    FaceDetector detector;
    std::vector<double> closed, open;
    int missed = 0;
    for (const auto &row : testutil::readLabels("eye_state.csv")) {
        if (row.size() < 2 || row[1] == "one_eye_closed")
            continue;
        const StillFace face = still(detector, *landmarks, testutil::loadShared(row[0]));
        if (!face.found) {
            ++missed;
            continue;
        }
        const double ear = (eyeAspectRatio(face.landmarks, Eye::Left) + eyeAspectRatio(face.landmarks, Eye::Right)) / 2;
        (row[1] == "closed" ? closed : open).push_back(ear);
    }
    ASSERT_GE(closed.size(), 60u);
    ASSERT_GE(open.size(), 120u);
    // Probability that a random open-eye face has a higher EAR than a random closed one (ROC AUC).
    double wins = 0;
    for (double o : open)
        for (double c : closed)
            wins += o > c ? 1.0 : (o == c ? 0.5 : 0.0);
    const double auc = wins / static_cast<double>(open.size() * closed.size());
    const auto below = [](const std::vector<double> &v, double threshold) {
        return static_cast<double>(std::count_if(v.begin(), v.end(), [&](double e) { return e < threshold; })) /
               static_cast<double>(v.size());
    };
    for (double t = 0.14; t < 0.245; t += 0.02)
        std::printf("EAR below %.2f: closed %.1f%%, open %.1f%%\n", t, 100 * below(closed, t), 100 * below(open, t));
    const double threshold = defaultCaptureQualityConfig().minEyeAspectRatio;
    std::printf("EAR: closed n=%zu median %.3f, open n=%zu median %.3f, AUC %.3f, no face %d; at %.2f: "
                "closed flagged %.1f%%, open flagged %.1f%%\n",
                closed.size(), median(closed), open.size(), median(open), auc, missed, threshold,
                100 * below(closed, threshold), 100 * below(open, threshold));
    EXPECT_LT(median(closed) + 0.08, median(open));
    EXPECT_GT(auc, 0.9);
    EXPECT_GT(below(closed, threshold), 0.7);
    EXPECT_LT(below(open, threshold), 0.1);
}

// Flipping an image left-right must negate yaw and roll and keep pitch. Frames of real videos with
// head turns both ways (a grimacing face and a turning one).
TEST(FaceGeometry, YawSignFlipsWithTheImageAndFollowsTheNose)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    auto landmarks = testutil::makeLandmarks68();
    ASSERT_TRUE(landmarks);
    FaceDetector detector;
    int turned = 0, compared = 0;
    double worstYaw = 0, worstPitch = 0;
    for (const char *video : {"liveness/liveportrait/d6.mp4", "liveness/liveportrait/d3.mp4"}) {
        const auto frames = testutil::decodeVideo(testutil::shared(video));
        ASSERT_GT(frames.size(), 300u);
        for (size_t i = 0; i < frames.size(); i += 10) {
            const StillFace face = still(detector, *landmarks, frames[i]);
            cv::Mat flipped;
            cv::flip(testutil::toMat(frames[i]), flipped, 1);
            const Image mirror = testutil::fromMat(flipped);
            const StillFace other = still(detector, *landmarks, mirror);
            if (!face.found || !other.found)
                continue;
            const HeadPose a = estimateHeadPose(face.landmarks, frames[i].width(), frames[i].height());
            const HeadPose b = estimateHeadPose(other.landmarks, mirror.width(), mirror.height());
            ASSERT_TRUE(a.valid && b.valid) << video << " frame " << i;
            ++compared;
            worstYaw = std::max(worstYaw, std::abs(a.yawDeg + b.yawDeg));
            worstPitch = std::max(worstPitch, std::abs(a.pitchDeg - b.pitchDeg));
            // The landmark fit itself is not exactly mirror-symmetric (least so on grimaces), hence
            // the tolerances.
            EXPECT_NEAR(a.yawDeg, -b.yawDeg, 5.0) << video << " frame " << i;
            EXPECT_NEAR(a.rollDeg, -b.rollDeg, 3.0) << video << " frame " << i;
            EXPECT_NEAR(a.pitchDeg, b.pitchDeg, 8.0) << video << " frame " << i;
            if (std::abs(a.yawDeg) < 8.0)
                continue;
            ++turned;
            EXPECT_LT(a.yawDeg * b.yawDeg, 0.0) << video << " frame " << i;
            // Positive yaw = the person turned to their left = the nose tip moved towards the image's
            // right, past the midpoint of the outer eye corners.
            const double noseOffset = face.landmarks[30].x - (face.landmarks[36].x + face.landmarks[45].x) / 2.0;
            EXPECT_GT(a.yawDeg * noseOffset, 0.0) << video << " frame " << i << " yaw " << a.yawDeg;
        }
    }
    std::printf("pose under flip: %d frames, %d with |yaw| >= 8 deg; worst |yaw + yaw_flipped| %.2f deg, "
                "worst |pitch - pitch_flipped| %.2f deg\n",
                compared, turned, worstYaw, worstPitch);
    EXPECT_GE(compared, 100);
    EXPECT_GE(turned, 5);
}

} // namespace
} // namespace simkyc::vision

#include "support/held_card.h"
#include "support/test_env.h"
#include "vision/card_capture.h"
#include "vision/image_access.h"

#include <opencv2/imgproc.hpp>

#include <gtest/gtest.h>

#include <iostream>

namespace simkyc::vision {
namespace {

Image toImage(const cv::Mat &mat)
{
    return ImageAccess::fromMat(mat.clone());
}

// A light card with dark print and no face (the back of an ID card, say).
cv::Mat facelessCard()
{
    cv::Mat card(295, 400, CV_8UC3, cv::Scalar(225, 220, 215)); // TD3-like 1.36
    for (int y = 30; y < 270; y += 18)
        cv::line(card, {30, y}, {370, y}, cv::Scalar(60, 60, 60), 2);
    return card;
}

std::vector<CardHint> hintsOf(CardCapture &capture, const std::vector<cv::Mat> &frames, FaceDetector &detector)
{
    std::vector<CardHint> hints;
    for (const cv::Mat &frame : frames)
        hints.push_back(capture.step(toImage(frame), detector).hint);
    return hints;
}

TEST(CardCapture, HintNamesAreStable)
{
    EXPECT_EQ(cardHintName(CardHint::NoCard), "no_card");
    EXPECT_EQ(cardHintName(CardHint::HoldStill), "hold_still");
    EXPECT_EQ(cardHintName(CardHint::Blurred), "blurred");
    EXPECT_EQ(cardHintName(CardHint::NoPortrait), "no_portrait");
    EXPECT_EQ(cardHintName(CardHint::PortraitTooSmall), "portrait_too_small");
    EXPECT_EQ(cardHintName(CardHint::SeveralFaces), "several_faces");
    EXPECT_EQ(cardHintName(CardHint::Captured), "captured");
}

TEST(CardCapture, AnEmptyCounterHasNoCard)
{
    FaceDetector detector;
    CardCapture capture;
    const cv::Mat counter = test::heldCardFrame(cv::Mat(1, 1, CV_8UC3, cv::Scalar(0, 0, 0)), {-400.f, -400.f});
    const CardCaptureStep step = capture.step(toImage(counter), detector);
    EXPECT_EQ(step.hint, CardHint::NoCard);
    EXPECT_FALSE(step.corners.has_value());
    EXPECT_FALSE(capture.captured().has_value());
}

TEST(CardCapture, AStillCardIsLookedAtOnlyAfterSteadyFramesAndTheBackOfACardHasNoPortrait)
{
    FaceDetector detector;
    CardCapture capture(CardCaptureConfig{.steadyFrames = 3});
    const cv::Mat frame = test::heldCardFrame(facelessCard());
    const auto hints = hintsOf(capture, {frame, frame, frame, frame}, detector);
    EXPECT_EQ(hints,
              (std::vector{CardHint::HoldStill, CardHint::HoldStill, CardHint::NoPortrait, CardHint::NoPortrait}));
    EXPECT_FALSE(capture.captured().has_value());
}

TEST(CardCapture, AMovingCardIsNeverStillAndLeavingTheFrameStartsTheCountAgain)
{
    FaceDetector detector;
    CardCapture capture(CardCaptureConfig{.steadyFrames = 2});
    std::vector<cv::Mat> moving;
    for (int i = 0; i < 5; ++i)
        moving.push_back(test::heldCardFrame(facelessCard(), {static_cast<float>(25 * ((i + 1) % 2)), 0.f}));
    for (const CardHint hint : hintsOf(capture, moving, detector))
        EXPECT_EQ(hint, CardHint::HoldStill);

    const cv::Mat still = test::heldCardFrame(facelessCard());
    const cv::Mat gone = test::heldCardFrame(facelessCard(), {-600.f, 0.f});
    EXPECT_EQ(hintsOf(capture, {still, still, gone, still}, detector),
              (std::vector{CardHint::HoldStill, CardHint::NoPortrait, CardHint::NoCard, CardHint::HoldStill}));
}

TEST(CardCapture, AnOutOfFocusCardIsBlurredAndTheMeasureSeparatesFocusFromBlur)
{
    FaceDetector detector;
    const CardCaptureConfig config;
    const cv::Mat sharp = test::heldCardFrame(facelessCard());
    const cv::Mat soft = test::heldCardFrame(facelessCard(), {}, 3.0);
    auto sharpCard = findIdCard(toImage(sharp));
    auto softCard = findIdCard(toImage(soft));
    ASSERT_TRUE(sharpCard.ok()) << sharpCard.error().toString();
    ASSERT_TRUE(softCard.ok()) << softCard.error().toString();
    const double sharpness = cardSharpness(sharpCard->rectified);
    const double blurred = cardSharpness(softCard->rectified);
    std::cout << "card sharpness: in focus " << sharpness << ", blurred (sigma 3) " << blurred << ", limit "
              << config.minSharpness << "\n";
    EXPECT_GT(sharpness, config.minSharpness);
    EXPECT_LT(blurred, config.minSharpness);

    CardCapture capture(CardCaptureConfig{.steadyFrames = 2});
    EXPECT_EQ(hintsOf(capture, {soft, soft, soft}, detector),
              (std::vector{CardHint::HoldStill, CardHint::Blurred, CardHint::Blurred}));
    EXPECT_EQ(cardSharpness(Image{}), 0.0);
}

TEST(CardCapture, ASpecimenPassportPageHeldStillIsCapturedWithItsPortrait)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    auto document = loadImage(*test::sharedDataDir() / "idcards/passporteye/100_pass-fin.png");
    ASSERT_TRUE(document.ok()) << document.error().toString();
    const cv::Mat page = ImageAccess::view(*document).clone();
    FaceDetector detector;
    CardCapture capture(CardCaptureConfig{.steadyFrames = 3});
    std::vector<cv::Mat> frames{test::heldCardFrame(page, {40.f, 10.f}), test::heldCardFrame(page, {0.f, 0.f}, 4.0),
                                test::heldCardFrame(page), test::heldCardFrame(page, {1.f, 1.f}),
                                test::heldCardFrame(page, {1.f, 0.f})};
    const auto hints = hintsOf(capture, frames, detector);
    // Moved, then blurred but still (the count goes on), then still and sharp: captured on the 3rd still frame.
    EXPECT_EQ(hints, (std::vector{CardHint::HoldStill, CardHint::HoldStill, CardHint::HoldStill, CardHint::Captured,
                                  CardHint::Captured}));
    ASSERT_TRUE(capture.captured().has_value());
    const IdPortrait &got = *capture.captured();
    EXPECT_TRUE(got.fromCard);
    EXPECT_EQ(got.card.rectified.width(), kRectifiedCardWidthPx);
    EXPECT_EQ(got.faceCount, 1);
    EXPECT_GE(got.face.width, kMinPortraitFacePx);
    EXPECT_FALSE(got.portrait.empty());
    std::cout << "captured: face " << got.face.width << " px on the rectified " << cardAspectName(got.card.aspect)
              << " card\n";

    capture.reset();
    EXPECT_FALSE(capture.captured().has_value());
    EXPECT_EQ(capture.step(toImage(frames[2]), detector).hint, CardHint::HoldStill);
}

} // namespace
} // namespace simkyc::vision

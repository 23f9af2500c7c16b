// Texture cues on synthetic pictures whose answer is known: a smooth face-like blob has no spectral
// peak; the same blob behind a fine grating (a screen's pixel grid filmed again) has one; glare
// patches and colour are counted; bad boxes are refused.
#include "vision/image_access.h"
#include "vision/texture_cues.h"

#include <opencv2/imgproc.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace simkyc::vision {
namespace {

constexpr int kW = 320, kH = 240;
const FaceBox kFace{100, 60, 120, 120};

// A skin-coloured disc with soft shading on a grey background, plus mild sensor noise.
cv::Mat smoothFace()
{
    cv::Mat img(kH, kW, CV_8UC3, cv::Scalar(110, 110, 110));
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const double dx = (x - 160) / 55.0, dy = (y - 120) / 60.0;
            const double r = dx * dx + dy * dy;
            if (r < 1.0) {
                const double shade = 0.75 + 0.25 * std::sqrt(1.0 - r);
                img.at<cv::Vec3b>(y, x) =
                    cv::Vec3b(cv::saturate_cast<uchar>(120 * shade), cv::saturate_cast<uchar>(150 * shade),
                              cv::saturate_cast<uchar>(210 * shade));
            }
        }
    cv::Mat noise(img.size(), CV_8UC3);
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(2));
    cv::Mat out;
    cv::add(img, noise, out, cv::noArray(), CV_8UC3);
    return out;
}

// A diagonal grating of about 0.3 cycles per face-crop pixel (120 px box resampled to 128).
cv::Mat withGrating(const cv::Mat &img)
{
    cv::Mat out = img.clone();
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const double g = 18.0 * std::sin(2.0 * CV_PI * 0.22 * (x + 0.8 * y));
            auto &p = out.at<cv::Vec3b>(y, x);
            for (int c = 0; c < 3; ++c)
                p[c] = cv::saturate_cast<uchar>(p[c] + g);
        }
    return out;
}

TextureCues measure(const cv::Mat &img, const FaceBox &box = kFace)
{
    auto cues = measureTexture(ImageAccess::fromMat(img), box);
    EXPECT_TRUE(cues.ok()) << (cues.ok() ? "" : cues.error().toString());
    return cues.ok() ? *cues : TextureCues{};
}

TEST(TextureCues, AFineGratingRaisesAnIsolatedSpectralPeakAndFineDetail)
{
    const TextureCues plain = measure(smoothFace());
    const TextureCues screen = measure(withGrating(smoothFace()));
    EXPECT_LT(plain.moirePeak, 1.6) << plain.moirePeak;
    EXPECT_GT(screen.moirePeak, plain.moirePeak + 1.0) << plain.moirePeak << " vs " << screen.moirePeak;
    EXPECT_GT(screen.highFrequencyShare, 5.0 * plain.highFrequencyShare)
        << plain.highFrequencyShare << " vs " << screen.highFrequencyShare;
}

TEST(TextureCues, BlockEdgesAlongTheAxesAreNotMoire)
{
    // A vertical stripe pattern (like 8-pixel block edges) sits on the spectrum's horizontal axis,
    // which the peak search leaves out.
    cv::Mat img = smoothFace();
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; x += 3)
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(60, 60, 60);
    EXPECT_LT(measure(img).moirePeak, measure(withGrating(smoothFace())).moirePeak - 0.5);
}

TEST(TextureCues, GlareAndColourAreMeasuredInsideTheFace)
{
    const cv::Mat face = smoothFace();
    EXPECT_LT(measure(face).specularFraction, 0.001);
    cv::Mat glare = face.clone();
    cv::rectangle(glare, cv::Rect(130, 90, 30, 40), cv::Scalar(250, 250, 250), cv::FILLED); // 1200 of 14400 px
    EXPECT_NEAR(measure(glare).specularFraction, 1200.0 / 14400.0, 0.01);

    cv::Mat grey;
    cv::cvtColor(face, grey, cv::COLOR_BGR2GRAY);
    const TextureCues fromGrey = measure(grey);
    EXPECT_LT(fromGrey.chromaSpread, 0.5);
    EXPECT_GT(measure(face).chromaSpread, fromGrey.chromaSpread + 3.0);
}

TEST(TextureCues, RefusesEmptyImagesAndBoxesOutsideTheFrame)
{
    EXPECT_EQ(measureTexture(Image{}, kFace).error().code, ErrorCode::InvalidArgument);
    const Image img = ImageAccess::fromMat(smoothFace());
    EXPECT_EQ(measureTexture(img, FaceBox{0, 0, 0, 10}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(measureTexture(img, FaceBox{300, 200, 120, 120}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(measureTexture(img, FaceBox{-500, -500, 100, 100}).error().code, ErrorCode::InvalidArgument);
    // Partly outside but mostly inside: measured on the part inside.
    EXPECT_TRUE(measureTexture(img, FaceBox{-20, 60, 120, 120}).ok());
}

} // namespace
} // namespace simkyc::vision

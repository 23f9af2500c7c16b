#include "vision/texture_cues.h"

#include "vision/image_access.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace simkyc::vision {
namespace {

constexpr int kSide = 128;             // the face crop is resampled to this for the spectrum
constexpr double kPeakBandLow = 0.15;  // cycles per pixel
constexpr double kPeakBandHigh = 0.45; //
constexpr double kFineDetail = 0.25;   // cycles per pixel: "fine detail" above this
constexpr int kAxisStrip = 2;          // spectrum bins either side of each axis left out of the peak search
constexpr int kGlareValue = 240;       // HSV value at or above ...
constexpr int kGlareSaturation = 30;   // ... with saturation at or below: glare

// log10 power spectrum of the windowed grey crop, centred (DC at kSide/2, kSide/2).
cv::Mat logSpectrum(const cv::Mat &grey128, cv::Mat &power)
{
    cv::Mat f;
    grey128.convertTo(f, CV_32F);
    f -= cv::mean(f)[0];
    cv::Mat window;
    cv::createHanningWindow(window, f.size(), CV_32F);
    f = f.mul(window);
    cv::Mat complex;
    cv::dft(f, complex, cv::DFT_COMPLEX_OUTPUT);
    cv::Mat planes[2];
    cv::split(complex, planes);
    cv::magnitude(planes[0], planes[1], power);
    power = power.mul(power);
    // Centre the spectrum: swap quadrants.
    const int c = kSide / 2;
    cv::Mat shifted(power.size(), power.type());
    power(cv::Rect(0, 0, c, c)).copyTo(shifted(cv::Rect(c, c, c, c)));
    power(cv::Rect(c, c, c, c)).copyTo(shifted(cv::Rect(0, 0, c, c)));
    power(cv::Rect(c, 0, c, c)).copyTo(shifted(cv::Rect(0, c, c, c)));
    power(cv::Rect(0, c, c, c)).copyTo(shifted(cv::Rect(c, 0, c, c)));
    power = shifted;
    cv::Mat logPower;
    cv::log(power + 1e-6F, logPower);
    return logPower / static_cast<float>(std::log(10.0));
}

} // namespace

Result<TextureCues> measureTexture(const Image &frame, const FaceBox &face)
{
    if (frame.empty())
        return {ErrorCode::InvalidArgument, "texture: empty image"};
    if (face.width <= 0 || face.height <= 0)
        return {ErrorCode::InvalidArgument, "texture: face box of non-positive size"};
    const cv::Rect wanted(face.x, face.y, face.width, face.height);
    const cv::Rect box = wanted & cv::Rect(0, 0, frame.width(), frame.height());
    if (box.width < 16 || box.height < 16 || box.area() * 2 < wanted.area())
        return {ErrorCode::InvalidArgument, "texture: face box mostly outside the image"};

    cv::Mat bgr = ImageAccess::view(frame);
    if (frame.channels() == 1)
        cv::cvtColor(bgr, bgr, cv::COLOR_GRAY2BGR);
    const cv::Mat crop = bgr(box);
    TextureCues cues;

    cv::Mat grey, grey128;
    cv::cvtColor(crop, grey, cv::COLOR_BGR2GRAY);
    cv::resize(grey, grey128, cv::Size(kSide, kSide), 0, 0, box.width > kSide ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat power;
    const cv::Mat logPower = logSpectrum(grey128, power);
    cv::Mat localMedian;
    cv::medianBlur(logPower, localMedian, 5);
    const int c = kSide / 2;
    double peak = 0.0, total = 0.0, fine = 0.0;
    for (int y = 0; y < kSide; ++y) {
        const float *lp = logPower.ptr<float>(y);
        const float *lm = localMedian.ptr<float>(y);
        const float *p = power.ptr<float>(y);
        for (int x = 0; x < kSide; ++x) {
            const int u = x - c, v = y - c;
            const double r = std::hypot(u, v) / kSide; // cycles per pixel
            if (r * kSide < 1.0)
                continue; // DC
            total += p[x];
            if (r > kFineDetail)
                fine += p[x];
            if (r >= kPeakBandLow && r <= kPeakBandHigh && std::abs(u) > kAxisStrip && std::abs(v) > kAxisStrip)
                peak = std::max(peak, static_cast<double>(lp[x] - lm[x]));
        }
    }
    cues.moirePeak = peak;
    cues.highFrequencyShare = total > 0.0 ? fine / total : 0.0;

    cv::Mat hsv;
    cv::cvtColor(crop, hsv, cv::COLOR_BGR2HSV);
    cv::Mat glare;
    cv::inRange(hsv, cv::Scalar(0, 0, kGlareValue), cv::Scalar(180, kGlareSaturation, 255), glare);
    cues.specularFraction = static_cast<double>(cv::countNonZero(glare)) / static_cast<double>(box.area());

    cv::Mat ycrcb;
    cv::cvtColor(crop, ycrcb, cv::COLOR_BGR2YCrCb);
    cv::Scalar mean, stddev;
    cv::meanStdDev(ycrcb, mean, stddev);
    cues.chromaSpread = std::sqrt((stddev[1] * stddev[1] + stddev[2] * stddev[2]) / 2.0);
    return cues;
}

} // namespace simkyc::vision

#include "vision/card_capture.h"

#include "vision/image_access.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace simkyc::vision {
namespace {

constexpr int kSharpnessWidthPx = kRectifiedCardWidthPx / 2;

bool closeTo(const std::array<PointF, 4> &a, const std::array<PointF, 4> &b, double limitPx)
{
    for (size_t i = 0; i < a.size(); ++i)
        if (std::hypot(a[i].x - b[i].x, a[i].y - b[i].y) > limitPx)
            return false;
    return true;
}

} // namespace

std::string_view cardHintName(CardHint hint)
{
    switch (hint) {
    case CardHint::NoCard: return "no_card";
    case CardHint::HoldStill: return "hold_still";
    case CardHint::Blurred: return "blurred";
    case CardHint::NoPortrait: return "no_portrait";
    case CardHint::PortraitTooSmall: return "portrait_too_small";
    case CardHint::SeveralFaces: return "several_faces";
    case CardHint::Captured: return "captured";
    }
    return "no_card";
}

double cardSharpness(const Image &rectifiedCard)
{
    if (rectifiedCard.empty())
        return 0.0;
    try {
        const cv::Mat card = ImageAccess::view(rectifiedCard);
        cv::Mat grey;
        if (card.channels() == 3)
            cv::cvtColor(card, grey, cv::COLOR_BGR2GRAY);
        else
            grey = card;
        const double scale = static_cast<double>(kSharpnessWidthPx) / grey.cols;
        cv::Mat small;
        cv::resize(grey, small, cv::Size(), scale, scale, cv::INTER_AREA);
        cv::Mat laplacian;
        cv::Laplacian(small, laplacian, CV_32F);
        cv::Scalar mean;
        cv::Scalar deviation;
        cv::meanStdDev(laplacian, mean, deviation);
        return deviation[0] * deviation[0];
    } catch (const cv::Exception &) {
        return 0.0;
    }
}

void CardCapture::reset()
{
    m_previous.reset();
    m_steady = 0;
    m_captured.reset();
}

CardCaptureStep CardCapture::step(const Image &frame, FaceDetector &detector)
{
    CardCaptureStep out;
    if (m_captured) {
        out.hint = CardHint::Captured;
        out.corners = m_captured->card.corners;
        out.steady = m_steady;
        return out;
    }
    auto card = findIdCard(frame);
    if (!card.ok()) {
        m_previous.reset();
        m_steady = 0;
        return out; // NoCard
    }
    out.corners = card->corners;
    const double diagonal = std::hypot(frame.width(), frame.height());
    if (m_previous && closeTo(*m_previous, card->corners, m_config.maxCornerShift * diagonal))
        ++m_steady;
    else
        m_steady = 1;
    m_previous = card->corners;
    out.steady = m_steady;
    out.sharpness = cardSharpness(card->rectified);
    if (m_steady < m_config.steadyFrames) {
        out.hint = CardHint::HoldStill;
        return out;
    }
    if (out.sharpness < m_config.minSharpness) {
        out.hint = CardHint::Blurred;
        return out;
    }
    // A quick look first (one HOG pass at half size, ~15 ms): the full search pads and retries when
    // it finds nothing, which takes seconds on the back of a card.
    if (detector.detect(resizeToFit(card->rectified, kSharpnessWidthPx)).empty()) {
        out.hint = CardHint::NoPortrait;
        return out;
    }
    auto portrait = extractPortrait(card->rectified, detector);
    if (!portrait.ok()) {
        out.hint = portrait.error().code == ErrorCode::Unreadable ? CardHint::PortraitTooSmall : CardHint::NoPortrait;
        return out;
    }
    if (portrait->faceCount > 1) {
        out.hint = CardHint::SeveralFaces;
        return out;
    }
    portrait->fromCard = true;
    portrait->card = std::move(card).value();
    m_captured = std::move(portrait).value();
    out.hint = CardHint::Captured;
    return out;
}

} // namespace simkyc::vision

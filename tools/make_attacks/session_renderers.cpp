#include "session_renderers.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace simkyc::tools {
namespace {

constexpr double kPrintRegionScale = 1.7; // victim face box -> print region
constexpr double kCoverScale = 1.3;       // the print covers at least A's face box scaled by this
constexpr double kPrintContrast = 0.9;
constexpr double kPrintBlurSigma = 0.9;
constexpr double kPaperBorderFraction = 0.03; // of the print's width in the frame, at least 3 px
const cv::Scalar kPaper(235, 238, 240);       // the photo mode's print border colour
constexpr double kDarkenedFace = 0.3;         // A's face region in the backdrop behind B
constexpr double kFaceDarkScale = 1.6;        // ... that region: A's face box scaled by this

cv::Rect2f scaledAbout(const cv::Rect2f &box, double scale)
{
    const float w = static_cast<float>(box.width * scale), h = static_cast<float>(box.height * scale);
    return {box.x + 0.5f * box.width - 0.5f * w, box.y + 0.5f * box.height - 0.5f * h, w, h};
}

cv::Point2f apply(const cv::Matx23d &m, cv::Point2f p)
{
    return {static_cast<float>(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2)),
            static_cast<float>(m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2))};
}

std::array<cv::Point2f, 4> corners(const cv::Rect2f &r)
{
    return {r.tl(), cv::Point2f(r.x + r.width, r.y), r.br(), cv::Point2f(r.x, r.y + r.height)};
}

void fillQuad(cv::Mat &mask, const cv::Matx23d &toFrame, const cv::Rect2f &region)
{
    std::array<cv::Point, 4> quad;
    const auto points = corners(region);
    for (size_t i = 0; i < 4; ++i) {
        const cv::Point2f p = apply(toFrame, points[i]);
        quad[i] = {cvRound(p.x), cvRound(p.y)};
    }
    cv::fillConvexPoly(mask, quad.data(), 4, cv::Scalar(255), cv::LINE_8);
}

class PrintInsert final : public WindowInsert {
public:
    PrintInsert(const cv::Mat &victim, const FaceGeometry &victimFace, const FaceGeometry &liveFace, cv::Size frameSize,
                std::uint64_t seed)
        : m_rng(seed)
    {
        const cv::Matx23d toFrame =
            eyeSimilarity(victimFace.leftEye, victimFace.rightEye, liveFace.leftEye, liveFace.rightEye);
        cv::Matx23d toPhoto;
        cv::invertAffineTransform(toFrame, toPhoto);
        // The print region in photo pixels: the victim's face box x1.7, grown to hide A's face box x1.3.
        const cv::Rect2f face = scaledAbout(victimFace.box, kPrintRegionScale);
        cv::Point2f lo = face.tl(), hi = face.br();
        for (const cv::Point2f &corner : corners(scaledAbout(liveFace.box, kCoverScale))) {
            const cv::Point2f p = apply(toPhoto, corner);
            lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
            hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
        }
        const cv::Rect2f region(lo, hi);
        const double scale = std::hypot(toFrame(0, 0), toFrame(1, 0));
        const float border =
            static_cast<float>(std::max(3.0, kPaperBorderFraction * region.width * scale) / std::max(scale, 1e-6));
        const cv::Rect2f paper(region.x - border, region.y - border, region.width + 2 * border,
                               region.height + 2 * border);

        // Where the region reaches past the photo's edge the print shows the paper.
        cv::Mat layer;
        cv::warpAffine(victim, layer, cv::Mat(toFrame), frameSize, cv::INTER_LINEAR, cv::BORDER_CONSTANT, kPaper);
        cv::Mat inner = cv::Mat::zeros(frameSize, CV_8U), outer = cv::Mat::zeros(frameSize, CV_8U);
        fillQuad(inner, toFrame, region);
        fillQuad(outer, toFrame, paper);
        layer.setTo(kPaper, outer & ~inner);
        layer.convertTo(layer, CV_8U, kPrintContrast, (1.0 - kPrintContrast) * 128.0);
        cv::GaussianBlur(layer, layer, cv::Size(), kPrintBlurSigma);
        m_roi = cv::boundingRect(outer);
        m_layer = layer(m_roi).clone();
        m_mask = outer(m_roi).clone();
    }

    cv::Mat compose(int /*k*/, const cv::Mat &live) override
    {
        cv::Mat out = live.clone();
        const cv::Point shift(m_rng.uniform(-1, 2), m_rng.uniform(-1, 2));
        const cv::Rect target = (m_roi + shift) & cv::Rect(0, 0, out.cols, out.rows);
        if (target.area() == 0)
            return out;
        const cv::Rect source = target - m_roi.tl() - shift;
        m_layer(source).copyTo(out(target), m_mask(source));
        return out;
    }

private:
    cv::RNG m_rng;
    cv::Rect m_roi; // where the print (with its paper border) lies in the frame, before jitter
    cv::Mat m_layer;
    cv::Mat m_mask;
};

class LiveInsert final : public WindowInsert {
public:
    LiveInsert(std::vector<cv::Mat> segment, const FaceGeometry &otherFace, const FaceGeometry &liveFace,
               cv::Size frameSize, int windowFrames, int darkFrames)
        : m_segment(std::move(segment)), m_frameSize(frameSize), m_windowFrames(windowFrames), m_darkFrames(darkFrames),
          m_toFrame(eyeSimilarity(otherFace.leftEye, otherFace.rightEye, liveFace.leftEye, liveFace.rightEye))
    {
        const cv::Mat full(m_segment.front().size(), CV_8U, cv::Scalar(255));
        cv::warpAffine(full, m_cover, cv::Mat(m_toFrame), frameSize, cv::INTER_NEAREST, cv::BORDER_CONSTANT,
                       cv::Scalar(0));
        cv::erode(m_cover, m_cover, cv::Mat()); // no dark seam of interpolated border pixels
        const cv::Rect2f dark = scaledAbout(liveFace.box, kFaceDarkScale);
        m_liveFace = cv::Rect(cvRound(dark.x), cvRound(dark.y), cvRound(dark.width), cvRound(dark.height));
    }

    cv::Mat compose(int k, const cv::Mat &live) override
    {
        if (k < m_darkFrames || k >= m_windowFrames - m_darkFrames)
            return handOverLens(live);
        const size_t index = std::min(static_cast<size_t>(k - m_darkFrames), m_segment.size() - 1);
        cv::Mat out = backdrop(live);
        cv::Mat warped;
        cv::warpAffine(m_segment[index], warped, cv::Mat(m_toFrame), m_frameSize, cv::INTER_LINEAR,
                       cv::BORDER_CONSTANT);
        warped.copyTo(out, m_cover);
        return out;
    }

private:
    // Where B does not reach: A's frame blurred at 1/8 size, A's face region darkened first, so no
    // second face is left to detect.
    cv::Mat backdrop(const cv::Mat &live) const
    {
        constexpr int kFactor = 8;
        cv::Mat small;
        cv::resize(live, small, cv::Size(std::max(1, live.cols / kFactor), std::max(1, live.rows / kFactor)), 0, 0,
                   cv::INTER_AREA);
        const cv::Rect face = cv::Rect(m_liveFace.x / kFactor, m_liveFace.y / kFactor, m_liveFace.width / kFactor + 1,
                                       m_liveFace.height / kFactor + 1) &
                              cv::Rect(0, 0, small.cols, small.rows);
        if (face.area() > 0)
            small(face).convertTo(small(face), CV_8U, kDarkenedFace);
        cv::GaussianBlur(small, small, cv::Size(), 2.5);
        cv::Mat out;
        cv::resize(small, out, live.size(), 0, 0, cv::INTER_LINEAR);
        return out;
    }

    std::vector<cv::Mat> m_segment;
    cv::Size m_frameSize;
    int m_windowFrames = 0;
    int m_darkFrames = 0;
    cv::Matx23d m_toFrame;
    cv::Mat m_cover; // CV_8U, 255 where warped B covers the frame
    cv::Rect m_liveFace;
};

} // namespace

const char *sessionKindName(SessionKind kind)
{
    switch (kind) {
    case SessionKind::Hybrid: return "hybrid";
    case SessionKind::Swap: return "swap";
    case SessionKind::Gap: return "gap";
    case SessionKind::Control: return "control";
    }
    return "unknown";
}

cv::Matx23d eyeAlignment(const FaceGeometry &from, const FaceGeometry &to)
{
    return eyeSimilarity(from.leftEye, from.rightEye, to.leftEye, to.rightEye);
}

std::unique_ptr<WindowInsert> makePrintInsert(const cv::Mat &victim, const FaceGeometry &victimFace,
                                              const FaceGeometry &liveFace, cv::Size frameSize, std::uint64_t seed)
{
    return std::make_unique<PrintInsert>(victim, victimFace, liveFace, frameSize, seed);
}

std::unique_ptr<WindowInsert> makeLiveInsert(std::vector<cv::Mat> segment, const FaceGeometry &otherFace,
                                             const FaceGeometry &liveFace, cv::Size frameSize, int windowFrames,
                                             int darkFrames)
{
    if (segment.empty())
        return nullptr;
    return std::make_unique<LiveInsert>(std::move(segment), otherFace, liveFace, frameSize, windowFrames, darkFrames);
}

cv::Mat handOverLens(const cv::Mat &live)
{
    // 1/16 size, blurred there (about 50 px at full size), then a skin-lit dark tint averaging 8 %.
    constexpr int kFactor = 16;
    cv::Mat small;
    cv::resize(live, small, cv::Size(std::max(1, live.cols / kFactor), std::max(1, live.rows / kFactor)), 0, 0,
               cv::INTER_AREA);
    cv::GaussianBlur(small, small, cv::Size(), 3.0);
    cv::multiply(small, cv::Scalar(0.065, 0.08, 0.095), small);
    cv::Mat out;
    cv::resize(small, out, live.size(), 0, 0, cv::INTER_LINEAR);
    return out;
}

} // namespace simkyc::tools

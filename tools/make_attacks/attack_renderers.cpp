#include "attack_renderers.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace simkyc::tools {

std::string noiseNote(const ClipSpec &clip)
{
    char text[48];
    std::snprintf(text, sizeof text, " noise_sigma=%g", clip.noiseSigma);
    return text;
}

namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

double degToRad(double deg)
{
    return deg * std::numbers::pi / 180.0;
}

cv::Matx33d translation(double dx, double dy)
{
    return {1, 0, dx, 0, 1, dy, 0, 0, 1};
}

// In-plane similarity about the photo's face anchor, the anchor placed at frameAnchor + (dx, dy).
cv::Matx33d inPlane(const StagedPhoto &staged, double dx, double dy, double scale, double angleDeg)
{
    const double c = std::cos(degToRad(angleDeg)) * scale;
    const double s = std::sin(degToRad(angleDeg)) * scale;
    const cv::Matx33d rotScale(c, -s, 0, s, c, 0, 0, 0, 1);
    return translation(staged.frameAnchor.x + dx, staged.frameAnchor.y + dy) * rotScale *
           translation(-staged.anchor.x, -staged.anchor.y);
}

// The photo as a plane through the face anchor, rotated by yaw (about the vertical axis) and pitch
// (about the horizontal axis), seen by a pinhole camera of focal length `focal` at distance `focal`
// (so at yaw = pitch = 0 the photo appears at scale 1).
cv::Matx33d planeRotation(const StagedPhoto &staged, double yawDeg, double pitchDeg, double focal, double dx, double dy)
{
    const double cy = std::cos(degToRad(yawDeg)), sy = std::sin(degToRad(yawDeg));
    const double cp = std::cos(degToRad(pitchDeg)), sp = std::sin(degToRad(pitchDeg));
    const cv::Matx33d yaw(cy, 0, sy, 0, 1, 0, -sy, 0, cy);
    const cv::Matx33d pitch(1, 0, 0, 0, cp, -sp, 0, sp, cp);
    const cv::Matx33d rotation = yaw * pitch;
    // [r1 r2 t] with t = (0, 0, focal): plane points (X, Y, 0) in photo pixels relative to the anchor.
    const cv::Matx33d extrinsic(rotation(0, 0), rotation(0, 1), 0.0, rotation(1, 0), rotation(1, 1), 0.0,
                                rotation(2, 0), rotation(2, 1), focal);
    const cv::Matx33d intrinsic(focal, 0, staged.frameAnchor.x + dx, 0, focal, staged.frameAnchor.y + dy, 0, 0, 1);
    return intrinsic * extrinsic * translation(-staged.anchor.x, -staged.anchor.y);
}

// Base for the photo attacks: compose, add noise.
class PhotoRenderer : public FrameRenderer {
public:
    PhotoRenderer(const StagedPhoto &staged, const ClipSpec &clip, std::uint64_t seed)
        : m_staged(staged), m_clip(clip), m_rng(seed), m_noise(clip.size, clip.noiseSigma, m_rng)
    {
    }

    cv::Mat render(int index) override
    {
        const double t = index / m_clip.fps;
        cv::Mat frame = composeFrame(m_staged.background, photoFor(index), transformAt(t));
        if (m_clip.noiseSigma > 0.0)
            m_noise.apply(frame, m_rng);
        return frame;
    }

protected:
    [[nodiscard]] virtual cv::Matx33d transformAt(double t) = 0;
    [[nodiscard]] virtual const cv::Mat &photoFor(int /*index*/) const { return m_staged.photo; }
    [[nodiscard]] double phase() { return m_rng.uniform(0.0, kTwoPi); }

    const StagedPhoto &m_staged;
    ClipSpec m_clip;
    cv::RNG m_rng;
    SensorNoise m_noise;
};

class StillRenderer final : public PhotoRenderer {
public:
    using PhotoRenderer::PhotoRenderer;
    [[nodiscard]] std::string notes() const override { return m_staged.notes + noiseNote(m_clip); }
    [[nodiscard]] std::vector<int> snapshotFrames() const override { return {0}; }

protected:
    cv::Matx33d transformAt(double /*t*/) override { return inPlane(m_staged, 0, 0, 1, 0); }
};

// Smooth in-plane motion: sinusoids of different periods (2-5 s) and random phases.
class MovedRenderer final : public PhotoRenderer {
public:
    MovedRenderer(const StagedPhoto &staged, const ClipSpec &clip, std::uint64_t seed)
        : PhotoRenderer(staged, clip, seed)
    {
        for (double &p : m_phases)
            p = phase();
    }
    [[nodiscard]] std::string notes() const override
    {
        return m_staged.notes + " tx=+-60px ty=+-40px scale=0.85..1.15 roll=+-12deg periods=3.1/4.3/4.7/2.3s";
    }
    [[nodiscard]] std::vector<int> snapshotFrames() const override
    {
        return {0, m_clip.frames / 3, 2 * m_clip.frames / 3};
    }

protected:
    cv::Matx33d transformAt(double t) override
    {
        const double dx = 60.0 * std::sin(kTwoPi * t / 3.1 + m_phases[0]);
        const double dy = 40.0 * std::sin(kTwoPi * t / 4.3 + m_phases[1]);
        const double scale = 1.0 + 0.15 * std::sin(kTwoPi * t / 4.7 + m_phases[2]);
        const double roll = 12.0 * std::sin(kTwoPi * t / 2.3 + m_phases[3]);
        return inPlane(m_staged, dx, dy, scale, roll);
    }

private:
    double m_phases[4] = {};
};

// Fake head turns: yaw to +35 (hold 0.5 s), back, to -35 (hold), back; then pitch +20 and -20.
// The key frames are laid out for a 9 s clip and stretched to the clip length; cosine easing between.
class TiltedRenderer final : public PhotoRenderer {
public:
    TiltedRenderer(const StagedPhoto &staged, const ClipSpec &clip, std::uint64_t seed)
        : PhotoRenderer(staged, clip, seed), m_jitterPhase(phase())
    {
    }
    [[nodiscard]] std::string notes() const override
    {
        return m_staged.notes + " yaw=0>+35(hold0.5s)>0>-35(hold)>0 pitch=0>+20>0>-20>0 focal=frame_width";
    }
    [[nodiscard]] std::vector<int> snapshotFrames() const override
    {
        const double k = m_clip.frames / 9.0; // key frame times are in units of a 9 s clip
        return {static_cast<int>(1.25 * k), static_cast<int>(3.75 * k), static_cast<int>(6.0 * k),
                static_cast<int>(8.0 * k)};
    }

protected:
    cv::Matx33d transformAt(double t) override
    {
        struct Key {
            double t, yaw, pitch;
        };
        static constexpr Key kKeys[] = {{0.0, 0, 0},    {1.0, 35, 0},   {1.5, 35, 0},  {2.5, 0, 0},   {3.5, -35, 0},
                                        {4.0, -35, 0},  {5.0, 0, 0},    {5.75, 0, 20}, {6.25, 0, 20}, {7.0, 0, 0},
                                        {7.75, 0, -20}, {8.25, 0, -20}, {9.0, 0, 0}};
        const double clipSeconds = m_clip.frames / m_clip.fps;
        const double u = std::clamp(t * 9.0 / clipSeconds, 0.0, 9.0);
        double yaw = 0.0, pitch = 0.0;
        for (size_t i = 0; i + 1 < std::size(kKeys); ++i) {
            if (u <= kKeys[i + 1].t) {
                const double a = (u - kKeys[i].t) / (kKeys[i + 1].t - kKeys[i].t);
                const double ease = 0.5 - 0.5 * std::cos(std::numbers::pi * a);
                yaw = kKeys[i].yaw + ease * (kKeys[i + 1].yaw - kKeys[i].yaw);
                pitch = kKeys[i].pitch + ease * (kKeys[i + 1].pitch - kKeys[i].pitch);
                break;
            }
        }
        // A hand holding the photo is never perfectly still: 2-3 px of slow tremor.
        const double dx = 3.0 * std::sin(kTwoPi * t / 1.7 + m_jitterPhase);
        const double dy = 2.0 * std::sin(kTwoPi * t / 2.3 + m_jitterPhase);
        return planeRotation(m_staged, yaw, pitch, m_clip.size.width, dx, dy);
    }

private:
    double m_jitterPhase = 0.0;
};

// The photo, held nearly still, whose eyes are swapped for a closed-eye cut-out for 4 frames every 1.5 s.
class CutoutRenderer final : public PhotoRenderer {
public:
    CutoutRenderer(const StagedPhoto &staged, const ClipSpec &clip, std::uint64_t seed, const ClosedEyeDonor &donor)
        : PhotoRenderer(staged, clip, seed), m_closed(pasteClosedEyes(staged, donor)),
          m_blinkStarts(cutoutBlinkStarts(clip)), m_donorName(donor.name)
    {
        for (double &p : m_phases)
            p = phase();
    }
    [[nodiscard]] std::string notes() const override
    {
        std::string text = m_staged.notes + " donor=" + m_donorName + " blink_frames=";
        for (size_t i = 0; i < m_blinkStarts.size(); ++i)
            text += (i ? ";" : "") + std::to_string(m_blinkStarts[i]) + "-" +
                    std::to_string(std::min(m_blinkStarts[i] + kCutoutBlinkFrames, m_clip.frames) - 1);
        return text;
    }
    [[nodiscard]] std::vector<int> snapshotFrames() const override
    {
        if (m_blinkStarts.empty())
            return {0};
        return {std::max(0, m_blinkStarts.front() - 1), m_blinkStarts.front() + 1};
    }

protected:
    cv::Matx33d transformAt(double t) override
    {
        const double dx = 2.5 * std::sin(kTwoPi * t / 3.7 + m_phases[0]);
        const double dy = 2.0 * std::sin(kTwoPi * t / 4.9 + m_phases[1]);
        const double roll = 0.6 * std::sin(kTwoPi * t / 5.3 + m_phases[2]);
        return inPlane(m_staged, dx, dy, 1.0, roll);
    }
    [[nodiscard]] const cv::Mat &photoFor(int index) const override
    {
        for (int start : m_blinkStarts)
            if (index >= start && index < start + kCutoutBlinkFrames)
                return m_closed;
        return m_staged.photo;
    }

private:
    cv::Mat m_closed;
    std::vector<int> m_blinkStarts;
    std::string m_donorName;
    double m_phases[3] = {};
};

// Per-channel mean/std transfer of `source` to `target` statistics, both measured under `mask`.
void matchColours(cv::Mat &source, const cv::Mat &target, const cv::Mat &mask)
{
    cv::Scalar srcMean, srcStd, dstMean, dstStd;
    cv::meanStdDev(source, srcMean, srcStd, mask);
    cv::meanStdDev(target, dstMean, dstStd, mask);
    std::vector<cv::Mat> channels;
    cv::split(source, channels);
    for (int c = 0; c < 3; ++c) {
        const double gain = std::clamp(dstStd[c] / std::max(srcStd[c], 1.0), 0.5, 2.0);
        channels[static_cast<size_t>(c)].convertTo(channels[static_cast<size_t>(c)], CV_8U, gain,
                                                   dstMean[c] - gain * srcMean[c]);
    }
    cv::merge(channels, source);
}

} // namespace

std::vector<int> cutoutBlinkStarts(const ClipSpec &clip)
{
    std::vector<int> starts;
    for (double t = 1.0;; t += 1.5) {
        const int start = static_cast<int>(std::lround(t * clip.fps));
        if (start + kCutoutBlinkFrames > clip.frames)
            break;
        starts.push_back(start);
    }
    return starts;
}

cv::Mat pasteClosedEyes(const StagedPhoto &staged, const ClosedEyeDonor &donor)
{
    const cv::Mat &photo = staged.photo;
    // Similarity transform taking the donor's eye centres onto the photo's.
    const cv::Point2f srcL = donor.face.leftEye, srcR = donor.face.rightEye;
    const cv::Point2f dstL = staged.face.leftEye, dstR = staged.face.rightEye;
    const cv::Matx23d donorToPhoto = eyeSimilarity(srcL, srcR, dstL, dstR);
    const cv::Point2f dstV = dstR - dstL;
    const double dstLen = std::hypot(static_cast<double>(dstV.x), static_cast<double>(dstV.y));

    cv::Mat warped;
    cv::warpAffine(donor.image, warped, cv::Mat(donorToPhoto), photo.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);

    // Soft ellipses around each eye (lids, lashes and a little of the brow gap), in photo pixels.
    cv::Mat alpha = cv::Mat::zeros(photo.size(), CV_32F);
    const double eyeAngleDeg = std::atan2(dstV.y, dstV.x) * 180.0 / std::numbers::pi;
    const cv::Size axes(std::max(2, cvRound(0.42 * dstLen)), std::max(2, cvRound(0.24 * dstLen)));
    for (const cv::Point2f &eye : {dstL, dstR})
        cv::ellipse(alpha, cv::Point(cvRound(eye.x), cvRound(eye.y)), axes, eyeAngleDeg, 0, 360, cv::Scalar(1.0),
                    cv::FILLED, cv::LINE_AA);
    cv::GaussianBlur(alpha, alpha, cv::Size(), std::max(1.0, 0.08 * dstLen));

    cv::Mat mask;
    cv::compare(alpha, 0.5, mask, cv::CMP_GT);
    // A grey photo (Yale) gets a grey cut-out; then match brightness and contrast to the photo's eyes.
    // Judged around the eyes only: the print border is off-white.
    const cv::Rect eyeArea = cv::boundingRect(mask);
    cv::Mat channels[3];
    cv::split(photo(eyeArea.area() > 0 ? eyeArea : cv::Rect(0, 0, photo.cols, photo.rows)), channels);
    if (cv::norm(channels[0], channels[1], cv::NORM_INF) <= 2 &&
        cv::norm(channels[1], channels[2], cv::NORM_INF) <= 2) {
        cv::Mat grey;
        cv::cvtColor(warped, grey, cv::COLOR_BGR2GRAY);
        cv::cvtColor(grey, warped, cv::COLOR_GRAY2BGR);
    }
    if (cv::countNonZero(mask) > 16)
        matchColours(warped, photo, mask);

    cv::Mat alpha3, photoF, warpedF;
    cv::cvtColor(alpha, alpha3, cv::COLOR_GRAY2BGR);
    photo.convertTo(photoF, CV_32FC3);
    warped.convertTo(warpedF, CV_32FC3);
    cv::Mat blended = photoF.mul(cv::Scalar::all(1.0) - alpha3) + warpedF.mul(alpha3);
    cv::Mat result;
    blended.convertTo(result, CV_8UC3);
    return result;
}

std::unique_ptr<FrameRenderer> makePhotoRenderer(AttackType type, const StagedPhoto &staged, const ClipSpec &clip,
                                                 std::uint64_t seed, const ClosedEyeDonor *donor)
{
    switch (type) {
    case AttackType::Still: return std::make_unique<StillRenderer>(staged, clip, seed);
    case AttackType::Moved: return std::make_unique<MovedRenderer>(staged, clip, seed);
    case AttackType::Tilted: return std::make_unique<TiltedRenderer>(staged, clip, seed);
    case AttackType::Cutout:
        if (!donor)
            return nullptr;
        return std::make_unique<CutoutRenderer>(staged, clip, seed, *donor);
    case AttackType::Replay: return nullptr;
    }
    return nullptr;
}

} // namespace simkyc::tools

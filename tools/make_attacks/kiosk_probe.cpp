#include "kiosk_probe.h"

#include "vision/face_geometry.h"
#include "vision/face_tracker.h"
#include "vision/image.h"
#include "vision/landmarks.h"
#include "vision/liveness_events.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>

namespace simkyc::tools {
namespace {

// The check these clips target detects (and looks for a second face) every 12th tracked frame; the
// tracker's default has since become 6. The probe keeps 12: the clips must pass that check.
constexpr int kTargetRedetectEveryFrames = 12;

} // namespace

struct KioskProbe::Impl {
    std::unique_ptr<vision::FaceTracker> tracker;
    vision::BlinkDetector blinks;
    double fps = 30.0;
    std::int64_t frame = 0;
    std::optional<vision::FaceBox> lastBox;
    int gap = 0;
    KioskView view;
};

KioskProbe::KioskProbe(FaceLocator &locator, double fps) : m_impl(std::make_unique<Impl>())
{
    m_impl->fps = fps;
    vision::TrackerOptions options;
    options.redetectEveryFrames = kTargetRedetectEveryFrames;
    if (const vision::LandmarkDetector *model = locator.landmarkModel())
        m_impl->tracker = std::make_unique<vision::FaceTracker>(*model, options);
}

KioskProbe::~KioskProbe() = default;

bool KioskProbe::usable() const
{
    return m_impl->tracker != nullptr;
}

void KioskProbe::feed(const cv::Mat &bgr)
{
    Impl &p = *m_impl;
    if (!p.tracker)
        return;
    const cv::Mat continuous = bgr.isContinuous() ? bgr : bgr.clone();
    const auto image = vision::Image::fromPixels(
        continuous.cols, continuous.rows, 3,
        std::span<const std::uint8_t>(continuous.data, continuous.total() * continuous.elemSize()));
    const vision::TrackResult track = p.tracker->update(image ? image.value() : vision::Image{});
    vision::LivenessSample sample;
    sample.frame = p.frame;
    sample.timeMs = static_cast<double>(p.frame) * 1000.0 / p.fps;
    sample.hasFace = track.origin != vision::FaceOrigin::None && track.landmarks.size() == 68;
    p.view.maxFaces = std::max(p.view.maxFaces, track.facesInLastDetection);
    if (sample.hasFace) {
        sample.earLeft = vision::eyeAspectRatio(track.landmarks, vision::Eye::Left);
        sample.earRight = vision::eyeAspectRatio(track.landmarks, vision::Eye::Right);
        p.view.eyeAspect.push_back(static_cast<float>(0.5 * (sample.earLeft + sample.earRight)));
        if (p.lastBox && p.lastBox->width > 0) {
            const double dx = (track.box.x + track.box.width / 2.0) - (p.lastBox->x + p.lastBox->width / 2.0);
            const double dy = (track.box.y + track.box.height / 2.0) - (p.lastBox->y + p.lastBox->height / 2.0);
            p.view.maxJumpWidths = std::max(p.view.maxJumpWidths, std::hypot(dx, dy) / p.lastBox->width);
        }
        p.lastBox = track.box;
        p.gap = 0;
    } else {
        p.view.eyeAspect.push_back(-1.f);
        if (p.lastBox)
            p.view.longestGap = std::max(p.view.longestGap, ++p.gap);
    }
    if (const auto closure = p.blinks.feed(sample); closure && closure->isBlink())
        p.view.blinks.emplace_back(static_cast<int>(closure->startFrame), static_cast<int>(closure->endFrame));
    ++p.frame;
}

const KioskView &KioskProbe::view() const
{
    return m_impl->view;
}

} // namespace simkyc::tools

// A replay, inside simkyc-make-attacks, of how the liveness check follows a session clip:
// vision::FaceTracker (a detection every 12th tracked frame, as in the check the clips target) and
// vision::BlinkDetector (default options), fed every frame of the clip in order, decoded as the kiosk
// decodes it. The session mode keeps an attack clip only when the check
// would follow it as intended (one face track without a jump or a long gap, A's prompted blinks seen
// as blinks), so that what fails the clip later is the hole it targets being closed, not tracking luck.
// Guarantees: never throws for valid BGR frames; results depend only on the frames and the fps.
// Thread-safety: one instance per thread; the FaceLocator must outlive it and not be used meanwhile
// from another thread.
#pragma once

#include "photo_stage.h"

#include <opencv2/core.hpp>

#include <memory>
#include <utility>
#include <vector>

namespace simkyc::tools {

struct KioskView {
    double maxJumpWidths = 0.0; // the face box centre between consecutive frames with a face, in face widths
    int longestGap = 0;         // consecutive frames without a face, after the first face
    int maxFaces = 0;           // the most faces one detection found
    std::vector<std::pair<int, int>> blinks; // first and last frame of every closure judged a blink
    std::vector<float> eyeAspect;            // per frame: the mean of both eyes' ratios, -1 without a face
};

class KioskProbe {
public:
    // Uses the locator's 68-point model; usable() is false without it.
    KioskProbe(FaceLocator &locator, double fps);
    ~KioskProbe();
    KioskProbe(const KioskProbe &) = delete;
    KioskProbe &operator=(const KioskProbe &) = delete;

    [[nodiscard]] bool usable() const;
    void feed(const cv::Mat &bgr);
    [[nodiscard]] const KioskView &view() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace simkyc::tools

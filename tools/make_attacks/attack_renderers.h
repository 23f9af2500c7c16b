// Frame renderers of simkyc-make-attacks: one per attack type, each producing the frames of one clip.
// Guarantees: render() is called with 0, 1, ..., frames-1 in order and returns a BGR frame of the clip
// size; output depends only on the inputs and the seed (no clock, no global RNG); never throws for
// valid inputs (OpenCV errors on bad input propagate as cv::Exception to main, which reports them).
// Thread-safety: one renderer per thread.
#pragma once

#include "options.h"
#include "photo_stage.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace simkyc::tools {

struct ClipSpec {
    cv::Size size{640, 480};
    double fps = 30.0;
    int frames = 270;
    // Gaussian sensor noise per frame, grey levels (--noise); 0: frames as a program renders them,
    // without a camera sensor's noise (what vision::SensorNoise looks for).
    double noiseSigma = 2.0;
};

class FrameRenderer {
public:
    virtual ~FrameRenderer() = default;
    virtual cv::Mat render(int index) = 0;
    [[nodiscard]] virtual std::string notes() const = 0;
    // Frames worth a PNG snapshot for a visual check (--snapshots).
    [[nodiscard]] virtual std::vector<int> snapshotFrames() const = 0;
};

// A closed-eye face (CEW crop) whose eye region is pasted over the photo's eyes for the cut-out attack.
struct ClosedEyeDonor {
    cv::Mat image;     // BGR
    FaceGeometry face; // eye centres in `image`
    std::string name;  // file name, for the notes
};

// The photo with both eye regions replaced by the donor's closed eyes (similarity-aligned on the eye
// centres, colour-matched, feathered alpha blend).
cv::Mat pasteClosedEyes(const StagedPhoto &staged, const ClosedEyeDonor &donor);

// First frames of the blinks of the cut-out attack: every 1.5 s from 1.0 s; each lasts kCutoutBlinkFrames.
inline constexpr int kCutoutBlinkFrames = 4;
std::vector<int> cutoutBlinkStarts(const ClipSpec &clip);

// " noise_sigma=S" for the notes column (S as given to --noise; 0: no sensor noise added).
std::string noiseNote(const ClipSpec &clip);

// Still, moved, tilted or cutout (donor required for cutout). Replay lives in replay_renderer.h.
std::unique_ptr<FrameRenderer> makePhotoRenderer(AttackType type, const StagedPhoto &staged, const ClipSpec &clip,
                                                 std::uint64_t seed, const ClosedEyeDonor *donor);

} // namespace simkyc::tools

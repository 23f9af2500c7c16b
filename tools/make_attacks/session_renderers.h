// What replaces the live person A during the one-second insertion window of a session attack of
// simkyc-make-attacks (session_attacks.h): a printed photo of a victim held over A's face (hybrid),
// another live person B in A's place (swap), or B between two hand-over-the-lens moments (gap).
// Guarantees: compose() returns a new BGR frame of the live frame's size and leaves the live frame
// untouched; output depends only on the inputs and the seed (no clock, no global RNG). OpenCV errors
// on bad input propagate as cv::Exception (main reports them). Coordinates are A's frame pixels.
// Thread-safety: one insert per thread.
#pragma once

#include "photo_stage.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <memory>
#include <vector>

namespace simkyc::tools {

enum class SessionKind { Hybrid, Swap, Gap, Control };
inline constexpr SessionKind kAttackKinds[] = {SessionKind::Hybrid, SessionKind::Swap, SessionKind::Gap};
inline constexpr SessionKind kSessionKinds[] = {SessionKind::Hybrid, SessionKind::Swap, SessionKind::Gap,
                                                SessionKind::Control};
const char *sessionKindName(SessionKind kind); // "hybrid", "swap", "gap", "control"

// Hand-over-the-lens frames at each end of a gap window.
inline constexpr int kGapDarkFrames = 4;

class WindowInsert {
public:
    virtual ~WindowInsert() = default;
    // The output frame for window frame `k` (0-based), given A's frame at the same clip time.
    virtual cv::Mat compose(int k, const cv::Mat &live) = 0;
};

// A print of `victim` whose eye centres lie on A's (`liveFace`, at the window start): the victim's
// face box x1.7 about its centre, grown to cover A's face box x1.3, with a thin white paper border,
// contrast 0.9 and a slight blur; held still with +-1 px of seeded jitter per frame.
std::unique_ptr<WindowInsert> makePrintInsert(const cv::Mat &victim, const FaceGeometry &victimFace,
                                              const FaceGeometry &liveFace, cv::Size frameSize, std::uint64_t seed);

// Another live person: B's consecutive frames `segment`, all warped by the one similarity transform
// that maps B's eye centres in segment[0] (`otherFace`) onto A's at the window start, over a blurred
// copy of A's frame with A's face darkened. With darkFrames > 0 (gap) the first and the last
// darkFrames window frames are handOverLens(A's frame) and B fills the rest of `windowFrames`.
std::unique_ptr<WindowInsert> makeLiveInsert(std::vector<cv::Mat> segment, const FaceGeometry &otherFace,
                                             const FaceGeometry &liveFace, cv::Size frameSize, int windowFrames,
                                             int darkFrames);

// The similarity transform (rotation, uniform scale, shift) taking `from`'s eye centres onto `to`'s.
cv::Matx23d eyeAlignment(const FaceGeometry &from, const FaceGeometry &to);

// A's frame with a hand over the lens: about 8 % of its brightness (slightly red), heavily blurred.
cv::Mat handOverLens(const cv::Mat &live);

} // namespace simkyc::tools

// CardCapture: decides, frame by frame, when a camera sees an ID card well enough to take its photo,
// and says what is missing meanwhile, so the clerk's screen can guide: a card-shaped quadrilateral
// (findIdCard), held still (every corner within maxCornerShift of the previous frame's for
// steadyFrames frames in a row), sharp (variance of the Laplacian of the rectified card, measured at
// half its width, at least minSharpness), and exactly one face on it big enough to compare
// (extractPortrait).
// Guarantees: never throws; the hint is Captured exactly when captured() holds the rectified card
// and its portrait; a card that moves, blurs or leaves the frame starts the count again; the
// portrait search (the costly step) runs only on a still, sharp card, and in full only after a quick
// look at half size found a face.
// Thread-safety: one thread at a time; the FaceDetector passed in must not be shared between threads.
#pragma once

#include "vision/face_detector.h"
#include "vision/id_card.h"
#include "vision/image.h"
#include "vision/types.h"

#include <array>
#include <optional>
#include <string_view>

namespace simkyc::vision {

struct CardCaptureConfig {
    double minSharpness = 60.0;   // variance of the Laplacian, grey rectified card at 506 px wide
    double maxCornerShift = 0.02; // per corner between frames, as a share of the frame's diagonal
    int steadyFrames = 3;         // frames in a row with the card still before the portrait search
};

enum class CardHint {
    NoCard,           // no card-shaped quadrilateral covering 15 % of the frame
    HoldStill,        // found, but moving (or not yet found steadyFrames times in a row)
    Blurred,          // still, but not sharp
    NoPortrait,       // still and sharp, but no face on it (the back of the card?)
    PortraitTooSmall, // a face narrower than kMinPortraitFacePx on the rectified card
    SeveralFaces,     // more than one face on the card
    Captured,         // done: captured() holds the result
};

// "no_card", "hold_still", "blurred", "no_portrait", "portrait_too_small", "several_faces",
// "captured" (stable: shown by the kiosk, translated there).
std::string_view cardHintName(CardHint hint);

struct CardCaptureStep {
    CardHint hint = CardHint::NoCard;
    std::optional<std::array<PointF, 4>> corners; // the card in the frame, when one was found
    double sharpness = 0.0;                       // when a card was found
    int steady = 0;                               // frames in a row with the card still
};

class CardCapture {
public:
    explicit CardCapture(CardCaptureConfig config = {}) : m_config(config) {}

    // Looks at the next frame. After Captured, further frames change nothing until reset().
    CardCaptureStep step(const Image &frame, FaceDetector &detector);
    // The rectified card (IdPortrait::card.rectified) and its portrait, after Captured.
    [[nodiscard]] const std::optional<IdPortrait> &captured() const { return m_captured; }
    void reset();

private:
    CardCaptureConfig m_config;
    std::optional<std::array<PointF, 4>> m_previous;
    int m_steady = 0;
    std::optional<IdPortrait> m_captured;
};

// Variance of the Laplacian of the card's grey image scaled to 506 px wide (the measure
// CardCaptureConfig::minSharpness is in). 0 for an empty image.
double cardSharpness(const Image &rectifiedCard);

} // namespace simkyc::vision

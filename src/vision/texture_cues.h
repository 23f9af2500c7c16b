// Texture cues of a presentation attack, measured on the face and its surroundings in one frame.
// A face shown on a screen or printed on paper and filmed again carries traces of the second
// capture: a moiré of the screen's pixel grid or the printer's halftone (isolated peaks in the
// spectrum), specular glare from the glass or the glossy paper (flat, colourless, saturated
// patches), a reduced colour gamut (prints and screens compress chroma), and lost fine detail.
// Each cue is a plain number; they are evidence reported beside the learned model's score, and the
// docs/accuracy.md measurement says which of them, if any, separates attacks on the data we have.
// Guarantees: never throws; InvalidArgument for an empty image or a box of non-positive size or
// outside the image.
// Thread-safety: pure function, reentrant.
#pragma once

#include "core/result.h"
#include "vision/image.h"
#include "vision/types.h"

namespace simkyc::vision {

struct TextureCues {
    // Strongest isolated peak in the spectrum's mid/high band (0.15-0.45 cycles per pixel of the
    // face crop resampled to 128 px), in log10 units above the local median of the spectrum; the
    // strips along both axes (JPEG/H.264 block edges, scan lines) are left out.
    double moirePeak = 0.0;
    // Share of the face crop's pixels that are near white and colourless (glare).
    double specularFraction = 0.0;
    // Standard deviation of the chroma (Cr and Cb, 0-255 scale) inside the face box.
    double chromaSpread = 0.0;
    // Share of the spectral energy above 0.25 cycles per pixel (fine detail) in the face crop.
    double highFrequencyShare = 0.0;
};

// frame: the full camera frame (grey is accepted: chroma is then 0); face: a detector box in it.
Result<TextureCues> measureTexture(const Image &frame, const FaceBox &face);

} // namespace simkyc::vision

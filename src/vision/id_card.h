// ID-card photo: find a card (ID-1, 85.6 x 54 mm) or a passport data page (ICAO TD3, 125 x 88 mm)
// in a camera frame, rectify it, and cut the holder's portrait from a card, a scan or a chip JPEG.
// Guarantees: never throws (OpenCV failures become Internal); corners and boxes are in the input
// image's pixel coordinates; the rectified card and the portrait are new images (input untouched).
// Thread-safety: the functions are reentrant; a FaceDetector must not be shared between threads.
#pragma once

#include "core/result.h"
#include "vision/face_detector.h"
#include "vision/image.h"
#include "vision/types.h"

#include <array>
#include <string>

namespace simkyc::vision {

enum class CardAspect {
    Id1, // ID-1 card, 85.6 x 54 mm (1.585)
    Td3, // passport data page, 125 x 88 mm (1.420)
};

// "id1" or "td3" (stable: part of the CLI JSON).
const char *cardAspectName(CardAspect aspect);

inline constexpr int kRectifiedCardWidthPx = 1012; // width of CardDetection::rectified

struct CardDetection {
    std::array<PointF, 4> corners{}; // top-left, top-right, bottom-right, bottom-left (in the frame)
    CardAspect aspect = CardAspect::Id1;
    double aspectRatio = 0.0; // measured long side / short side of the quadrilateral
    double areaShare = 0.0;   // quadrilateral area / frame area
    std::string method;       // "canny" or "threshold"
    Image rectified;          // kRectifiedCardWidthPx wide, height from the nominal aspect
};

// The largest convex quadrilateral covering at least 15 % of the frame whose aspect ratio is within
// 12 % of ID-1 or TD3 (portrait-held cards are turned to landscape). Edges first (Canny), then an
// adaptive-threshold variant. Errors: InvalidArgument (empty image), NotFound ("no card-shaped
// quadrilateral"), Internal.
Result<CardDetection> findIdCard(const Image &frame);

struct IdPortrait {
    Image portrait;     // ICAO-like crop: face width ~55 % of the crop width, aspect 102:126
    FaceBox face;       // the face in the input image's coordinates
    double score = 0.0; // HOG margin of the face (Detection::score)
    int faceCount = 0;
    std::string method;    // how the face was found (FaceSearch::method)
    bool fromCard = false; // idPortraitFromImage: true when the face was found on a rectified card
    CardDetection card;    // set when fromCard
};

inline constexpr int kMinPortraitFacePx = 40; // narrower faces are refused as unreadable

// The largest face of a (rectified) card, a scan or a chip portrait, found with
// FaceDetector::findFaces (which upsamples small images). Errors: InvalidArgument (empty image),
// NoFace, Unreadable ("portrait too small or pixelated": face narrower than kMinPortraitFacePx),
// Internal.
Result<IdPortrait> extractPortrait(const Image &cardOrDocument, FaceDetector &detector);

// extractPortrait on the whole image (scans, chip JPEGs); when that finds no face, findIdCard and
// extractPortrait on the rectified card (camera frame of a card held up). The face box is then in
// the rectified card's coordinates. Errors: those of extractPortrait (NoFace when neither works).
Result<IdPortrait> idPortraitFromImage(const Image &image, FaceDetector &detector);

} // namespace simkyc::vision

// Capture-quality hints for live capture guidance: what the person should change so the frame is
// usable (come closer, face the camera, more light, ...). Thresholds come from a
// CaptureQualityConfig (versioned configuration), never from this code.
// Guarantees: never throws; hints are sorted by QualityHint order, which is the order a UI should
// show them in (most fundamental first); hint names are stable snake_case (append only).
// Thread-safety: reentrant.
#pragma once

#include "vision/capture_quality_config.h"
#include "vision/face_geometry.h"
#include "vision/image.h"
#include "vision/types.h"

#include <optional>
#include <string_view>
#include <vector>

namespace simkyc::vision {

enum class QualityHint {
    NoFace,       // "no_face"
    SeveralFaces, // "several_faces": the last detection found more than one face
    TooFar,       // "too_far": eye distance below min_interocular_ratio of the frame width
    TooClose,     // "too_close"
    OffCentre,    // "off_centre"
    NotFrontal,   // "not_frontal": |yaw|, |pitch| or |roll| above the limits
    TooDark,      // "too_dark"
    TooBright,    // "too_bright"
    Backlit,      // "backlit": the background is much brighter than the face
    Blurred,      // "blurred"
    EyesClosed,   // "eyes_closed"
};
inline constexpr int kQualityHintCount = 11;

std::string_view qualityHintName(QualityHint hint);
std::optional<QualityHint> qualityHintFromName(std::string_view name);

struct QualityMeasures {
    double interocularRatio = 0.0; // eye-centre distance / frame width
    double centreOffsetX = 0.0;    // (face centre - frame centre) / frame width; > 0 = image right
    double centreOffsetY = 0.0;    // / frame height; > 0 = lower
    double faceLuma = 0.0;         // mean grey level of the central face region
    double backgroundLuma = 0.0;   // mean grey level of the rest of the frame
    double saturatedFraction = 0.0;
    double sharpness = 0.0; // variance of the Laplacian at the normalised face width
    double meanEar = 0.0;
};

struct QualityReport {
    std::vector<QualityHint> hints;
    QualityMeasures measures;
    [[nodiscard]] bool has(QualityHint hint) const;
    [[nodiscard]] bool acceptable() const { return hints.empty(); }
};

// What the analysis knows about the face; nullptr-equivalent is `landmarks68.empty()`.
struct FaceObservation {
    Landmarks landmarks68;
    HeadPose pose;
    double earLeft = 0.0;
    double earRight = 0.0;
};

// facesInLastDetection: how many faces the most recent detection saw (> 1 adds several_faces).
QualityReport assessCaptureQuality(const Image &frame, const FaceObservation &face, int facesInLastDetection,
                                   const CaptureQualityConfig &config);

} // namespace simkyc::vision

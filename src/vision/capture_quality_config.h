// CaptureQualityConfig: the versioned thresholds behind the capture-quality hints.
// Defaults come from src/vision/capture_quality_v1.conf, compiled in at build time; an override
// file in the same "key = value" format (with a "version = 1" line) may set any subset of keys.
// Guarantees: every value a parser returns is within its key's documented range and min < max pairs
// are ordered; errors (InvalidFormat, Unsupported) name the origin, line, key and allowed range.
// Thread-safety: value type; defaultCaptureQualityConfig() is safe to call from any thread.
#pragma once

#include "core/result.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace simkyc::vision {

inline constexpr int kCaptureQualityConfigVersion = 1;

struct CaptureQualityConfig {
    int version = 0;
    double minInterocularRatio = 0; // too_far below (eye-centre distance / frame width)
    double maxInterocularRatio = 0; // too_close above
    double maxCentreOffset = 0;     // off_centre above (fraction of frame width / height)
    double maxYawDeg = 0;           // not_frontal above (absolute)
    double maxPitchDeg = 0;
    double maxRollDeg = 0;
    double minFaceLuma = 0;          // too_dark below (0-255)
    double maxFaceLuma = 0;          // too_bright above
    double maxSaturatedFraction = 0; // too_bright above (share of face pixels >= 250)
    double maxBacklightRatio = 0;    // backlit above (background luma / face luma)
    double sharpnessFaceWidthPx = 0; // width the face is resized to before measuring sharpness
    double minSharpness = 0;         // blurred below (variance of the Laplacian)
    double minEyeAspectRatio = 0;    // eyes_closed below (mean of both eyes)
};

// The compiled-in defaults (capture_quality_v1.conf).
const CaptureQualityConfig &defaultCaptureQualityConfig();
std::string_view defaultCaptureQualityConfigText();

// Parses an override: starts from the defaults and applies the keys present. `origin` names the
// text in error messages (a file name). Unknown keys, duplicate keys, values that are not numbers or
// lie outside a key's range, a missing or different version are errors.
Result<CaptureQualityConfig> parseCaptureQualityConfig(std::string_view text, std::string_view origin = "config");
// Reads and parses a file. Errors: NotFound, IoError, and the parse errors above.
Result<CaptureQualityConfig> loadCaptureQualityConfig(const std::filesystem::path &path);

// "key = value" lines of every key with its value, in file order (for logs and --help).
std::string formatCaptureQualityConfig(const CaptureQualityConfig &config);

} // namespace simkyc::vision

// Event-level blink evaluation against frame-labelled videos (labels/blinks.csv: video, event,
// start_frame, end_frame, ...). A detected blink matches an unmatched labelled blink when the two
// intervals overlap with `toleranceFrames` of slack on each side; rows whose event is "note" mark
// ambiguous closures: a detection there counts neither as right nor as wrong. An errata table in the
// same format (ours, docs/data/blink-labels-errata.csv: blinks the shared labels miss, each with its
// visual evidence) gives a second score beside the first; the first is always reported as is.
// Thread-safety: reentrant.
#pragma once

#include "app/liveness_trace.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::app {

struct LabelledInterval {
    std::int64_t start = 0;
    std::int64_t end = 0;
};

struct BlinkScore {
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    int ignored = 0; // detections on "note" intervals
    std::vector<LabelledInterval> falsePositiveEvents;
    std::vector<LabelledInterval> missedEvents;
};

BlinkScore scoreBlinks(const std::vector<vision::EyeClosureEvent> &detected,
                       const std::vector<LabelledInterval> &labels, const std::vector<LabelledInterval> &ambiguous,
                       int toleranceFrames = 3);

struct VideoBlinkResult {
    std::string video;
    BlinkScore score;
    std::int64_t frames = 0;
};

// Leave-one-video-out: each video scored with the BlinkConfig that does best (F1) on the other
// videos, chosen from a grid around the defaults (deepRatio, reopenFraction, winkAsymmetry; the
// defaults win ties). Labels with errata when errata are given.
struct LovoVideoResult {
    std::string video;
    std::string config; // the chosen values, e.g. "deep=0.65 reopen=0.50 asym=0.12"
    BlinkScore score;
};

struct BlinkEvalResult {
    std::vector<VideoBlinkResult> videos;
    std::vector<LovoVideoResult> lovo;
    BlinkScore lovoTotal;
    BlinkScore total;
    std::optional<BlinkScore> totalWithErrata; // when an errata table was given
    [[nodiscard]] double precision() const { return precisionOf(total); }
    [[nodiscard]] double recall() const { return recallOf(total); }
    [[nodiscard]] static double precisionOf(const BlinkScore &score);
    [[nodiscard]] static double recallOf(const BlinkScore &score);
};

// Runs traceLiveness on every video of the label table (paths relative to root) and scores it.
Result<BlinkEvalResult> evaluateBlinks(const ModelCatalog &catalog, const std::filesystem::path &labels,
                                       const std::filesystem::path &root, int toleranceFrames = 3,
                                       const std::optional<std::filesystem::path> &errata = std::nullopt);

} // namespace simkyc::app

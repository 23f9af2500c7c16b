// Runs the per-frame analysis over a recorded video (or image folder) and the streaming blink and
// turn detectors over it: what `simkyc-cli liveness events` prints and the blink evaluation scores.
// Thread-safety: reentrant (each call loads its own analyzer).
#pragma once

#include "app/model_catalog.h"
#include "vision/liveness_events.h"
#include "vision/liveness_passive.h"

#include <string>
#include <vector>

namespace simkyc::app {

struct LivenessTrace {
    std::vector<vision::LivenessSample> samples;   // one per decoded frame
    std::vector<double> planarResiduals;           // per sample; -1 where none was measured
    std::vector<vision::EyeClosureEvent> closures; // blinks and rejected closures (see verdict)
    std::vector<vision::TurnEvent> turns;
    double fps = 0.0;
    std::int64_t framesWithoutFace = 0;
    vision::PlanaritySummary planarity;
};

struct TraceOptions {
    vision::BlinkConfig blink;
    vision::TurnConfig turn;
    std::int64_t maxFrames = 100000;
};

// sourceSpec as simkyc-cli's --source (a video file, an image folder). Cameras are refused here:
// event traces are for recordings. Errors: the source's and the model catalog's.
Result<LivenessTrace> traceLiveness(const ModelCatalog &catalog, const std::string &sourceSpec,
                                    const TraceOptions &options = {});

} // namespace simkyc::app

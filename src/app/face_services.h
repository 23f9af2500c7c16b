// Loads the face engine with verified models from the catalog, and turns its results into JSON
// for the CLI. Thread-safety: reentrant (each call loads its own engine).
#pragma once

#include "app/model_catalog.h"
#include "vision/face_engine.h"
#include "vision/frame_analyzer.h"
#include "vision/spoof_model.h"

#include <QJsonObject>

#include <memory>

namespace simkyc::app {

Result<std::unique_ptr<vision::FaceEngine>> loadFaceEngine(const ModelCatalog &catalog);
// The per-frame analyzer with the verified 68-point landmark model.
Result<std::unique_ptr<vision::FrameAnalyzer>> loadFrameAnalyzer(const ModelCatalog &catalog,
                                                                 const vision::FrameAnalyzerOptions &options = {});

// The optional MiniFASNet anti-spoofing networks (either one is enough). ModelMissing when neither
// is provisioned (`simkyc-cli models install`, see models/README.md); a file present but
// not matching the manifest is an error of its own, never silently skipped.
Result<vision::SpoofModelFiles> locateSpoofModels(const ModelCatalog &catalog);
Result<std::unique_ptr<vision::SpoofModel>> loadSpoofModel(const ModelCatalog &catalog);
// For callers that run without the cue: nullptr when neither network is provisioned; an error only
// for a file that is there but is not what the manifest says, or does not load.
Result<std::unique_ptr<vision::SpoofModel>> loadOptionalSpoofModel(const ModelCatalog &catalog);

// {"faces": N, "box": [x,y,w,h], "embedding": [...], "quality": {...}} (embedding only when asked)
QJsonObject enrolmentJson(const vision::FaceEnrolment &enrolment, bool withEmbedding);

} // namespace simkyc::app

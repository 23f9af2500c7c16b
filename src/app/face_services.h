// Loads the face engine with verified models from the catalog, and turns its results into JSON
// for the CLI. Thread-safety: reentrant (each call loads its own engine).
#pragma once

#include "app/model_catalog.h"
#include "vision/face_engine.h"
#include "vision/frame_analyzer.h"

#include <QJsonObject>

#include <memory>

namespace simkyc::app {

Result<std::unique_ptr<vision::FaceEngine>> loadFaceEngine(const ModelCatalog &catalog);
// The per-frame analyzer with the verified 68-point landmark model.
Result<std::unique_ptr<vision::FrameAnalyzer>> loadFrameAnalyzer(const ModelCatalog &catalog,
                                                                 const vision::FrameAnalyzerOptions &options = {});

// {"faces": N, "box": [x,y,w,h], "embedding": [...], "quality": {...}} (embedding only when asked)
QJsonObject enrolmentJson(const vision::FaceEnrolment &enrolment, bool withEmbedding);

} // namespace simkyc::app

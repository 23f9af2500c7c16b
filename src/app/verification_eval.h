// Face-verification evaluation over labelled images: reads a label table, embeds every image once,
// scores the pairs and computes EER / TAR@FAR / FAR-FRR at the decision threshold.
// Label tables: `file,identity,...` (every pair among the files is scored) or `a,b,same,...`
// (the listed pairs). Paths in the table are relative to the root folder.
// Thread-safety: one call at a time per engine.
#pragma once

#include "core/result.h"
#include "vision/degrade.h"
#include "vision/face_engine.h"
#include "vision/matcher.h"
#include "vision/verification_metrics.h"

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace simkyc::app {

struct EvalOptions {
    std::filesystem::path table;
    std::filesystem::path root;
    std::set<std::string> sources;                    // keep only rows whose source/set is listed (empty: all)
    std::optional<vision::DegradeSpec> degradeIdSide; // the first image of each pair plays the ID portrait
    double threshold = vision::kDefaultMatchThreshold;
    bool mirrorAugment = false; // see vision::EnrolOptions
    // Also score every pair with dlib's example pipeline (vision::FaceSearchMode::DlibExample), on the
    // same images, degradation and metrics, and both pipelines on the pairs both of them enrol.
    bool compareWithDlibExample = false;
};

struct PipelineEval {
    std::vector<std::pair<std::string, std::string>> failedToEnrol; // file, error code
    size_t pairsSkipped = 0;                                        // pairs with an image that failed to enrol
    vision::VerificationMetrics metrics;
};

struct EvalResult {
    size_t images = 0;
    PipelineEval ours;
    // With compareWithDlibExample: dlib's example pipeline on its own enrolments, and both pipelines
    // restricted to the pairs whose images both of them enrol.
    std::optional<PipelineEval> dlibExample;
    std::optional<vision::VerificationMetrics> oursOnCommonPairs;
    std::optional<vision::VerificationMetrics> dlibExampleOnCommonPairs;
};

Result<EvalResult> evaluateVerification(vision::FaceEngine &engine, const EvalOptions &options);

} // namespace simkyc::app

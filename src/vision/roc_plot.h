// Renders a ROC curve (TAR against FAR on a log axis) to a PNG file. Thread-safety: reentrant.
#pragma once

#include "core/result.h"
#include "vision/verification_metrics.h"

#include <filesystem>
#include <string>

namespace simkyc::vision {

Status writeRocPlot(const VerificationMetrics &metrics, const std::string &title, const std::filesystem::path &png);

} // namespace simkyc::vision

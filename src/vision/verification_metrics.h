// Verification metrics over genuine and impostor distances: EER, TAR at a given FAR, FAR/FRR at
// a threshold, and the ROC curve. Pure computation, no I/O.
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <vector>

namespace simkyc::vision {

struct RocPoint {
    double threshold = 0.0;
    double far = 0.0; // impostor pairs accepted (distance < threshold) / impostor pairs
    double tar = 0.0; // genuine pairs accepted / genuine pairs
};

struct VerificationMetrics {
    std::size_t genuinePairs = 0;
    std::size_t impostorPairs = 0;
    double eer = 0.0; // where FAR = FRR (interpolated)
    double eerThreshold = 0.0;
    double tarAtFar1e2 = 0.0;    // highest TAR with FAR <= 1e-2
    double tarAtFar1e3 = 0.0;    // highest TAR with FAR <= 1e-3
    double farAtThreshold = 0.0; // at the evaluated decision threshold
    double frrAtThreshold = 0.0;
    double threshold = 0.0;
    std::vector<RocPoint> roc; // one point per distinct distance, by increasing threshold
};

VerificationMetrics computeVerificationMetrics(std::vector<double> genuine, std::vector<double> impostor,
                                               double decisionThreshold);

} // namespace simkyc::vision

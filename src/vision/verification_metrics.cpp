#include "vision/verification_metrics.h"

#include <algorithm>
#include <cmath>

namespace simkyc::vision {

VerificationMetrics computeVerificationMetrics(std::vector<double> genuine, std::vector<double> impostor,
                                               double decisionThreshold)
{
    VerificationMetrics m;
    m.genuinePairs = genuine.size();
    m.impostorPairs = impostor.size();
    m.threshold = decisionThreshold;
    if (genuine.empty() || impostor.empty())
        return m;
    std::sort(genuine.begin(), genuine.end());
    std::sort(impostor.begin(), impostor.end());
    const double g = static_cast<double>(genuine.size());
    const double n = static_cast<double>(impostor.size());
    // Accept when distance < t. Count accepted pairs for a threshold with binary search.
    auto accepted = [](const std::vector<double> &v, double t) {
        return static_cast<double>(std::lower_bound(v.begin(), v.end(), t) - v.begin());
    };
    m.farAtThreshold = accepted(impostor, decisionThreshold) / n;
    m.frrAtThreshold = 1.0 - accepted(genuine, decisionThreshold) / g;

    // Candidate thresholds: just above every observed distance, plus 0.
    std::vector<double> thresholds;
    thresholds.reserve(genuine.size() + impostor.size() + 1);
    thresholds.push_back(0.0);
    for (double d : genuine)
        thresholds.push_back(std::nextafter(d, 1e9));
    for (double d : impostor)
        thresholds.push_back(std::nextafter(d, 1e9));
    std::sort(thresholds.begin(), thresholds.end());
    thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());

    double prevFar = 0.0, prevFrr = 1.0, prevT = 0.0;
    bool eerSet = false;
    for (double t : thresholds) {
        const double far = accepted(impostor, t) / n;
        const double tar = accepted(genuine, t) / g;
        const double frr = 1.0 - tar;
        m.roc.push_back(RocPoint{t, far, tar});
        if (far <= 1e-2)
            m.tarAtFar1e2 = std::max(m.tarAtFar1e2, tar);
        if (far <= 1e-3)
            m.tarAtFar1e3 = std::max(m.tarAtFar1e3, tar);
        // EER: where FRR - FAR changes sign, interpolate linearly between the two thresholds.
        if (!eerSet && frr <= far) {
            const double d0 = prevFrr - prevFar;
            const double d1 = frr - far;
            const double w = (d0 - d1) > 0 ? d0 / (d0 - d1) : 0.0;
            m.eer = prevFar + w * (far - prevFar);
            m.eerThreshold = prevT + w * (t - prevT);
            eerSet = true;
        }
        prevFar = far;
        prevFrr = frr;
        prevT = t;
    }
    return m;
}

} // namespace simkyc::vision

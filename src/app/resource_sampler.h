// What a long-running kiosk process holds: resident memory (now and peak), open file descriptors
// and threads, read from /proc/self; and the least-squares slope of a series (memory growth per
// registration in the soak).
// Thread-safety: reentrant.
#pragma once

#include <cstdint>
#include <vector>

namespace simkyc::app {

struct ResourceSample {
    std::int64_t rssKb = 0;
    std::int64_t peakRssKb = 0; // VmHWM
    int openFds = 0;
    int threads = 0;
};

[[nodiscard]] ResourceSample sampleResources();

// Slope of y over x by least squares; 0 with fewer than two points.
[[nodiscard]] double leastSquaresSlope(const std::vector<double> &x, const std::vector<double> &y);

} // namespace simkyc::app

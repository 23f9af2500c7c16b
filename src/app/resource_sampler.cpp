#include "app/resource_sampler.h"

#include <filesystem>
#include <fstream>
#include <string>

namespace simkyc::app {
namespace {

int countEntries(const char *dir)
{
    std::error_code ec;
    int n = 0;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        ++n;
    return n;
}

} // namespace

ResourceSample sampleResources()
{
    ResourceSample s;
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:")
            status >> s.rssKb;
        else if (key == "VmHWM:")
            status >> s.peakRssKb;
        status.ignore(1 << 16, '\n');
    }
    s.openFds = countEntries("/proc/self/fd") - 1; // the iterator's own descriptor
    s.threads = countEntries("/proc/self/task");
    return s;
}

double leastSquaresSlope(const std::vector<double> &x, const std::vector<double> &y)
{
    const std::size_t n = std::min(x.size(), y.size());
    if (n < 2)
        return 0.0;
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= static_cast<double>(n);
    my /= static_cast<double>(n);
    double sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxx == 0 ? 0.0 : sxy / sxx;
}

} // namespace simkyc::app

#include "app/gui/day_statistics.h"

#include <algorithm>
#include <cmath>

namespace simkyc::app {

double DayStatistics::passRate() const
{
    const int decided = passed + failed;
    return decided == 0 ? 0.0 : static_cast<double>(passed) / decided;
}

std::pair<int, int> DayStatistics::hourRange() const
{
    int first = 24;
    int last = -1;
    for (int h = 0; h < 24; ++h) {
        const auto i = static_cast<std::size_t>(h);
        if (passedPerHour[i] + failedPerHour[i] + manualPerHour[i] > 0) {
            first = std::min(first, h);
            last = std::max(last, h);
        }
    }
    return last < 0 ? std::pair{8, 18} : std::pair{first, last};
}

DayStatistics computeDayStatistics(const std::vector<DayRow> &rows, double threshold)
{
    DayStatistics out;
    out.threshold = threshold;
    for (const DayRow &r : rows) {
        const auto hour = static_cast<std::size_t>(std::clamp(r.hour, 0, 23));
        ++out.total;
        if (r.outcome == QLatin1String("match")) {
            ++out.passed;
            ++out.passedPerHour[hour];
        } else if (r.outcome == QLatin1String("no_match")) {
            ++out.failed;
            ++out.failedPerHour[hour];
        } else {
            ++out.manual;
            ++out.manualPerHour[hour];
        }
        out.faceChecks += r.faceChecks;
        out.retries += std::max(0, r.faceChecks - 1);
        out.toReview += r.outcome == QLatin1String("manual_review") ? 1 : 0;
        if (!r.review.isEmpty()) {
            ++out.reviewed;
            out.flagged += r.review == QLatin1String("flagged") || r.review == QLatin1String("manual_rejected") ? 1 : 0;
        }
        if (r.distanceValue && std::isfinite(*r.distanceValue) && *r.distanceValue >= 0) {
            const auto bin = static_cast<std::size_t>(
                std::min(static_cast<int>(*r.distanceValue / DayStatistics::kBinWidth), DayStatistics::kBins - 1));
            ++(*r.distanceValue < threshold ? out.distancesUnder : out.distancesOver)[bin];
        }
    }
    return out;
}

} // namespace simkyc::app

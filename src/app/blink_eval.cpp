#include "app/blink_eval.h"

#include "app/csv_table.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>

namespace simkyc::app {
namespace {

bool overlaps(const vision::EyeClosureEvent &e, const LabelledInterval &l, int tolerance)
{
    return e.startFrame <= l.end + tolerance && e.endFrame >= l.start - tolerance;
}

void add(BlinkScore &total, const BlinkScore &s)
{
    total.truePositives += s.truePositives;
    total.falsePositives += s.falsePositives;
    total.falseNegatives += s.falseNegatives;
    total.ignored += s.ignored;
}

} // namespace

BlinkScore scoreBlinks(const std::vector<vision::EyeClosureEvent> &detected,
                       const std::vector<LabelledInterval> &labels, const std::vector<LabelledInterval> &ambiguous,
                       int toleranceFrames)
{
    BlinkScore score;
    std::vector<bool> used(labels.size(), false);
    for (const auto &e : detected) {
        if (!e.isBlink())
            continue;
        bool matched = false;
        for (size_t i = 0; i < labels.size() && !matched; ++i)
            if (!used[i] && overlaps(e, labels[i], toleranceFrames))
                used[i] = matched = true;
        if (matched) {
            ++score.truePositives;
            continue;
        }
        bool onNote = false;
        for (const auto &n : ambiguous)
            onNote = onNote || overlaps(e, n, toleranceFrames);
        if (onNote) {
            ++score.ignored;
        } else {
            ++score.falsePositives;
            score.falsePositiveEvents.push_back({e.startFrame, e.endFrame});
        }
    }
    for (size_t i = 0; i < labels.size(); ++i)
        if (!used[i]) {
            ++score.falseNegatives;
            score.missedEvents.push_back(labels[i]);
        }
    return score;
}

double BlinkEvalResult::precisionOf(const BlinkScore &score)
{
    const int detected = score.truePositives + score.falsePositives;
    return detected == 0 ? 0.0 : static_cast<double>(score.truePositives) / detected;
}

double BlinkEvalResult::recallOf(const BlinkScore &score)
{
    const int labelled = score.truePositives + score.falseNegatives;
    return labelled == 0 ? 0.0 : static_cast<double>(score.truePositives) / labelled;
}

namespace {

// Labelled and ambiguous ("note") intervals per video.
using LabelsByVideo = std::map<std::string, std::pair<std::vector<LabelledInterval>, std::vector<LabelledInterval>>>;

Status readLabels(const std::filesystem::path &labels, LabelsByVideo &byVideo)
{
    auto table = readCsvTable(labels);
    if (!table.ok())
        return table.error();
    const auto cVideo = table->column("video"), cEvent = table->column("event"), cStart = table->column("start_frame"),
               cEnd = table->column("end_frame");
    if (!cVideo || !cEvent || !cStart || !cEnd)
        return Error{ErrorCode::InvalidFormat,
                     labels.string() + ": expected columns video,event,start_frame,end_frame"};
    for (const auto &row : table->rows) {
        const std::string &start = table->cell(row, cStart), &end = table->cell(row, cEnd);
        if (start.empty() || end.empty())
            continue;
        LabelledInterval interval{std::stoll(start), std::stoll(end)};
        auto &slot = byVideo[table->cell(row, cVideo)];
        (table->cell(row, cEvent) == "note" ? slot.second : slot.first).push_back(interval);
    }
    return {};
}

} // namespace

namespace {

std::vector<vision::EyeClosureEvent> closuresOf(const std::vector<vision::LivenessSample> &samples,
                                                const vision::BlinkConfig &config)
{
    vision::BlinkDetector detector(config);
    std::vector<vision::EyeClosureEvent> out;
    for (const auto &s : samples)
        if (auto e = detector.feed(s))
            out.push_back(*e);
    return out;
}

double f1Of(const BlinkScore &s)
{
    const int denominator = 2 * s.truePositives + s.falsePositives + s.falseNegatives;
    return denominator == 0 ? 1.0 : 2.0 * s.truePositives / denominator;
}

void leaveOneVideoOut(const std::map<std::string, std::vector<vision::LivenessSample>> &samples,
                      const LabelsByVideo &labels, int tolerance, BlinkEvalResult &result)
{
    std::vector<vision::BlinkConfig> grid{vision::BlinkConfig{}}; // the defaults first: they win ties
    for (double deep : {0.55, 0.60, 0.65, 0.70})
        for (double reopen : {0.4, 0.5, 0.6})
            for (double asymmetry : {0.08, 0.12, 0.16}) {
                vision::BlinkConfig c;
                c.deepRatio = deep;
                c.reopenFraction = reopen;
                c.winkAsymmetry = asymmetry;
                grid.push_back(c);
            }
    // score[config][video]
    std::vector<std::map<std::string, BlinkScore>> scores(grid.size());
    for (size_t k = 0; k < grid.size(); ++k)
        for (const auto &[video, trace] : samples) {
            const auto &l = labels.at(video);
            scores[k][video] = scoreBlinks(closuresOf(trace, grid[k]), l.first, l.second, tolerance);
        }
    for (const auto &[leftOut, trace] : samples) {
        size_t best = 0;
        double bestF1 = -1.0;
        for (size_t k = 0; k < grid.size(); ++k) {
            BlinkScore others;
            for (const auto &[video, score] : scores[k])
                if (video != leftOut)
                    add(others, score);
            if (f1Of(others) > bestF1 + 1e-12) {
                bestF1 = f1Of(others);
                best = k;
            }
        }
        char config[96];
        std::snprintf(config, sizeof config, "deep=%.2f reopen=%.2f asym=%.2f", grid[best].deepRatio,
                      grid[best].reopenFraction, grid[best].winkAsymmetry);
        result.lovo.push_back({leftOut, config, scores[best].at(leftOut)});
        add(result.lovoTotal, scores[best].at(leftOut));
    }
}

} // namespace

Result<BlinkEvalResult> evaluateBlinks(const ModelCatalog &catalog, const std::filesystem::path &labels,
                                       const std::filesystem::path &root, int toleranceFrames,
                                       const std::optional<std::filesystem::path> &errata)
{
    LabelsByVideo byVideo;
    if (Status s = readLabels(labels, byVideo); !s)
        return s.error();
    LabelsByVideo corrected = byVideo;
    if (errata) {
        LabelsByVideo extra;
        if (Status s = readLabels(*errata, extra); !s)
            return s.error();
        for (const auto &[video, intervals] : extra) {
            if (!byVideo.count(video))
                return Error{ErrorCode::InvalidFormat,
                             errata->string() + ": " + video + " is not in " + labels.string()};
            auto &slot = corrected[video];
            slot.first.insert(slot.first.end(), intervals.first.begin(), intervals.first.end());
            slot.second.insert(slot.second.end(), intervals.second.begin(), intervals.second.end());
        }
    }
    BlinkEvalResult result;
    if (errata)
        result.totalWithErrata = BlinkScore{};
    std::map<std::string, std::vector<vision::LivenessSample>> samples;
    for (const auto &[video, intervals] : byVideo) {
        auto trace = traceLiveness(catalog, (root / video).string());
        if (!trace.ok())
            return Error{trace.error().code, video + ": " + trace.error().message};
        samples[video] = trace->samples;
        VideoBlinkResult r;
        r.video = video;
        r.frames = static_cast<std::int64_t>(trace->samples.size());
        r.score = scoreBlinks(trace->closures, intervals.first, intervals.second, toleranceFrames);
        add(result.total, r.score);
        if (errata)
            add(*result.totalWithErrata,
                scoreBlinks(trace->closures, corrected[video].first, corrected[video].second, toleranceFrames));
        result.videos.push_back(std::move(r));
    }
    leaveOneVideoOut(samples, corrected, toleranceFrames, result);
    return result;
}

} // namespace simkyc::app

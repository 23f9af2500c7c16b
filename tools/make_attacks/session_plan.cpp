#include "session_plan.h"

#include "tool_util.h"

#include <opencv2/videoio.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>

namespace simkyc::tools {
namespace {

namespace fs = std::filesystem;

constexpr double kPromptLeadS = 0.4;     // a prompt comes this long before the labelled blink starts
constexpr double kMinPromptS = 1.0;      // the first second is the open-eye baseline
constexpr double kTailS = 0.5;           // the clip ends this long after the last blink
constexpr double kGridS = 0.25;          // candidate window starts
constexpr double kAfterBlinkS = 0.2;     // "between": the window starts this long after blink i ...
constexpr double kBeforePromptS = 0.1;   // ... and ends this long before the next prompt
constexpr double kEarliestWindowS = 1.1; // "before": not inside the baseline second
constexpr int kEventMarginFrames = 3;    // windows keep this far from every labelled event
// The liveness session issues a scripted prompt no sooner than 0.8 s after the previous gesture ended
// and ignores a blink that starts within 0.1 s of its prompt (vision::SessionConfig nextPromptDelayMs,
// minStartDelayMs): blink j must start at least 0.9 s after blink i ends, or even A alone fails.
constexpr double kNextPromptDelayS = 0.8;
constexpr double kMinStartDelayS = 0.1;

// One item of each group in turn until all are used up.
std::vector<size_t> interleave(const std::vector<std::vector<size_t>> &groups)
{
    std::vector<size_t> out;
    for (size_t round = 0, added = 1; added > 0; ++round) {
        added = 0;
        for (const auto &group : groups)
            if (round < group.size()) {
                out.push_back(group[round]);
                ++added;
            }
    }
    return out;
}

void addWindows(const LiveVideo &video, Layout layout, double fromS, double toS, std::vector<Layout> &out)
{
    const int length = video.windowFrames();
    for (long q = std::lround(std::ceil(fromS / kGridS - 1e-9)); q * kGridS + 1.0 <= toS + 1e-9; ++q) {
        const int start = static_cast<int>(std::lround(static_cast<double>(q) * kGridS * video.fps));
        const int last = start + length - 1;
        const bool clear = std::none_of(video.events.begin(), video.events.end(), [&](const BlinkEvent &e) {
            return start <= e.end + kEventMarginFrames && last >= e.start - kEventMarginFrames;
        });
        if (clear && start >= 0 && last < video.clipFrames(layout.second)) {
            layout.windowStart = start;
            out.push_back(layout);
        }
    }
}

} // namespace

int LiveVideo::windowFrames() const
{
    return static_cast<int>(std::lround(fps));
}

int LiveVideo::promptFrame(size_t e) const
{
    return events[e].start - static_cast<int>(std::lround(kPromptLeadS * fps));
}

double LiveVideo::promptS(size_t e) const
{
    return promptFrame(e) / fps;
}

bool LiveVideo::promptable(size_t e) const
{
    return events[e].label != "note" && promptS(e) >= kMinPromptS - 1e-9;
}

int LiveVideo::clipFrames(size_t last) const
{
    return std::min(events[last].end + static_cast<int>(std::lround(kTailS * fps)), frames - 1) + 1;
}

const char *placeName(Place place)
{
    return place == Place::Between ? "between" : "before";
}

bool readLiveVideos(const fs::path &blinks, const fs::path &root, std::vector<LiveVideo> &videos, std::string &error)
{
    const auto table = readCsvTable(blinks);
    if (!table) {
        error = "cannot read the blink labels " + blinks.string();
        return false;
    }
    const auto cVideo = table->column("video"), cEvent = table->column("event");
    const auto cStart = table->column("start_frame"), cEnd = table->column("end_frame");
    if (!cVideo || !cEvent || !cStart || !cEnd) {
        error = blinks.string() + " lacks a video, event, start_frame or end_frame column";
        return false;
    }
    for (const auto &row : table->rows) {
        const std::string &relative = row[*cVideo];
        BlinkEvent event{row[*cEvent], 0, 0};
        try {
            event.start = std::stoi(row[*cStart]);
            event.end = std::stoi(row[*cEnd]);
        } catch (const std::exception &) {
            error = blinks.string() + ": bad frame numbers for " + relative;
            return false;
        }
        auto found = std::find_if(videos.begin(), videos.end(), [&](const auto &v) { return v.relative == relative; });
        if (found == videos.end()) {
            const fs::path path = root / relative;
            LiveVideo video;
            video.relative = relative;
            video.path = path;
            video.name = path.stem().string();
            found = videos.insert(videos.end(), std::move(video));
        }
        found->events.push_back(event);
    }
    for (LiveVideo &video : videos) {
        cv::VideoCapture capture(video.path.string());
        video.fps = capture.get(cv::CAP_PROP_FPS);
        video.frames = static_cast<int>(capture.get(cv::CAP_PROP_FRAME_COUNT));
        video.size = {static_cast<int>(capture.get(cv::CAP_PROP_FRAME_WIDTH)),
                      static_cast<int>(capture.get(cv::CAP_PROP_FRAME_HEIGHT))};
        if (!capture.isOpened() || !(video.fps >= 1.0 && video.fps <= 240.0) || video.frames <= 0 ||
            video.size.area() <= 0) {
            error = "cannot read the labelled video " + video.path.string() + " (listed in " + blinks.string() + ")";
            return false;
        }
        std::sort(video.events.begin(), video.events.end(),
                  [](const BlinkEvent &a, const BlinkEvent &b) { return a.start < b.start; });
    }
    return true;
}

std::vector<Layout> enumerateLayouts(const std::vector<LiveVideo> &videos)
{
    std::vector<Layout> layouts;
    for (size_t v = 0; v < videos.size(); ++v) {
        const LiveVideo &video = videos[v];
        for (size_t i = 0; i < video.events.size(); ++i)
            for (size_t j = i + 1; j < video.events.size(); ++j) {
                if (!video.promptable(i) || !video.promptable(j) ||
                    video.events[j].start / video.fps <
                        video.events[i].end / video.fps + kNextPromptDelayS + kMinStartDelayS - 1e-9)
                    continue;
                addWindows(video, {v, i, j, Place::Between, 0}, video.events[i].end / video.fps + kAfterBlinkS,
                           video.promptS(j) - kBeforePromptS, layouts);
                addWindows(video, {v, i, j, Place::Before, 0}, kEarliestWindowS, video.promptS(i) - kBeforePromptS,
                           layouts);
            }
    }
    return layouts;
}

std::vector<Layout> pickLayouts(const std::vector<Layout> &layouts, size_t videoCount, size_t count, std::uint64_t seed)
{
    cv::RNG rng(mixSeed(seed, 0x5E551075, 1));
    std::map<std::tuple<size_t, size_t, size_t>, std::array<std::vector<size_t>, 2>> groups;
    for (size_t i = 0; i < layouts.size(); ++i)
        groups[{layouts[i].video, layouts[i].first, layouts[i].second}][static_cast<size_t>(layouts[i].place)]
            .push_back(i);
    std::vector<std::vector<std::vector<size_t>>> pairs(videoCount);
    for (auto &[key, places] : groups) {
        std::vector<std::vector<size_t>> ordered(places.begin(), places.end());
        for (auto &windows : ordered)
            shuffle(windows, rng);
        shuffle(ordered, rng);
        pairs[std::get<0>(key)].push_back(interleave(ordered));
    }
    std::vector<std::vector<size_t>> perVideo(videoCount);
    std::vector<size_t> order;
    for (size_t v = 0; v < videoCount; ++v) {
        shuffle(pairs[v], rng);
        perVideo[v] = interleave(pairs[v]);
        if (!perVideo[v].empty())
            order.push_back(v);
    }
    shuffle(order, rng);
    std::vector<size_t> cursor(videoCount, 0);
    std::vector<Layout> picked;
    for (size_t g = 0; g < count && !order.empty(); ++g) {
        const size_t v = order[g % order.size()];
        picked.push_back(layouts[perVideo[v][cursor[v]++ % perVideo[v].size()]]);
    }
    return picked;
}

} // namespace simkyc::tools

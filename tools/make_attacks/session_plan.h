// Session layouts of the session mode of simkyc-make-attacks (session_attacks.h): the frame-labelled
// live videos, their promptable blinks, every valid insertion window, and a seeded choice of them
// spread over videos, blink pairs, placements and windows.
// Guarantees: readLiveVideos() never throws (it sets `error`); the others are pure functions of their
// inputs and the seed. Thread-safety: free functions and value types.
#pragma once

#include <opencv2/core.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace simkyc::tools {

struct BlinkEvent {
    std::string label; // the event column: "1", "2", ... or "note" (an ambiguous closure, never prompted)
    int start = 0;     // first and last frame with lowered lids
    int end = 0;
};

struct LiveVideo {
    std::string relative; // as in the label tables, e.g. liveness/liveportrait/d13.mp4
    std::filesystem::path path;
    std::string name; // file stem, e.g. d13
    double fps = 30.0;
    cv::Size size;
    int frames = 0;
    std::vector<BlinkEvent> events; // by start frame

    [[nodiscard]] int windowFrames() const; // round(fps): one second
    // The prompt for event e: round(0.4 fps) frames before its start; promptable when it is a blink
    // and the prompt is at 1.0 s or later.
    [[nodiscard]] int promptFrame(size_t e) const;
    [[nodiscard]] double promptS(size_t e) const;
    [[nodiscard]] bool promptable(size_t e) const;
    // Frames of a session whose last prompted blink is event `last`: 0 .. end + round(0.5 fps).
    [[nodiscard]] int clipFrames(size_t last) const;
};

enum class Place { Between, Before };
const char *placeName(Place place); // "between", "before"

struct Layout {
    size_t video = 0; // index into the live videos
    size_t first = 0; // event indices of the two prompted blinks, first < second
    size_t second = 0;
    Place place = Place::Between;
    int windowStart = 0; // first frame of the window
};

// The rows of blinks.csv grouped by video (relative to `root`), each video opened for its fps, size
// and frame count. False with `error` on a missing table, a bad row or an unreadable video.
bool readLiveVideos(const std::filesystem::path &blinks, const std::filesystem::path &root,
                    std::vector<LiveVideo> &videos, std::string &error);

// Every (video, i < j promptable, place, window on the 0.25 s grid) clear of all events +-3 frames,
// for the pairs whose blink j starts at least 0.9 s after blink i ends (the session prompts j no
// sooner than 0.8 s after gesture i, and a blink within 0.1 s of its prompt does not count).
std::vector<Layout> enumerateLayouts(const std::vector<LiveVideo> &videos);

// `count` layouts: round-robin over the videos (seeded order), each video's layouts interleaved over
// its blink pairs, then placements, then windows (each in a seeded order), cycling when used up.
std::vector<Layout> pickLayouts(const std::vector<Layout> &layouts, size_t videoCount, size_t count,
                                std::uint64_t seed);

// Fisher-Yates with `rng`: deterministic for a seeded cv::RNG.
template <typename T>
void shuffle(std::vector<T> &items, cv::RNG &rng)
{
    for (size_t i = items.size(); i > 1; --i)
        std::swap(items[i - 1], items[static_cast<size_t>(rng.uniform(0, static_cast<int>(i)))]);
}

} // namespace simkyc::tools

// Who takes the live person A's place in the session attacks of simkyc-make-attacks
// (session_attacks.h): victims' photos (hybrid) and other people's videos (swap, gap), handed out in
// turn in a seeded order, each only where it can stand in for A at the window start without the
// current check noticing for reasons other than the holes the attacks target:
//   - a nearly frontal face (a turned face on A's eyes has its face box off A's),
//   - eyes no wider open than A's x1.1 (the blink detector learns its open-eye baseline from them
//     and would miss A's next prompted blink),
//   - once the eyes are aligned, a face box on A's (centres within 0.15 face widths, sizes within
//     x1.2), at the start and at the end of the insert, so the tracker hands over without a jump,
//   - exactly one face, at A's place, in the kiosk's own detector scan of the first inserted frame.
// Guarantees: pick() and prepare() report bad input on stderr and return exit code 2 (never throw
// for it); choices depend only on the inputs and the seeds. Thread-safety: one instance per thread.
#pragma once

#include "photo_stage.h"
#include "session_plan.h"
#include "session_renderers.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace simkyc::tools {

struct OtherVideo {
    std::string relative; // as in labels/videos.csv
    std::filesystem::path path;
    std::string name; // file stem
};

// A at the window start: the frame and the face found in it.
struct LiveStart {
    cv::Mat frame;
    FaceGeometry face;
};

// What is put in A's place for the window.
struct Insert {
    std::string name = "none"; // photo:<name>, video:<name> or none (control)
    std::string source;        // the photo or video file (empty for control)
    std::string notes;         // notes about the insert, each " key=value"
    std::unique_ptr<WindowInsert> window;
};

// The deepface, face-api.js and yalefaces photos of identities.csv (paths relative to `root`), as
// (path, file-name-safe name), without Yale's closed-eye conditions (sleepy, wink): closed eyes on
// the print would read as an unprompted closure. Empty with `error` when the table is unreadable.
std::vector<std::pair<std::filesystem::path, std::string>>
readVictimList(const std::filesystem::path &identities, const std::filesystem::path &root, std::string &error);

// The real videos of labels/videos.csv (beside `blinks`) except short_hamilton_clip.mp4 (several
// small faces, scene cuts) and face-api.js/video.mp4 (5 frames). Missing files are warned about and
// left out; empty with `error` when the table is unreadable.
std::vector<OtherVideo> readOtherVideos(const std::filesystem::path &blinks, const std::filesystem::path &root,
                                        std::string &error);

class InsertPicker {
public:
    InsertPicker(std::vector<std::pair<std::filesystem::path, std::string>> victims, std::vector<OtherVideo> others,
                 std::uint64_t seed, FaceLocator &locator);

    // Scans every other video once for seeded candidate starts of `segmentFrames` frames with a
    // frontal face. 0, or exit code 2 when a video cannot be read.
    int prepare(int segmentFrames);

    // Fills `insert` for an attack of `kind` on `live` whose window starts as `start` shows.
    // 0, or exit code 2 when nothing fits or an input cannot be read.
    int pick(SessionKind kind, const LiveVideo &live, const LiveStart &start, std::uint64_t seed, Insert &insert);

private:
    struct Candidate {
        int start = 0;
        FaceGeometry face;
    };
    int pickVictim(const LiveVideo &live, const LiveStart &start, std::uint64_t seed, Insert &insert);
    int pickOther(SessionKind kind, const LiveVideo &live, const LiveStart &start, std::uint64_t seed, Insert &insert);
    [[nodiscard]] bool kioskSeesOnlyInsert(const cv::Mat &frame, const FaceGeometry &live);

    std::vector<std::pair<std::filesystem::path, std::string>> m_victims;
    std::vector<OtherVideo> m_others;
    std::vector<std::vector<Candidate>> m_candidates; // per other video
    std::uint64_t m_seed;
    FaceLocator &m_locator;
    size_t m_nextVictim = 0;
    size_t m_nextOther = 0;
};

} // namespace simkyc::tools

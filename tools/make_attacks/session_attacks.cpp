#include "session_attacks.h"

#include "kiosk_probe.h"
#include "photo_stage.h"
#include "session_plan.h"
#include "session_renderers.h"
#include "session_sources.h"
#include "tool_util.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <tuple>

namespace simkyc::tools {
namespace {

namespace fs = std::filesystem;

constexpr int kExitWriteFailed = 1;
constexpr int kExitBadInput = 2;
constexpr int kMaxAttempts = 8;              // inserts tried per session until the kiosk follows the clip
constexpr double kMaxKioskJumpWidths = 0.45; // the check fails a session at 0.6
constexpr int kMaxKioskGapFrames = 5;        // the check fails a session after 5
constexpr int kBlinkSlackFrames = 4;         // a detected blink ends at most this long after the label
constexpr float kMaxWindowEyeGain = 1.05f;   // open eyes in the window against A's before it

struct IndexRow {
    std::string video, type, source, notes, prompts;
    int frames = 0;
    double fps = 0.0;
    cv::Size size;
};

int fail(const std::string &message)
{
    std::cerr << "simkyc-make-attacks: error: " << message << "\n";
    return kExitBadInput;
}

std::string seconds(double s)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", s);
    return text;
}

// A's frame `index` and the face in it.
int readLiveStart(const LiveVideo &live, int index, FaceLocator &locator, LiveStart &start)
{
    cv::VideoCapture capture(live.path.string());
    for (int i = 0; i < index && capture.isOpened(); ++i)
        capture.grab();
    if (!capture.read(start.frame) || start.frame.empty())
        return fail("cannot decode frame " + std::to_string(index) + " of " + live.path.string());
    start.face = locator.locate(start.frame);
    return 0;
}

fs::path snapshotPath(const fs::path &snapshotDir, SessionKind kind, const fs::path &video, int frame)
{
    return snapshotDir /
           (std::string(sessionKindName(kind)) + "_" + video.stem().string() + "_f" + std::to_string(frame) + ".png");
}

std::vector<int> snapshotFrames(SessionKind kind, const Layout &layout, int windowFrames, int clipFrames)
{
    switch (kind) {
    case SessionKind::Hybrid:
    case SessionKind::Swap: return {layout.windowStart, layout.windowStart + windowFrames / 2};
    case SessionKind::Gap: return {layout.windowStart + 1, layout.windowStart + windowFrames / 2};
    case SessionKind::Control: return {clipFrames / 2};
    }
    return {};
}

// Writes A's frames 0..clipFrames-1 with the window's frames from `insert` (none for a control).
int writeSession(SessionKind kind, const LiveVideo &live, const Layout &layout, Insert &insert, const fs::path &path,
                 const fs::path &snapshotDir)
{
    const int clipFrames = live.clipFrames(layout.second), windowFrames = live.windowFrames();
    cv::VideoCapture capture(live.path.string());
    if (!capture.isOpened())
        return fail("cannot open the video " + live.path.string());
    const fs::path partial = path.parent_path() / (path.stem().string() + ".part.avi");
    cv::VideoWriter writer(partial.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), live.fps, live.size, true);
    if (!writer.isOpened()) {
        std::cerr << "simkyc-make-attacks: error: cv::VideoWriter cannot open " << partial << " for MJPG/AVI\n";
        return kExitWriteFailed;
    }
    const std::vector<int> snapshots =
        snapshotDir.empty() ? std::vector<int>{} : snapshotFrames(kind, layout, windowFrames, clipFrames);
    for (int f = 0; f < clipFrames; ++f) {
        cv::Mat frame;
        if (!capture.read(frame) || frame.empty() || frame.size() != live.size) {
            writer.release();
            fs::remove(partial);
            return fail("cannot decode frame " + std::to_string(f) + " of " + live.path.string());
        }
        const int k = f - layout.windowStart;
        if (insert.window && k >= 0 && k < windowFrames)
            frame = insert.window->compose(k, frame);
        writer.write(frame);
        if (std::find(snapshots.begin(), snapshots.end(), f) != snapshots.end())
            cv::imwrite(snapshotPath(snapshotDir, kind, path, f).string(), frame);
    }
    writer.release();
    std::error_code ec;
    fs::rename(partial, path, ec);
    if (ec) {
        std::cerr << "simkyc-make-attacks: error: cannot move " << partial << " to " << path << ": " << ec.message()
                  << "\n";
        return kExitWriteFailed;
    }
    return 0;
}

// Shows `probe` the frames of the written clip as the kiosk decodes them (FFmpeg, as
// vision::VideoFileSource opens files): the tracker reacts to the MJPG artefacts and even to the
// decoder's rounding, so the frames before encoding, or decoded by another backend, are not enough.
int probeClip(const fs::path &path, KioskProbe &probe)
{
    cv::VideoCapture capture(path.string(), cv::CAP_FFMPEG);
    if (!capture.isOpened()) {
        std::cerr << "simkyc-make-attacks: error: cannot read back " << path << "\n";
        return kExitWriteFailed;
    }
    for (cv::Mat frame; capture.read(frame) && !frame.empty();)
        probe.feed(frame);
    return 0;
}

// The 75th percentile of the eye aspect ratio over frames [from, to) with a face (the blink detector's
// open-eye baseline is that percentile over the last second); 0 without one.
float openEyeLevel(const std::vector<float> &eyeAspect, int from, int to)
{
    std::vector<float> open;
    for (int f = std::max(0, from); f < std::min(to, static_cast<int>(eyeAspect.size())); ++f)
        if (eyeAspect[static_cast<size_t>(f)] > 0.f)
            open.push_back(eyeAspect[static_cast<size_t>(f)]);
    if (open.empty())
        return 0.f;
    const auto at = open.begin() + static_cast<long>(open.size() * 3 / 4);
    std::nth_element(open.begin(), at, open.end());
    return *at;
}

// Whether the kiosk's tracker and blink detector follow a clip as intended: one face track without a
// jump near the check's limit (0.6 face widths) or a gap longer than it allows (5 frames), never a
// second face, both prompted blinks seen as blinks, and (attacks) eyes in the window no wider open
// than A's in the second before it (x1.05): the detector learns its open-eye baseline from the window
// and, from a wider one, took A's next blink for a closure too long to count.
bool followedAsIntended(const KioskView &view, const LiveVideo &live, const Layout &layout, SessionKind kind)
{
    const int window = live.windowFrames();
    if (kind != SessionKind::Control &&
        openEyeLevel(view.eyeAspect, layout.windowStart, layout.windowStart + window) >
            kMaxWindowEyeGain * openEyeLevel(view.eyeAspect, layout.windowStart - window, layout.windowStart))
        return false;
    const auto seen = [&](size_t e) {
        return std::any_of(view.blinks.begin(), view.blinks.end(), [&](const auto &b) {
            return b.first <= live.events[e].end + kBlinkSlackFrames && b.second >= live.events[e].start - 2;
        });
    };
    return view.maxJumpWidths <= kMaxKioskJumpWidths && view.longestGap <= kMaxKioskGapFrames && view.maxFaces <= 1 &&
           seen(layout.first) && seen(layout.second);
}

struct SessionWriter {
    const Options &options;
    FaceLocator &locator;
    InsertPicker &picker;
    fs::path snapshotDir;
    std::map<std::string, int> names;
    int retried = 0; // clips written again because the kiosk would not follow them as intended

    // Session n: picks what goes in A's place and writes the clip, again with the next insert when the
    // kiosk would not follow it as intended (after kMaxAttempts the last one is kept, marked).
    int render(size_t n, SessionKind kind, const LiveVideo &live, const Layout &layout, IndexRow &row)
    {
        LiveStart start;
        if (kind != SessionKind::Control)
            if (const int code = readLiveStart(live, layout.windowStart, locator, start))
                return code;
        const BlinkEvent &first = live.events[layout.first], &second = live.events[layout.second];
        for (int attempt = 0;; ++attempt) {
            const std::uint64_t seed = mixSeed(options.seed, n * kMaxAttempts + static_cast<size_t>(attempt),
                                               static_cast<std::uint64_t>(kind) + 1);
            Insert insert;
            if (const int code = picker.pick(kind, live, start, seed, insert))
                return code;
            std::string name = live.name + "_b" + first.label + "-" + second.label;
            std::string notes = "live=" + live.name + " insert=" + insert.name;
            if (kind != SessionKind::Control) {
                const char *place = placeName(layout.place);
                const int end = layout.windowStart + live.windowFrames();
                name += std::string("_") + place + "_f" + std::to_string(layout.windowStart) + "_" +
                        safeName(insert.name.substr(insert.name.find(':') + 1));
                notes += " window=" + seconds(layout.windowStart / live.fps) + "-" + seconds(end / live.fps) +
                         " place=" + place + " window_frames=" + std::to_string(layout.windowStart) + "-" +
                         std::to_string(end - 1);
            }
            notes += " blinks=" + first.label + "," + second.label + insert.notes;
            if (kind != SessionKind::Control)
                notes += " live_face=" + start.face.method;
            const std::string key = std::string(sessionKindName(kind)) + "/" + name;
            if (const auto used = names.find(key); used != names.end())
                name += "_" + std::to_string(used->second + 1);
            const fs::path path = options.outDir / sessionKindName(kind) / (name + ".avi");
            KioskProbe probe(locator, live.fps);
            if (const int code = writeSession(kind, live, layout, insert, path, snapshotDir))
                return code;
            if (probe.usable())
                if (const int code = probeClip(path, probe))
                    return code;
            const KioskView &view = probe.view();
            const bool followed = !probe.usable() || followedAsIntended(view, live, layout, kind);
            if (!followed && kind != SessionKind::Control && attempt + 1 < kMaxAttempts) {
                std::error_code ec;
                fs::remove(path, ec);
                if (!snapshotDir.empty())
                    for (int f : snapshotFrames(kind, layout, live.windowFrames(), live.clipFrames(layout.second)))
                        fs::remove(snapshotPath(snapshotDir, kind, path, f), ec);
                ++retried;
                continue;
            }
            if (probe.usable()) {
                char text[96];
                std::snprintf(text, sizeof text, " kiosk_jump=%.2f kiosk_gap=%d kiosk_blinks=%zu", view.maxJumpWidths,
                              view.longestGap, view.blinks.size());
                notes += text;
                if (!followed) {
                    notes += " kiosk_check=failed";
                    std::cerr << "warning: " << path << ": the kiosk's tracker or blink detector does not follow it "
                              << "as intended (kept, marked kiosk_check=failed)\n";
                }
            }
            ++names[key];
            row = {fs::relative(path, options.outDir).string(),
                   sessionKindName(kind),
                   insert.source,
                   notes,
                   "blink@" + seconds(live.promptS(layout.first)) + ",blink@" + seconds(live.promptS(layout.second)),
                   live.clipFrames(layout.second),
                   live.fps,
                   live.size};
            return 0;
        }
    }
};

bool writeIndex(const fs::path &outDir, const std::vector<IndexRow> &rows)
{
    const fs::path partial = outDir / "attacks.csv.part";
    {
        std::ofstream out(partial);
        out << "video,attack_type,source_photo,frames,fps,width,height,notes,prompts\n";
        for (const IndexRow &row : rows)
            out << csvField(row.video) << ',' << row.type << ',' << csvField(row.source) << ',' << row.frames << ','
                << row.fps << ',' << row.size.width << ',' << row.size.height << ',' << csvField(row.notes) << ','
                << csvField(row.prompts) << '\n';
        if (!out.flush())
            return false;
    }
    std::error_code ec;
    fs::rename(partial, outDir / "attacks.csv", ec);
    return !ec;
}

} // namespace

int runSessionAttacks(const Options &options)
{
    std::string error;
    std::vector<LiveVideo> lives;
    if (!readLiveVideos(*options.blinks, options.root, lives, error))
        return fail(error);
    const std::vector<OtherVideo> others = readOtherVideos(*options.blinks, options.root, error);
    if (!error.empty())
        return fail(error);
    auto victimList = readVictimList(*options.identities, options.root, error);
    if (!error.empty() || victimList.empty())
        return fail(error.empty() ? "no deepface, face-api.js or yalefaces photos in " + options.identities->string()
                                  : error);
    const std::vector<Layout> layouts = enumerateLayouts(lives);
    if (layouts.empty())
        return fail("no usable videos in " + options.blinks->string() +
                    ": no two promptable blinks with a free one-second window");
    for (const LiveVideo &live : lives)
        if (std::none_of(others.begin(), others.end(),
                         [&](const OtherVideo &o) { return o.relative != live.relative; }))
            return fail("no other live person for the swap and gap attacks on " + live.name);

    const size_t attackCount = std::size(kAttackKinds) * static_cast<size_t>(options.perKind);
    const std::vector<Layout> picked = pickLayouts(layouts, lives.size(), attackCount, options.seed);
    std::error_code ec;
    for (SessionKind kind : kSessionKinds)
        fs::create_directories(options.outDir / sessionKindName(kind), ec);
    const fs::path snapshotDir = options.snapshots ? options.outDir / "snapshots" : fs::path();
    if (options.snapshots && !ec)
        fs::create_directories(snapshotDir, ec);
    if (ec)
        return fail("cannot create the output folder " + options.outDir.string() + ": " + ec.message());
    if (!(std::ofstream(options.outDir / ".write_probe") << "probe"))
        return fail("the output folder " + options.outDir.string() + " is not writable");
    fs::remove(options.outDir / ".write_probe", ec);

    const fs::path modelsDir =
        options.modelsDir.empty() ? fs::path(SIMKYC_MAKE_ATTACKS_DEFAULT_MODELS_DIR) : options.modelsDir;
    FaceLocator locator(modelsDir);
    std::cout << "simkyc-make-attacks --sessions: OpenCV " << CV_VERSION << ", " << lives.size() << " live videos, "
              << others.size() << " other people, " << victimList.size() << " photos, " << layouts.size()
              << " layouts, seed " << options.seed << ", eye landmarks "
              << (locator.hasLandmarks() ? "68-point model" : "guessed from the face box") << "\n";
    for (size_t v = 0; v < lives.size(); ++v) {
        const auto count = [&](Place place) {
            return std::count_if(layouts.begin(), layouts.end(),
                                 [&](const Layout &l) { return l.video == v && l.place == place; });
        };
        std::cout << "  " << lives[v].name << " (" << lives[v].fps << " fps): " << count(Place::Between) << " between, "
                  << count(Place::Before) << " before\n";
    }

    InsertPicker picker(std::move(victimList), others, options.seed, locator);
    const int longestWindow = std::max_element(lives.begin(), lives.end(), [](const LiveVideo &a, const LiveVideo &b) {
                                  return a.windowFrames() < b.windowFrames();
                              })->windowFrames();
    if (const int code = picker.prepare(longestWindow))
        return code;
    std::vector<std::pair<SessionKind, Layout>> sessions;
    std::map<std::tuple<size_t, size_t, size_t>, bool> scripts; // (video, first, second) of the attacks
    for (size_t n = 0; n < picked.size(); ++n) {
        sessions.emplace_back(kAttackKinds[n / static_cast<size_t>(options.perKind)], picked[n]);
        scripts[{picked[n].video, picked[n].first, picked[n].second}] = true;
    }
    for (const auto &[key, unused] : scripts)
        sessions.emplace_back(SessionKind::Control,
                              Layout{std::get<0>(key), std::get<1>(key), std::get<2>(key), Place::Between, 0});

    SessionWriter writer{options, locator, picker, snapshotDir, {}};
    std::vector<IndexRow> rows;
    std::map<SessionKind, std::pair<int, double>> stats; // videos, seconds
    for (size_t n = 0; n < sessions.size(); ++n) {
        const auto started = std::chrono::steady_clock::now();
        const auto &[kind, layout] = sessions[n];
        IndexRow row;
        if (const int code = writer.render(n, kind, lives[layout.video], layout, row))
            return code;
        rows.push_back(std::move(row));
        auto &[videos, secondsSpent] = stats[kind];
        ++videos;
        secondsSpent += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }
    if (!writeIndex(options.outDir, rows)) {
        std::cerr << "simkyc-make-attacks: error: cannot write " << (options.outDir / "attacks.csv") << "\n";
        return kExitWriteFailed;
    }
    for (SessionKind kind : kSessionKinds)
        std::printf("%-7s %4d videos  %7.1f s\n", sessionKindName(kind), stats[kind].first, stats[kind].second);
    std::printf("index: %s (%zu rows); %d clips written again with another insert (kiosk probe)\n",
                (options.outDir / "attacks.csv").string().c_str(), rows.size(), writer.retried);
    return 0;
}

} // namespace simkyc::tools

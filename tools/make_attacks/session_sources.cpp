#include "session_sources.h"

#include "tool_util.h"

#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <numeric>

namespace simkyc::tools {
namespace {

namespace fs = std::filesystem;

constexpr int kExitBadInput = 2;
constexpr int kCandidateStarts = 24; // seeded segment starts examined in each other video
constexpr int kSegmentTries = 3;     // fitting starts decoded per other video and session
// Nose within 0.1 eye distances of the eye midpoint: about 10 degrees of yaw.
constexpr float kMaxNoseOffset = 0.1f;
constexpr float kMaxEyeAspectGain = 1.1f;
constexpr double kMaxBoxShift = 0.15; // face widths
constexpr double kMaxBoxScale = 1.2;
constexpr double kMaxKioskShift = 0.25; // face widths, between the kiosk's detection and A's face
const char *const kNotOtherPeople[] = {"short_hamilton_clip.mp4", "face-api.js/video.mp4"};

int fail(const std::string &message)
{
    std::cerr << "simkyc-make-attacks: error: " << message << "\n";
    return kExitBadInput;
}

cv::Point2f centre(const cv::Rect2f &box)
{
    return {box.x + 0.5f * box.width, box.y + 0.5f * box.height};
}

bool frontal(const FaceGeometry &face)
{
    return face.method != "centred_guess" && (!face.noseOffset || std::abs(*face.noseOffset) <= kMaxNoseOffset);
}

bool eyesNoWiderOpen(const FaceGeometry &face, const FaceGeometry &live)
{
    return !face.eyeAspect || !live.eyeAspect || *face.eyeAspect <= kMaxEyeAspectGain * *live.eyeAspect;
}

// Whether a face box of the insert, taken to the frame by `toFrame`, lies on A's face box.
bool boxOnLive(const cv::Rect2f &box, const cv::Matx23d &toFrame, const FaceGeometry &live)
{
    const cv::Point2f c = centre(box);
    const cv::Point2f moved(static_cast<float>(toFrame(0, 0) * c.x + toFrame(0, 1) * c.y + toFrame(0, 2)),
                            static_cast<float>(toFrame(1, 0) * c.x + toFrame(1, 1) * c.y + toFrame(1, 2)));
    const double ratio = box.width * std::hypot(toFrame(0, 0), toFrame(1, 0)) / std::max(1.f, live.box.width);
    return cv::norm(moved - centre(live.box)) <= kMaxBoxShift * live.box.width && ratio <= kMaxBoxScale &&
           ratio >= 1.0 / kMaxBoxScale;
}

bool fitsInPlace(const FaceGeometry &face, const FaceGeometry &live)
{
    return frontal(face) && eyesNoWiderOpen(face, live) && boxOnLive(face.box, eyeAlignment(face, live), live);
}

bool readSegment(const OtherVideo &other, int start, int count, std::vector<cv::Mat> &frames, std::string &error)
{
    cv::VideoCapture capture(other.path.string());
    for (int i = 0; i < start && capture.isOpened(); ++i)
        capture.grab();
    frames.clear();
    for (int i = 0; i < count; ++i) {
        cv::Mat frame;
        if (!capture.read(frame) || frame.empty()) {
            error = "cannot decode frame " + std::to_string(start + i) + " of " + other.path.string();
            return false;
        }
        frames.push_back(frame);
    }
    return true;
}

} // namespace

std::vector<std::pair<fs::path, std::string>> readVictimList(const fs::path &identities, const fs::path &root,
                                                             std::string &error)
{
    const auto table = readCsvTable(identities);
    const auto cFile = table ? table->column("file") : std::nullopt;
    const auto cSource = table ? table->column("source") : std::nullopt;
    if (!cFile || !cSource) {
        error = "cannot read 'file' and 'source' of the identities table " + identities.string();
        return {};
    }
    std::vector<std::pair<fs::path, std::string>> victims;
    for (const auto &row : table->rows) {
        const fs::path file = row[*cFile];
        const std::string &source = row[*cSource];
        const std::string stem = file.stem().string();
        const bool eyesClosed = stem.ends_with(".sleepy") || stem.ends_with(".wink");
        if (!eyesClosed &&
            std::find(std::begin(kIdentitySources), std::end(kIdentitySources), source) != std::end(kIdentitySources))
            victims.emplace_back(root / file, safeName(source + "_" + stem));
    }
    return victims;
}

std::vector<OtherVideo> readOtherVideos(const fs::path &blinks, const fs::path &root, std::string &error)
{
    const fs::path list = blinks.parent_path() / "videos.csv";
    const auto table = readCsvTable(list);
    const auto cVideo = table ? table->column("video") : std::nullopt;
    if (!cVideo) {
        error = "cannot read the video list " + list.string() + " (the people of the swap and gap attacks)";
        return {};
    }
    std::vector<OtherVideo> others;
    for (const auto &row : table->rows) {
        const std::string &relative = row[*cVideo];
        const auto excluded = [&relative](const std::string &suffix) { return relative.ends_with(suffix); };
        if (relative.empty() || std::any_of(std::begin(kNotOtherPeople), std::end(kNotOtherPeople), excluded))
            continue;
        const fs::path path = root / relative;
        std::error_code ec;
        if (fs::is_regular_file(path, ec))
            others.push_back({relative, path, path.stem().string()});
        else
            std::cerr << "warning: video " << path << " not found; not used as another person\n";
    }
    return others;
}

InsertPicker::InsertPicker(std::vector<std::pair<fs::path, std::string>> victims, std::vector<OtherVideo> others,
                           std::uint64_t seed, FaceLocator &locator)
    : m_victims(std::move(victims)), m_others(std::move(others)), m_seed(seed), m_locator(locator)
{
    cv::RNG rng(mixSeed(seed, 0x50, 2));
    shuffle(m_victims, rng);
    shuffle(m_others, rng);
}

int InsertPicker::prepare(int segmentFrames)
{
    m_candidates.assign(m_others.size(), {});
    for (size_t v = 0; v < m_others.size(); ++v) {
        const OtherVideo &other = m_others[v];
        cv::VideoCapture capture(other.path.string());
        const int total = static_cast<int>(capture.get(cv::CAP_PROP_FRAME_COUNT));
        if (!capture.isOpened() || total <= 0)
            return fail("cannot read the video " + other.path.string());
        if (total < segmentFrames) {
            std::cerr << "warning: " << other.path << " is shorter than a window; not used as another person\n";
            continue;
        }
        cv::RNG rng(mixSeed(m_seed, 0xB0, v));
        std::vector<int> starts;
        for (int i = 0; i < kCandidateStarts; ++i)
            starts.push_back(rng.uniform(0, total - segmentFrames + 1));
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        for (int f = 0, next = 0; next < static_cast<int>(starts.size()); ++f) {
            cv::Mat frame;
            if (!capture.read(frame) || frame.empty())
                return fail("cannot decode frame " + std::to_string(f) + " of " + other.path.string());
            if (f != starts[static_cast<size_t>(next)])
                continue;
            ++next;
            Candidate candidate{f, m_locator.locate(frame)};
            if (frontal(candidate.face))
                m_candidates[v].push_back(std::move(candidate));
        }
    }
    return 0;
}

int InsertPicker::pick(SessionKind kind, const LiveVideo &live, const LiveStart &start, std::uint64_t seed,
                       Insert &insert)
{
    if (kind == SessionKind::Control)
        return 0;
    if (start.face.method == "centred_guess")
        return fail("no face found in " + live.path.string() + " at a window start: nothing to put in its place");
    return kind == SessionKind::Hybrid ? pickVictim(live, start, seed, insert)
                                       : pickOther(kind, live, start, seed, insert);
}

int InsertPicker::pickVictim(const LiveVideo &live, const LiveStart &start, std::uint64_t seed, Insert &insert)
{
    for (size_t tries = 0; tries < m_victims.size(); ++tries) {
        const auto &[path, name] = m_victims[m_nextVictim++ % m_victims.size()];
        const auto image = loadPhoto(path);
        if (!image) {
            std::cerr << "warning: cannot read photo " << path << "; skipped\n";
            continue;
        }
        const FaceGeometry face = m_locator.locate(*image);
        if (!fitsInPlace(face, start.face))
            continue;
        auto window = makePrintInsert(*image, face, start.face, live.size, seed);
        if (!kioskSeesOnlyInsert(window->compose(0, start.frame), start.face))
            continue;
        insert = {"photo:" + name, path.string(), " victim_face=" + face.method, std::move(window)};
        return 0;
    }
    return fail("none of the " + std::to_string(m_victims.size()) + " photos fits " + live.name +
                "'s face (readable, frontal, eyes no wider open, one face for the kiosk's scan)");
}

int InsertPicker::pickOther(SessionKind kind, const LiveVideo &live, const LiveStart &start, std::uint64_t seed,
                            Insert &insert)
{
    cv::RNG rng(seed);
    const int dark = kind == SessionKind::Gap ? kGapDarkFrames : 0;
    const int needed = live.windowFrames() - 2 * dark;
    for (size_t tries = 0; tries < m_others.size(); ++tries) {
        const size_t v = m_nextOther++ % m_others.size();
        const OtherVideo &other = m_others[v];
        if (other.relative == live.relative || m_candidates[v].empty())
            continue;
        std::vector<size_t> order(m_candidates[v].size());
        std::iota(order.begin(), order.end(), size_t{0});
        shuffle(order, rng);
        int decoded = 0;
        for (size_t c = 0; c < order.size() && decoded < kSegmentTries; ++c) {
            const Candidate &candidate = m_candidates[v][order[c]];
            if (!fitsInPlace(candidate.face, start.face))
                continue;
            ++decoded;
            std::vector<cv::Mat> frames;
            std::string error;
            if (!readSegment(other, candidate.start, needed, frames, error))
                return fail(error);
            // B moves during the window: at its end its face must still be on A's (same transform).
            const FaceGeometry last = m_locator.locate(frames.back());
            if (!frontal(last) || !eyesNoWiderOpen(last, start.face) ||
                !boxOnLive(last.box, eyeAlignment(candidate.face, start.face), start.face))
                continue;
            auto window =
                makeLiveInsert(std::move(frames), candidate.face, start.face, live.size, live.windowFrames(), dark);
            if (!kioskSeesOnlyInsert(window->compose(dark, start.frame), start.face))
                continue;
            std::string notes = " b_start=" + std::to_string(candidate.start) + " b_face=" + candidate.face.method;
            if (dark > 0)
                notes += " dark_frames=" + std::to_string(dark) + "+" + std::to_string(dark);
            insert = {"video:" + other.name, other.path.string(), notes, std::move(window)};
            return 0;
        }
    }
    return fail("no other person's video fits " + live.name + "'s face at a window start (frontal, eyes no wider " +
                "open, face box on A's, one face for the kiosk's scan)");
}

bool InsertPicker::kioskSeesOnlyInsert(const cv::Mat &frame, const FaceGeometry &live)
{
    const std::vector<cv::Rect2f> faces = m_locator.kioskDetections(frame);
    return faces.size() == 1 && cv::norm(centre(faces.front()) - centre(live.box)) <= kMaxKioskShift * live.box.width;
}

} // namespace simkyc::tools

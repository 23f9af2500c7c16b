#include "options.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace simkyc::tools {
namespace {

std::vector<std::string> splitComma(const std::string &text)
{
    std::vector<std::string> parts;
    std::stringstream stream(text);
    std::string part;
    while (std::getline(stream, part, ','))
        if (!part.empty())
            parts.push_back(part);
    return parts;
}

std::optional<AttackType> attackTypeFromName(const std::string &name)
{
    for (AttackType type : kAllAttackTypes)
        if (name == attackTypeName(type))
            return type;
    return std::nullopt;
}

template <typename T>
bool parseNumber(const std::string &text, T &value)
{
    const char *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end;
}

// --replay-videos: a .txt/.lst file with one path per line, or a comma-separated list of videos.
std::vector<std::filesystem::path> readReplayList(const std::string &arg, std::string &error)
{
    std::vector<std::filesystem::path> videos;
    const std::filesystem::path asPath(arg);
    if (asPath.extension() == ".txt" || asPath.extension() == ".lst") {
        std::ifstream in(asPath);
        if (!in) {
            error = "cannot read the replay video list " + arg;
            return {};
        }
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (!line.empty() && line.front() != '#')
                videos.emplace_back(line);
        }
        return videos;
    }
    for (const std::string &part : splitComma(arg))
        videos.emplace_back(part);
    return videos;
}

} // namespace

const char *attackTypeName(AttackType type)
{
    switch (type) {
    case AttackType::Still: return "still";
    case AttackType::Moved: return "moved";
    case AttackType::Tilted: return "tilted";
    case AttackType::Cutout: return "cutout";
    case AttackType::Replay: return "replay";
    }
    return "unknown";
}

std::string usageText()
{
    return "usage: simkyc-make-attacks (--photos LIST.txt | --identities CSV) --root DIR --out DIR\n"
           "         [--types still,moved,tilted,cutout,replay] [--closed-eyes DIR]\n"
           "         [--replay-videos LIST.txt|a.mp4,b.mp4] [--models-dir DIR] [--seconds 9] [--fps 30]\n"
           "         [--size 640x480] [--seed N] [--limit N] [--noise 2] [--snapshots]\n"
           "       simkyc-make-attacks --sessions --blinks ROOT/labels/blinks.csv --root ROOT\n"
           "         --identities ROOT/labels/identities.csv --out DIR [--models-dir DIR] [--seed N]\n"
           "         [--per-kind 24] [--snapshots]\n"
           "Writes presentation-attack videos (MJPG .avi) and OUT/attacks.csv for testing the liveness check.\n"
           "--identities takes the deepface, face-api.js and yalefaces rows of labels/identities.csv.\n"
           "--sessions renders two-blink liveness sessions from the frame-labelled videos of --blinks in which,\n"
           "for one second, a printed photo (hybrid), another live person (swap) or another person behind a\n"
           "hand over the lens (gap) replaces the live person, plus genuine controls (control); attacks.csv\n"
           "then has a prompts column (the session script, e.g. blink@1.07,blink@3.33).\n"
           "--noise SIGMA: Gaussian sensor noise added to every frame of a photo or replay attack, grey levels\n"
           "(default 2; 0 leaves the frames as a program renders them, without a camera sensor's noise).\n"
           "--snapshots also writes PNG frames to OUT/snapshots/ for a visual check.\n"
           "Exit codes: 0 done, 1 a video could not be written, 2 bad arguments or unusable input/output.\n";
}

ParseOutcome parseOptions(int argc, char **argv)
{
    ParseOutcome outcome;
    Options options;
    bool haveRoot = false;
    bool havePerKind = false;
    auto fail = [&outcome](std::string message) {
        outcome.message = std::move(message);
        return outcome;
    };
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            outcome.help = true;
            outcome.message = usageText();
            return outcome;
        }
        if (arg == "--snapshots") {
            options.snapshots = true;
            continue;
        }
        if (arg == "--sessions") {
            options.sessions = true;
            continue;
        }
        if (i + 1 >= argc)
            return fail("missing value after " + arg);
        const std::string value = argv[++i];
        if (arg == "--photos") {
            options.photoList = value;
        } else if (arg == "--identities") {
            options.identities = value;
        } else if (arg == "--root") {
            options.root = value;
            haveRoot = true;
        } else if (arg == "--out") {
            options.outDir = value;
        } else if (arg == "--closed-eyes") {
            options.closedEyesDir = value;
        } else if (arg == "--models-dir") {
            options.modelsDir = value;
        } else if (arg == "--replay-videos") {
            std::string error;
            options.replayVideos = readReplayList(value, error);
            if (!error.empty())
                return fail(error);
        } else if (arg == "--types") {
            options.types.clear();
            for (const std::string &name : splitComma(value)) {
                const auto type = attackTypeFromName(name);
                if (!type)
                    return fail("unknown attack type '" + name + "' (still, moved, tilted, cutout, replay)");
                options.types.push_back(*type);
            }
            if (options.types.empty())
                return fail("--types is empty");
        } else if (arg == "--seconds") {
            if (!parseNumber(value, options.seconds) || options.seconds <= 0.0 || options.seconds > 600.0)
                return fail("--seconds must be a number in (0, 600]");
        } else if (arg == "--fps") {
            if (!parseNumber(value, options.fps) || options.fps < 1.0 || options.fps > 120.0)
                return fail("--fps must be a number in [1, 120]");
        } else if (arg == "--size") {
            const auto x = value.find('x');
            if (x == std::string::npos || !parseNumber(value.substr(0, x), options.width) ||
                !parseNumber(value.substr(x + 1), options.height) || options.width < 64 || options.height < 64 ||
                options.width > 4096 || options.height > 4096)
                return fail("--size must be WIDTHxHEIGHT, each 64..4096");
        } else if (arg == "--seed") {
            if (!parseNumber(value, options.seed))
                return fail("--seed must be a non-negative integer");
        } else if (arg == "--blinks") {
            options.blinks = value;
        } else if (arg == "--per-kind") {
            if (!parseNumber(value, options.perKind) || options.perKind < 1 || options.perKind > 1000)
                return fail("--per-kind must be an integer in [1, 1000]");
            havePerKind = true;
        } else if (arg == "--noise") {
            if (!parseNumber(value, options.noise) || options.noise < 0.0 || options.noise > 20.0)
                return fail("--noise must be a number in [0, 20]");
        } else if (arg == "--limit") {
            if (!parseNumber(value, options.limit) || options.limit < 0)
                return fail("--limit must be a non-negative integer");
        } else {
            return fail("unknown option " + arg);
        }
    }
    if (options.sessions) {
        if (options.photoList)
            return fail("--sessions takes the victims' photos from --identities CSV, not --photos");
        if (!options.blinks)
            return fail("--sessions needs --blinks ROOT/labels/blinks.csv");
        if (!options.identities)
            return fail("--sessions needs --identities ROOT/labels/identities.csv (the printed photos)");
    } else if (options.blinks || havePerKind) {
        return fail("--blinks and --per-kind belong to --sessions");
    }
    if (options.photoList.has_value() == options.identities.has_value())
        return fail("give exactly one of --photos LIST.txt or --identities CSV");
    if (options.outDir.empty())
        return fail("--out DIR is required");
    if (options.identities && !haveRoot)
        return fail("--identities needs --root (the folder its paths are relative to)");
    if (!options.closedEyesDir && haveRoot)
        options.closedEyesDir = options.root / "eyes" / "cew_closed";
    if (options.replayVideos.empty() && haveRoot) {
        options.replayVideos = {options.root / "liveness/liveportrait/d13.mp4",
                                options.root / "liveness/liveportrait/d18.mp4",
                                options.root / "liveness/sadtalker/WDA_AlexandriaOcasioCortez_000.mp4"};
    }
    outcome.options = std::move(options);
    return outcome;
}

} // namespace simkyc::tools

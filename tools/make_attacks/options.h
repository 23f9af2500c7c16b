// Command line of simkyc-make-attacks: what to render, from which photos or videos, into which folder.
// Guarantees: parseOptions() never throws; on failure it returns a message for the user (exit 2).
// Thread-safety: value types.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::tools {

enum class AttackType { Still, Moved, Tilted, Cutout, Replay };

inline constexpr AttackType kAllAttackTypes[] = {AttackType::Still, AttackType::Moved, AttackType::Tilted,
                                                 AttackType::Cutout, AttackType::Replay};

const char *attackTypeName(AttackType type);

struct Options {
    std::optional<std::filesystem::path> photoList;  // --photos: one image path per line
    std::optional<std::filesystem::path> identities; // --identities: labels/identities.csv
    std::filesystem::path root;                      // --root: base of relative paths
    std::filesystem::path outDir;                    // --out
    std::vector<AttackType> types{std::begin(kAllAttackTypes), std::end(kAllAttackTypes)};
    std::optional<std::filesystem::path> closedEyesDir; // --closed-eyes (default ROOT/eyes/cew_closed)
    std::vector<std::filesystem::path> replayVideos;    // --replay-videos (default: three data clips)
    std::filesystem::path modelsDir;                    // --models-dir (68-point landmarks, optional)
    double seconds = 9.0;
    double fps = 30.0;
    int width = 640;
    int height = 480;
    std::uint64_t seed = 1;
    int limit = 0;      // 0 = all photos
    double noise = 2.0; // --noise: sensor noise sigma added to every frame (0: none, as a program renders)
    bool snapshots = false;
    // --sessions: liveness sessions from the labelled videos instead of photo attacks (session_attacks.h).
    bool sessions = false;
    std::optional<std::filesystem::path> blinks; // --blinks: labels/blinks.csv (session mode)
    int perKind = 24;                            // --per-kind: sessions of each attack kind (session mode)
};

struct ParseOutcome {
    std::optional<Options> options; // empty on error or --help
    std::string message;            // error text, or the usage text for --help
    bool help = false;
};

ParseOutcome parseOptions(int argc, char **argv);
std::string usageText();

} // namespace simkyc::tools

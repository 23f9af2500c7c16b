// ISO/IEC 30107-3 style evaluation of the whole liveness decision.
// Attack sessions: every video of an attack index (attacks.csv: video, attack_type, ...) is run as a
// session with a random 3-challenge script (at least one blink and one turn, as the kiosk's
// planner draws; seeded, so runs repeat) prompted at 1.0, 3.5 and 6.0 s: the attacker's video was
// made without knowing the prompts. APCER per attack type = sessions passed / sessions.
// An attack index row with a `prompts` column (simkyc-make-attacks --sessions: hybrid, swap, gap)
// runs with that script instead, timed to the recorded gestures; its rows of type "control" are
// bona fide: the same live segments without the attack.
// Genuine sessions: one per labelled blink of labels/blinks.csv that starts at least 1.2 s into
// its video, prompted 0.4 s before the blink begins (a cooperative customer's reaction).
// BPCER = bona fide sessions (genuine and control) failed / bona fide sessions, also per kind.
// Thread-safety: reentrant.
#pragma once

#include "app/model_catalog.h"
#include "vision/texture_cues.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::app {

struct LivenessEvalOptions {
    std::filesystem::path attacks;       // attacks.csv (video paths relative to its folder, or absolute)
    std::filesystem::path genuineLabels; // labels/blinks.csv
    std::filesystem::path dataRoot;      // folder blinks.csv paths are relative to
    std::uint64_t seed = 20261128;
    int limitPerType = 0; // 0: all
    // The passive cue (MiniFASNet on the best frames) as the kiosk uses it, when its optional models
    // are provisioned; its score is recorded for every session, passed or not.
    bool passive = true;
    double passiveThreshold = 0.2;
};

struct SessionOutcome {
    std::string video;
    std::string kind; // attack type, or a bona fide kind: "genuine", "control"
    std::string script;
    bool passed = false;
    std::vector<std::string> reasons;
    double passiveScore = -1.0; // median MiniFASNet real probability over the best frames; -1: not measured
    std::optional<vision::TextureCues> texture;
};

struct LivenessEvalResult {
    std::vector<SessionOutcome> sessions;
    std::map<std::string, int> attacks;                          // type -> sessions
    std::map<std::string, int> attacksPassed;                    // type -> sessions wrongly passed
    std::map<std::string, std::map<std::string, int>> stoppedBy; // type -> reason -> sessions
    bool passiveMeasured = false;                                // the MiniFASNet models were there and used
    int genuine = 0;                                             // bona fide sessions, every kind
    int genuineFailed = 0;
    std::map<std::string, int> bonaFide;       // kind -> sessions
    std::map<std::string, int> bonaFideFailed; // kind -> sessions wrongly failed
    void count(const SessionOutcome &outcome); // adds one session to the counts above
    [[nodiscard]] double apcer(const std::string &type) const;
    [[nodiscard]] double bpcer() const;
};

// "genuine" and "control" sessions are bona fide; every other kind is an attack.
bool isBonaFide(const std::string &kind);

Result<LivenessEvalResult> evaluateLiveness(const ModelCatalog &catalog, const LivenessEvalOptions &options);

} // namespace simkyc::app

// The headless demo registration (`simkyc-cli demo`): the whole kiosk workflow without a window.
// Set-up of a demo data folder (key-file protected store key, a demo carrier key pair kept OUTSIDE
// the data folder, a demo clerk), then per record: generated customer data that passes the ID,
// phone and ICCID rules, and
//  - with the sample video of the labelled data: a scripted liveness session on it, an ID-chip
//    portrait simulated from one of its frames (102x126 JPEG-60), the face match, and a sealed
//    biometric payload (ID portrait, best live frame, both embeddings, liveness summary);
//  - without it (a fresh clone): the non-face alternative of the product, a manual identity check
//    by the manager, recorded as such (no face data at all);
// then the encrypted record in the store, with its outbox row for the upstream.
// Thread-safety: one call at a time per data folder.
#pragma once

#include "app/model_catalog.h"

#include <QJsonObject>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace simkyc::app {

struct DemoOptions {
    std::filesystem::path dataDir;
    int records = 1;
    std::optional<std::filesystem::path> sampleVideo; // default: <data>/liveness/liveportrait/d13.mp4 if present
    bool manualCheck = false;            // the non-face alternative for every record, even with a sample video
    std::optional<unsigned> kdfCostLog2; // tests only: cheap staff password hashing
    std::function<bool()> keepGoing;     // asked before each record (the soak's clock); null: always
};

// Called with one JSON object per stored registration (record id, the clear test name and ID
// number used, outcome, match distance, liveness result, sync state) and per step.
using DemoSink = std::function<void(const QJsonObject &line)>;

// The prompts of the default sample video, at the times its person performs them (blinks at 1.4 s
// and 2.6 s): a recording cannot follow random prompts.
inline constexpr const char *kDemoSampleScript = "blink@1.0,blink@2.3";

// The default sample video, when the labelled data is where the build expects it.
std::optional<std::filesystem::path> defaultSampleVideo();
// Where the demo carrier's key pair goes: beside the data folder, never inside it.
std::filesystem::path demoCarrierDirOf(const std::filesystem::path &dataDir);

Status runDemo(const ModelCatalog &catalog, const DemoOptions &options, const DemoSink &sink);

// The demo clerk's sign-in, for a kiosk GUI started with --demo.
struct DemoAccount {
    std::string name;
    std::string password;
    std::string managerName; // the demo store manager (the day view)
    std::string managerPassword;
};
// What runDemo sets up before its first record: the data folder, key-file keys (the demo carrier's
// pair beside the folder), the store, the demo clerk and the demo manager. Idempotent.
Result<DemoAccount> prepareDemoDataFolder(const std::filesystem::path &dataDir,
                                          std::optional<unsigned> kdfCostLog2 = std::nullopt);

} // namespace simkyc::app

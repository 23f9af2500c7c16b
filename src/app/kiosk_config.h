// KioskConfig: the kiosk's one configuration file, /etc/simkyc/simkyc.conf (packaging/simkyc.conf is
// the commented original). Format: "key = value" lines grouped under "[section]" headers; a key's
// full name is "section.key" (e.g. [match] threshold = 0.55 is match.threshold); '#' or ';' starts a
// comment line; blank lines are ignored. Every key is optional (absent = the default below).
// Guarantees: loadKioskConfig() never clamps or guesses: an unknown key (a typo), a duplicate key, a
// value of the wrong type or outside its range is an InvalidArgument error naming the key, the value,
// the allowed range and the line, e.g. "match.threshold = 0.9 is outside 0.45..0.65 (line 31)";
// every problem of the file is reported at once (one per line of the message). The file holds no
// secrets: certificates and keys are files in upstream.tls_dir; keys named like a secret are
// redacted by redactedConfigJson() all the same.
// Thread-safety: free functions, reentrant.
#pragma once

#include "core/attempt_limit.h"
#include "core/quota.h"
#include "core/result.h"
#include "vision/matcher.h"
#include "vision/spoof_model.h"

#include <QJsonObject>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::app {

inline constexpr const char *kDefaultConfigFile = "/etc/simkyc/simkyc.conf";
inline constexpr const char *kConfigEnv = "SIMKYC_CONFIG";

struct KioskConfig {
    // [store]
    std::string dataDir = "/var/lib/simkyc"; // absolute path
    int minFreeMib = 64;                     // store.min_free_mib 16..65536 (store/registration_guard.h)
    // store.opening_hours: "HH:MM-HH:MM" in the kiosk's local time (core/opening_hours.h), or empty
    // (unknown: the per-clerk signals do not count registrations outside them).
    std::string openingHours;
    // [camera]
    std::string cameraDevice = "/dev/video0"; // /dev/videoN or /dev/v4l/by-id/...
    int cameraWidth = 1280;                   // 320..3840
    int cameraHeight = 720;                   // 240..2160
    int cameraFps = 30;                       // 10..60
    bool allowVirtualCamera = false;          // camera.allow_virtual: demos only, never in a shop
    // camera.allowed: the face-check cameras the kiosk accepts, "vendor:product:serial" (USB, as
    // simkyc-cli diagnose prints them); empty: any camera (not pinned, diagnose says so).
    std::vector<std::string> allowedCameras;
    std::string idCardCamera; // camera.id_card: "" = camera.device, "none", or a /dev path
    // [screens]
    std::string clerkScreen;    // output name (e.g. "HDMI-A-1"); empty: the primary screen
    std::string customerScreen; // output name; empty: one screen shared by clerk and customer
    // [match]
    double matchThreshold = vision::kDefaultMatchThreshold; // 0.45..0.65 (docs/accuracy.md)
    // [liveness]
    int livenessChallenges = 3;                              // 2..5 (a blink and a turn at least)
    double livenessTimeoutS = 6.0;                           // 3..15 per challenge
    int livenessMaxSessions = core::kDefaultMaxFaceAttempts; // 1..5 sessions per customer per 10 minutes
    std::string captureQualityFile;                          // optional override of capture_quality_v1.conf; absolute
    double passiveThreshold = vision::kDefaultPassiveThreshold; // 0.05..0.9: MiniFASNet median at or below fails
    // liveness.require_passive_model: without the MiniFASNet models the kiosk refuses face checks
    // (status passive_model_missing) instead of running on the challenges alone. The demo (--demo)
    // runs without them whatever this says.
    bool requirePassiveModel = true;
    // liveness.screen_light: the customer's screen plays random colours during the face check, and a
    // face that does not reflect them as skin does fails (screen_light_mismatch). Cameras only.
    bool screenLight = true;
    // [quota]
    int quotaMaxPerId = core::kQuotaLimit; // 1..core::kQuotaLimit registrations per ID number here
    // [retention]
    int reviewExtraDays = 0; // 0..7 (store/retention.h)
    int piiDays = 30;        // 1..365
    // [upstream]
    std::string upstreamUrl;                        // https://HOST:PORT; empty: no network sync
    std::string upstreamTlsDir = "/etc/simkyc/tls"; // ca.crt, device.crt, device.key, enrolment-token
    bool upstreamAllowTls12 = false;
    std::string upstreamPinSha256; // optional: 64 hex digits
    int upstreamBatch = 100;       // 1..1000
    int upstreamTimeoutMs = 30000; // 100..600000
    int upstreamDeadlineS = 600;   // 1..86400
    // [ui]
    std::vector<std::string> languages{"zh_CN", "en"}; // subset of zh_CN, en, de; the first is the default
    int idleLockMinutes = 5;                           // 1..60
};

// One key the file may hold: its full name, its range as text (for messages and docs) and its default.
struct ConfigKey {
    std::string name;  // "match.threshold"
    std::string range; // "0.45..0.65"
    std::string defaultValue;
};
[[nodiscard]] const std::vector<ConfigKey> &kioskConfigKeys();

// Parses and validates configuration text; `origin` names it in messages.
[[nodiscard]] Result<KioskConfig> parseKioskConfig(std::string_view text, std::string_view origin = "config");
// Reads and parses a file. NotFound / IoError when it cannot be read.
[[nodiscard]] Result<KioskConfig> loadKioskConfig(const std::filesystem::path &file);

// The settings a store manager may change on the kiosk (Settings screen): match.threshold,
// liveness.challenges, liveness.timeout_s, liveness.max_sessions, retention.review_extra_days,
// retention.pii_days. They are kept in <data dir>/manager-settings.conf ("key = value" lines, full
// key names), which wins over the configuration file for those keys, within the same ranges.
inline constexpr const char *kManagerSettingsFileName = "manager-settings.conf";
[[nodiscard]] const std::vector<std::string> &managerSettingKeys();
[[nodiscard]] std::filesystem::path managerSettingsFile(const std::filesystem::path &dataDir);
// Parses manager settings text over `base`; any other key, or a value out of range, is an error.
[[nodiscard]] Result<KioskConfig> applyManagerSettings(const KioskConfig &base, std::string_view text,
                                                       std::string_view origin);
// The manager's values by key (empty without the file). Errors: IoError, InvalidArgument (a bad file).
[[nodiscard]] Result<std::map<std::string, std::string>> readManagerSettings(const std::filesystem::path &dataDir);
// `base` with the manager's values applied. InvalidArgument names a key the manager may not change or
// a value out of range.
[[nodiscard]] Result<KioskConfig> applyManagerValues(const KioskConfig &base,
                                                     const std::map<std::string, std::string> &values);
// `base` with the manager's values from dataDir applied (base itself without the file).
[[nodiscard]] Result<KioskConfig> withManagerSettings(const KioskConfig &base, const std::filesystem::path &dataDir);
// Checks, then writes the whole set atomically (mode 0600). InvalidArgument names a bad key or value.
[[nodiscard]] Status writeManagerSettings(const std::filesystem::path &dataDir,
                                          const std::map<std::string, std::string> &values);
// A key's value as the file would hold it ("0.55", "3"), and its allowed range ("0.45..0.65").
[[nodiscard]] std::string configValueText(const KioskConfig &config, const std::string &key);
[[nodiscard]] std::string configKeyRange(const std::string &key);

// The file to read: `explicitFile` when given, else $SIMKYC_CONFIG, else /etc/simkyc/simkyc.conf.
[[nodiscard]] std::filesystem::path configFileFor(const std::string &explicitFile);

// The store folder: the command line's --data-dir when one was given (anything but the CLI's default,
// <XDG data>/simkyc), else the configuration's store.data_dir.
[[nodiscard]] std::filesystem::path dataDirOf(const KioskConfig &config, const QString &commandLineDataDir);

// Every effective value by full key name (numbers as numbers, lists as arrays).
[[nodiscard]] QJsonObject configJson(const KioskConfig &config);
// True for key names that look like secrets (*key*, *token*, *passphrase*, *password*, *secret*).
[[nodiscard]] bool isSecretKeyName(std::string_view name);
// configJson() with the value of every secret-looking key replaced by "<redacted>".
[[nodiscard]] QJsonObject redactedConfigJson(const KioskConfig &config);

} // namespace simkyc::app

// The options of the kiosk program `simkyc`: its command line over the kiosk configuration file
// (app/kiosk_config.h) over built-in defaults.
// Guarantees: a configuration file named by --config or $SIMKYC_CONFIG must exist and be valid; the
// default /etc/simkyc/simkyc.conf is read when it exists (an invalid one is an error, never skipped)
// and otherwise the defaults apply, with the data folder of simkyc-cli (~/.local/share/simkyc).
// Every error names the option or key and the allowed range.
// Thread-safety: free functions, reentrant.
#pragma once

#include "app/kiosk_config.h"
#include "core/result.h"

#include <QCommandLineParser>
#include <QString>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace simkyc::app {

struct GuiOptions {
    std::filesystem::path dataDir; // empty with a temporary demo folder
    bool demo = false;             // --demo: demo keys and clerk in dataDir
    std::optional<std::filesystem::path> passphraseFile;
    std::chrono::minutes idleLock{5};                // ui.idle_lock_minutes, 1..60
    QString language;                                // "zh_CN", "de", "en", ...
    std::optional<std::filesystem::path> configFile; // the file read, if any
    QString scanDir;          // --scan-dir: where the scanner / chip reader saves ID images; default ~/Pictures
    std::string camera;       // --camera, else camera.device of the configuration ("" with --demo: see main)
    bool cameraGiven = false; // --camera was on the command line
    std::string cameraScript; // --camera-script: fixed prompts for a recording ("" = random prompts)
    // --id-camera, else camera.id_card ("none": ""), else the face check's camera device; "" = none.
    std::string idCamera;
    // --customer-screen, else screens.customer: the output facing the customer ("" = one screen).
    QString customerScreen;
    QString clerkScreen;                            // screens.clerk ("" = the primary screen)
    std::optional<std::filesystem::path> modelsDir; // --models-dir
    bool speech = true;                             // --no-speech: the prompts are not spoken
    KioskConfig config; // the configuration file's values (its defaults without a file): camera, match, liveness
};

// Declares --config, --data-dir, --demo, --passphrase-file, --idle-minutes, --language, --scan-dir,
// --camera, --camera-script, --id-camera, --customer-screen, --models-dir and --no-speech.
void addGuiOptions(QCommandLineParser &parser);

// systemLanguage: QLocale::system().name() in the program, fixed in tests.
// Errors: InvalidArgument (a value out of range, "camera_not_allowed: ..." for a recording outside
// demo mode), and the configuration's.
[[nodiscard]] Result<GuiOptions> resolveGuiOptions(const QCommandLineParser &parser, const QString &systemLanguage);

} // namespace simkyc::app

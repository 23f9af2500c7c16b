// simkyc: the kiosk GUI. Opens the store (options: app/gui/gui_options.h), or with --demo a fresh demo
// data folder whose demo clerk is shown on the sign-in screen, then shows the workflow's screens.
// SIGINT and SIGTERM quit the event loop, so a temporary demo folder is removed on the way out.
#include "app/demo_registration.h"
#include "app/gui/gui_log.h"
#include "app/gui/gui_options.h"
#include "app/gui/id_portrait_finder.h"
#include "app/gui/kiosk_window.h"
#include "app/gui/login_checker.h"
#include "app/gui/registration_workflow.h"
#include "app/gui/translations.h"
#include "app/qt_logging.h"
#include "app/store_session.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLocale>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <optional>
#include <unistd.h>

namespace {

using namespace simkyc;

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// Self-pipe: the handler only writes a byte; the event loop quits when it arrives.
void quitOnSignals(QCoreApplication &application)
{
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &application);
    QObject::connect(notifier, &QSocketNotifier::activated, &application, [] {
        qCInfo(app::lcGui) << "signal received: quitting";
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

int fail(const std::string &what)
{
    std::fprintf(stderr, "simkyc: %s\n", what.c_str());
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer started;
    started.start();
    QGuiApplication application(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("simkyc"));
    QGuiApplication::setApplicationVersion(QStringLiteral(SIMKYC_VERSION));
    app::installQtLogSink();
    quitOnSignals(application);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SimKYC kiosk: real-name SIM registration"));
    parser.addHelpOption();
    parser.addVersionOption();
    app::addGuiOptions(parser);
    parser.process(application);
    auto options = app::resolveGuiOptions(parser, QLocale::system().name());
    if (!options.ok())
        return fail(options.error().toString());
    const auto translation = app::installKioskTranslation(options->language);

    std::optional<QTemporaryDir> demoRoot;
    QString demoHint;
    if (options->demo) {
        if (options->dataDir.empty()) {
            demoRoot.emplace(QDir::tempPath() + QStringLiteral("/simkyc-gui-demo-XXXXXX"));
            if (!demoRoot->isValid())
                return fail("cannot create a temporary demo folder: " + demoRoot->errorString().toStdString());
            options->dataDir = std::filesystem::path(demoRoot->path().toStdString()) / "data";
        }
        auto account = app::prepareDemoDataFolder(options->dataDir);
        if (!account.ok())
            return fail("demo set-up: " + account.error().toString());
        demoHint = QCoreApplication::translate("main", "Demo account: %1 / %2")
                       .arg(QString::fromStdString(account->name), QString::fromStdString(account->password));
    }

    auto session = app::openSession(options->dataDir, options->passphraseFile, true);
    if (!session.ok())
        return fail(session.error().toString());

    // Sign-in runs on a thread of its own (the hash takes ~250 ms). The checker's own hashing cost
    // only matters for unknown names (a dummy hash as costly as a real one); stored hashes carry their
    // own parameters. The default avoids a calibration at start.
    app::ThreadedLoginChecker checker(options->dataDir, crypto::ScryptParams{});
    app::ThreadedIdPortraitFinder finder; // decoding and the face search off the GUI thread
    app::RegistrationWorkflow workflow(checker, finder, demoHint, options->idleLock);
    workflow.setLanguage(options->language);
    workflow.idPhoto()->setFolder(options->scanDir);
    app::KioskWindow window(workflow, started);
    if (simkyc::Status loaded = window.load(); !loaded.ok())
        return fail(loaded.error().toString());
    qCInfo(app::lcGui).noquote() << "simkyc" << SIMKYC_VERSION << "Qt" << qVersion() << "platform"
                                 << QGuiApplication::platformName() << "data" << options->dataDir.c_str() << "config"
                                 << (options->configFile ? options->configFile->c_str() : "(none)") << "idle lock"
                                 << options->idleLock.count() << "min language" << options->language << "scan dir"
                                 << options->scanDir << (options->demo ? "demo" : "");
    return QGuiApplication::exec();
}

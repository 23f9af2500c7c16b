// simkyc: the kiosk GUI. Opens the store in --data-dir (or, with --demo, a fresh demo data folder
// with a demo clerk shown on the sign-in screen), then shows the workflow's screens.
#include "app/demo_registration.h"
#include "app/gui/gui_log.h"
#include "app/gui/kiosk_window.h"
#include "app/gui/registration_workflow.h"
#include "app/gui/translations.h"
#include "app/qt_logging.h"
#include "app/store_session.h"
#include "store/staff_repository.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLocale>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>

namespace {

using namespace simkyc;

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

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SimKYC kiosk: real-name SIM registration"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QStringLiteral("Where the store and keys live (default "
                                                          "~/.local/share/simkyc)."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QStringLiteral("Run on a fresh demo data folder (removed at exit unless "
                                                       "--data-dir names one) with a demo clerk."));
    const QCommandLineOption passphraseOption(QStringLiteral("passphrase-file"),
                                              QStringLiteral("File holding the store passphrase (else "
                                                             "SIMKYC_PASSPHRASE)."),
                                              QStringLiteral("FILE"));
    const QCommandLineOption idleOption(QStringLiteral("idle-minutes"),
                                        QStringLiteral("Sign the clerk out after this many minutes without "
                                                       "input (default 5)."),
                                        QStringLiteral("N"), QString::number(app::kDefaultIdleLock.count()));
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            QStringLiteral("zh_CN, de or en (default: the system's language)."),
                                            QStringLiteral("LANG"), QLocale::system().name());
    parser.addOptions({dataDirOption, demoOption, passphraseOption, idleOption, languageOption});
    parser.process(application);
    const auto translation = app::installKioskTranslation(parser.value(languageOption));

    bool idleOk = false;
    const int idleMinutes = parser.value(idleOption).toInt(&idleOk);
    if (!idleOk || idleMinutes < 1 || idleMinutes > 24 * 60)
        return fail("--idle-minutes must be 1-1440");

    std::optional<QTemporaryDir> demoRoot;
    std::filesystem::path dataDir =
        parser.isSet(dataDirOption)
            ? std::filesystem::path(parser.value(dataDirOption).toStdString())
            : std::filesystem::path(QDir::homePath().toStdString()) / ".local" / "share" / "simkyc";
    QString demoHint;
    if (parser.isSet(demoOption)) {
        if (!parser.isSet(dataDirOption)) {
            demoRoot.emplace(QDir::tempPath() + QStringLiteral("/simkyc-gui-demo-XXXXXX"));
            if (!demoRoot->isValid())
                return fail("cannot create a temporary demo folder: " + demoRoot->errorString().toStdString());
            dataDir = std::filesystem::path(demoRoot->path().toStdString()) / "data";
        }
        auto account = app::prepareDemoDataFolder(dataDir);
        if (!account.ok())
            return fail("demo set-up: " + account.error().toString());
        demoHint = QCoreApplication::translate("main", "Demo account: %1 / %2")
                       .arg(QString::fromStdString(account->name), QString::fromStdString(account->password));
        qCInfo(app::lcGui).noquote() << "demo data folder" << QString::fromStdString(dataDir.string());
    }

    std::optional<std::filesystem::path> passphraseFile;
    if (parser.isSet(passphraseOption))
        passphraseFile = parser.value(passphraseOption).toStdString();
    auto session = app::openSession(dataDir, passphraseFile, true);
    if (!session.ok())
        return fail(session.error().toString());

    // The repository's own hashing cost only matters for unknown names (a dummy hash as costly as a
    // real one); stored hashes carry their own parameters. The default avoids a calibration at start.
    store::StaffRepository staff(session->db, crypto::ScryptParams{});
    app::RegistrationWorkflow workflow(staff, demoHint, std::chrono::minutes(idleMinutes));
    app::KioskWindow window(workflow, started);
    if (simkyc::Status loaded = window.load(); !loaded.ok())
        return fail(loaded.error().toString());
    qCInfo(app::lcGui).noquote() << "simkyc" << SIMKYC_VERSION << "Qt" << qVersion() << "platform"
                                 << QGuiApplication::platformName() << "idle lock" << idleMinutes << "min";
    return QGuiApplication::exec();
}

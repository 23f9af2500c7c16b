// simkyc-cli db init | verify | backup | restore.
#include "app/cli/command_list.h"
#include "app/store_session.h"
#include "store/audit_log.h"
#include "store/backup.h"
#include "store/key_provider.h"
#include "store/migration_runner.h"
#include "store/open_store.h"
#include "store/registration_repository.h"

namespace simkyc::app::cli {
namespace {

int failWith(const CommonOptions &options, const Error &e)
{
    return fail(options, QString::fromStdString(std::string(errorCodeName(e.code))), QString::fromStdString(e.message));
}

std::optional<std::filesystem::path> passphraseFile(const QCommandLineParser &parser)
{
    if (!parser.isSet("passphrase-file"))
        return std::nullopt;
    return std::filesystem::path(parser.value("passphrase-file").toStdString());
}

int runInit(const QCommandLineParser &parser, const CommonOptions &options)
{
    auto session = openSession(options.dataDir.toStdString(), passphraseFile(parser), false);
    if (!session)
        return failWith(options, session.error());
    auto version = store::schemaVersion(session->db);
    if (!version)
        return failWith(options, version.error());
    if (auto audit =
            store::appendAudit(session->db, {"cli", "db.init", std::nullopt, "schema=" + std::to_string(*version)});
        !audit)
        return failWith(options, audit.error());
    const QString file = QString::fromStdString(storeFileOf(options.dataDir.toStdString()).string());
    if (options.json)
        printJson(QJsonObject{{"database", file},
                              {"schema_version", *version},
                              {"protection", QString::fromStdString(session->protection)}});
    else
        printText(QStringLiteral("store ready: %1 (schema version %2)\n").arg(file).arg(*version));
    return kExitOk;
}

int runVerify(const QCommandLineParser &parser, const CommonOptions &options)
{
    auto session = openSession(options.dataDir.toStdString(), passphraseFile(parser), true);
    if (!session)
        return failWith(options, session.error());
    store::Database &db = session->db;
    auto integrity = db.queryText("PRAGMA integrity_check");
    if (!integrity)
        return failWith(options, integrity.error());
    auto chain = store::verifyAuditChain(db);
    if (!chain)
        return failWith(options, chain.error());
    store::RegistrationRepository repo(db, session->keys);
    auto count = repo.count();
    auto newest = repo.newestId();
    if (!count || !newest)
        return failWith(options, count ? newest.error() : count.error());
    QString sample = "none";
    if (newest->has_value()) // a decrypting read like any other: audited (after the chain was checked)
        sample = repo.readCustomer(**newest, "cli", "db_verify_sample") ? "ok" : "failed";
    const QString chainText = chain->ok ? QStringLiteral("ok") : QStringLiteral("broken at %1").arg(chain->firstBadId);
    const bool allOk = *integrity == "ok" && chain->ok && sample != "failed";
    if (options.json) {
        printJson(QJsonObject{{"ok", allOk},
                              {"registrations", static_cast<qint64>(*count)},
                              {"integrity", QString::fromStdString(*integrity)},
                              {"audit_chain", chainText},
                              {"audit_entries", static_cast<qint64>(chain->entries)},
                              {"sample_decrypt", sample}});
    } else {
        printText(QStringLiteral("registrations: %1\nintegrity: %2\naudit chain: %3\nsample decrypt: %4\n")
                      .arg(*count)
                      .arg(QString::fromStdString(*integrity), chainText, sample));
    }
    if (!allOk)
        std::fprintf(stderr, "simkyc-cli db verify: a check did not hold%s\n",
                     chain->ok ? "" : (" (audit: " + chain->problem + ")").c_str());
    return allOk ? kExitOk : kExitNegative;
}

// Backup: an audit entry first (so the backup records that it was taken), then the encrypted snapshot.
int runBackup(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("out"))
        return fail(options, "invalid_argument", "usage: simkyc-cli db backup --out FILE [options]");
    const std::filesystem::path out = parser.value("out").toStdString();
    auto session = openSession(options.dataDir.toStdString(), passphraseFile(parser), true);
    if (!session)
        return failWith(options, session.error());
    if (auto audit = store::appendAudit(session->db, {"cli", "db.backup", std::nullopt, ""}); !audit)
        return failWith(options, audit.error());
    store::RegistrationRepository repo(session->db, session->keys);
    auto count = repo.count();
    if (!count)
        return failWith(options, count.error());
    if (auto done = store::backupStore(session->db, session->keys, out, parser.isSet("force")); !done)
        return failWith(options, done.error());
    std::error_code ec;
    const auto bytes = static_cast<qint64>(std::filesystem::file_size(out, ec));
    const QString file = QString::fromStdString(out.string());
    if (options.json)
        printJson(QJsonObject{{"backup", file}, {"bytes", bytes}, {"registrations", static_cast<qint64>(*count)}});
    else
        printText(QStringLiteral("backup written: %1 (%2 bytes, %3 registrations)\n").arg(file).arg(bytes).arg(*count));
    return kExitOk;
}

// Restore: needs the unlocked keyring but not an open store (there may be none yet). Afterwards the
// store is opened with the normal sequence (migrating an older backup) and the restore is audited.
int runRestore(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("from"))
        return fail(options, "invalid_argument", "usage: simkyc-cli db restore --from FILE [--force] [options]");
    const std::filesystem::path dataDir = options.dataDir.toStdString();
    auto passphrase = readSecret(passphraseFile(parser));
    if (!passphrase)
        return failWith(options, passphrase.error());
    auto provider = store::detectKeyProvider(store::keysDirOf(dataDir), std::move(passphrase).value());
    if (!provider)
        return failWith(options, provider.error());
    auto keys = store::unlockKeyring(dataDir, **provider);
    if (!keys)
        return failWith(options, keys.error());
    const std::filesystem::path dbFile = storeFileOf(dataDir);
    auto report = store::restoreStore(parser.value("from").toStdString(), *keys, dbFile, parser.isSet("force"));
    if (!report)
        return failWith(options, report.error());
    auto db = store::openStore(dbFile);
    if (!db)
        return failWith(options, db.error());
    if (auto audit = store::appendAudit(
            *db, {"cli", "db.restore", std::nullopt, "schema=" + std::to_string(report->schemaVersion)});
        !audit)
        return failWith(options, audit.error());
    store::RegistrationRepository repo(*db, *keys);
    auto count = repo.count();
    if (!count)
        return failWith(options, count.error());
    const QString file = QString::fromStdString(dbFile.string());
    const QString previous =
        report->quarantinedAt ? QString::fromStdString(report->quarantinedAt->string()) : QString();
    if (options.json) {
        QJsonObject out{{"database", file},
                        {"registrations", static_cast<qint64>(*count)},
                        {"schema_version", report->schemaVersion},
                        {"integrity", "ok"}};
        if (report->quarantinedAt)
            out.insert("previous_database", previous);
        printJson(out);
    } else {
        printText(QStringLiteral("restored: %1 (%2 registrations, integrity ok)\n").arg(file).arg(*count));
        if (report->quarantinedAt)
            printText(QStringLiteral("the previous database was moved to %1\n").arg(previous));
    }
    return kExitOk;
}

} // namespace

Command dbCommand()
{
    Command c;
    c.name = "db";
    c.summary = "Create the store (init), check it (verify: integrity, sample decryption, audit chain), "
                "back it up to an encrypted file (backup --out) or restore one (restore --from [--force]).";
    c.declare = [](QCommandLineParser &parser) {
        parser.addPositionalArgument("action", "init | verify | backup | restore");
        parser.addOption({"passphrase-file", "The manager's passphrase (or set SIMKYC_PASSPHRASE).", "FILE"});
        parser.addOption({"out", "backup: the encrypted backup file to write.", "FILE"});
        parser.addOption({"from", "restore: the encrypted backup file to read.", "FILE"});
        parser.addOption({"force", "backup: overwrite the output; restore: replace an existing database "
                                   "(it is moved to quarantine/, never deleted)."});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        const QStringList args = parser.positionalArguments();
        if (args.size() == 1 && args[0] == "init")
            return runInit(parser, options);
        if (args.size() == 1 && args[0] == "verify")
            return runVerify(parser, options);
        if (args.size() == 1 && args[0] == "backup")
            return runBackup(parser, options);
        if (args.size() == 1 && args[0] == "restore")
            return runRestore(parser, options);
        return fail(options, "invalid_argument", "usage: simkyc-cli db init|verify|backup|restore [options]");
    };
    return c;
}

} // namespace simkyc::app::cli

// simkyc-cli db init | verify | backup | restore | rotate-key | purge.
#include "app/cli/command_list.h"
#include "app/store_session.h"
#include "store/audit_log.h"
#include "store/backup.h"
#include "store/key_provider.h"
#include "store/key_rotation.h"
#include "store/migration_runner.h"
#include "store/open_store.h"
#include "store/registration_repository.h"
#include "store/retention.h"

#include <chrono>
#include <cmath>

namespace simkyc::app::cli {
namespace {

int runInit(const QCommandLineParser &parser, const CommonOptions &options)
{
    auto session = openSession(options.dataDir.toStdString(), passphraseFileOption(parser), false);
    if (!session)
        return fail(options, session.error());
    auto version = store::schemaVersion(session->db);
    if (!version)
        return fail(options, version.error());
    if (auto audit =
            store::appendAudit(session->db, {"cli", "db.init", std::nullopt, "schema=" + std::to_string(*version)});
        !audit)
        return fail(options, audit.error());
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
    auto session = openSession(options.dataDir.toStdString(), passphraseFileOption(parser), true);
    if (!session)
        return fail(options, session.error());
    store::Database &db = session->db;
    auto integrity = db.queryText("PRAGMA integrity_check");
    if (!integrity)
        return fail(options, integrity.error());
    auto chain = store::verifyAuditChain(db);
    if (!chain)
        return fail(options, chain.error());
    store::RegistrationRepository repo(db, session->keys);
    auto count = repo.count();
    auto newest = repo.newestId();
    if (!count || !newest)
        return fail(options, count ? newest.error() : count.error());
    // Records shredded by retention are fine when nothing of their customer data is left.
    auto purged = db.queryInt64("SELECT COUNT(*) FROM registrations WHERE pii_purged_at IS NOT NULL");
    auto leftover = db.queryInt64("SELECT COUNT(*) FROM registrations WHERE pii_purged_at IS NOT NULL AND "
                                  "length(wrapped_data_key) + length(name) + length(id_number) + length(birth_date) + "
                                  "length(address) + length(phone) + length(iccid) > 0");
    if (!purged || !leftover)
        return fail(options, purged ? leftover.error() : purged.error());
    QString sample = "none"; // the newest record that still holds customer data
    if (newest->has_value()) // a decrypting read like any other: audited (after the chain was checked)
        sample = repo.readCustomer(**newest, "cli", "db_verify_sample") ? "ok" : "failed";
    const QString chainText = chain->ok ? QStringLiteral("ok") : QStringLiteral("broken at %1").arg(chain->firstBadId);
    const QString purgedText = *leftover == 0 ? QStringLiteral("ok") : QStringLiteral("%1 not shredded").arg(*leftover);
    const bool allOk = *integrity == "ok" && chain->ok && sample != "failed" && *leftover == 0;
    if (options.json) {
        printJson(QJsonObject{{"ok", allOk},
                              {"registrations", static_cast<qint64>(*count)},
                              {"pii_purged", static_cast<qint64>(*purged)},
                              {"purged_records", purgedText},
                              {"integrity", QString::fromStdString(*integrity)},
                              {"audit_chain", chainText},
                              {"audit_entries", static_cast<qint64>(chain->entries)},
                              {"sample_decrypt", sample}});
    } else {
        printText(QStringLiteral("registrations: %1 (%2 purged by retention: %3)\nintegrity: %4\naudit chain: "
                                 "%5\nsample decrypt: %6\n")
                      .arg(*count)
                      .arg(*purged)
                      .arg(purgedText, QString::fromStdString(*integrity), chainText, sample));
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
    auto session = openSession(options.dataDir.toStdString(), passphraseFileOption(parser), true);
    if (!session)
        return fail(options, session.error());
    if (auto audit = store::appendAudit(session->db, {"cli", "db.backup", std::nullopt, ""}); !audit)
        return fail(options, audit.error());
    store::RegistrationRepository repo(session->db, session->keys);
    auto count = repo.count();
    if (!count)
        return fail(options, count.error());
    if (auto done = store::backupStore(session->db, session->keys, out, parser.isSet("force")); !done)
        return fail(options, done.error());
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
    auto passphrase = readSecret(passphraseFileOption(parser));
    if (!passphrase)
        return fail(options, passphrase.error());
    if (auto recovered = store::resolveInterruptedRotation(dataDir, storeFileOf(dataDir), *passphrase); !recovered)
        return fail(options, recovered.error());
    auto provider = store::detectKeyProvider(store::keysDirOf(dataDir), std::move(passphrase).value());
    if (!provider)
        return fail(options, provider.error());
    auto keys = store::unlockKeyring(dataDir, **provider);
    if (!keys)
        return fail(options, keys.error());
    const std::filesystem::path dbFile = storeFileOf(dataDir);
    auto report = store::restoreStore(parser.value("from").toStdString(), *keys, dbFile, parser.isSet("force"));
    if (!report)
        return fail(options, report.error());
    auto db = store::openStore(dbFile);
    if (!db)
        return fail(options, db.error());
    if (auto audit = store::appendAudit(
            *db, {"cli", "db.restore", std::nullopt, "schema=" + std::to_string(report->schemaVersion)});
        !audit)
        return fail(options, audit.error());
    store::RegistrationRepository repo(*db, *keys);
    auto count = repo.count();
    if (!count)
        return fail(options, count.error());
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

double millisecondsSince(std::chrono::steady_clock::time_point start)
{
    const auto elapsed = std::chrono::steady_clock::now() - start;
    return std::round(std::chrono::duration<double, std::milli>(elapsed).count() * 10) / 10;
}

// Rotate-key: the current passphrase (or none for a key-file store) and optionally a new one.
int runRotateKey(const QCommandLineParser &parser, const CommonOptions &options)
{
    const std::filesystem::path dataDir = options.dataDir.toStdString();
    auto passphrase = readSecret(passphraseFileOption(parser));
    if (!passphrase)
        return fail(options, passphrase.error());
    store::RotationOptions rotation;
    rotation.passphrase = std::move(passphrase).value();
    if (parser.isSet("new-passphrase-file")) {
        auto fresh = readSecret(std::filesystem::path(parser.value("new-passphrase-file").toStdString()));
        if (!fresh)
            return fail(options, fresh.error());
        rotation.newPassphrase = std::move(fresh).value();
    }
    const auto start = std::chrono::steady_clock::now();
    auto report = store::rotateStoreKey(dataDir, storeFileOf(dataDir), std::move(rotation));
    if (!report)
        return fail(options, report.error());
    const double ms = millisecondsSince(start);
    if (options.json) {
        printJson(QJsonObject{{"protection", QString::fromStdString(report->protection)},
                              {"records_rewrapped", static_cast<qint64>(report->recordsRewrapped)},
                              {"records_purged", static_cast<qint64>(report->recordsPurged)},
                              {"settings_rewrapped", static_cast<qint64>(report->settingsRewrapped)},
                              {"blind_index_key_persisted", report->blindIndexKeyPersisted},
                              {"elapsed_ms", ms}});
    } else {
        printText(QStringLiteral("store key rotated (%1): %2 data keys and %3 settings re-wrapped in %4 ms\n"
                                 "make a new backup: older backups open only with the previous key\n")
                      .arg(QString::fromStdString(report->protection))
                      .arg(report->recordsRewrapped)
                      .arg(report->settingsRewrapped)
                      .arg(ms));
    }
    return kExitOk;
}

// "2025-01-31T14:25:01.042Z" or without milliseconds.
std::optional<store::Clock::time_point> parseNow(const QString &text)
{
    std::string value = text.toStdString();
    if (value.size() == 20 && value.back() == 'Z')
        value.insert(19, ".000");
    return store::parseUtcTimestamp(value);
}

// Purge: the retention job once, with the stored policy. Needs no key: shredding drops wrapped keys.
int runPurge(const QCommandLineParser &parser, const CommonOptions &options)
{
    store::Clock::time_point now = store::Clock::now();
    if (parser.isSet("now")) {
        auto parsed = parseNow(parser.value("now"));
        if (!parsed)
            return fail(options, "invalid_argument", "--now must be UTC ISO 8601, e.g. 2025-01-31T14:25:01Z");
        now = *parsed;
    }
    const std::filesystem::path dbFile = storeFileOf(options.dataDir.toStdString());
    std::error_code ec;
    if (!std::filesystem::exists(dbFile, ec))
        return fail(options, "not_found",
                    QString::fromStdString("no store at " + dbFile.string() + "; run 'simkyc-cli db init' first"));
    auto db = store::openStore(dbFile);
    if (!db)
        return fail(options, db.error());
    auto policy = store::loadRetentionPolicy(*db);
    if (!policy)
        return fail(options, policy.error());
    const auto start = std::chrono::steady_clock::now();
    auto counts = store::runRetention(*db, *policy, now, parser.isSet("dry-run"), "cli");
    if (!counts)
        return fail(options, counts.error());
    const double ms = millisecondsSince(start);
    if (options.json) {
        printJson(QJsonObject{{"dry_run", counts->dryRun},
                              {"biometrics_deleted", static_cast<qint64>(counts->biometricsDeleted)},
                              {"pii_purged", static_cast<qint64>(counts->piiPurged)},
                              {"skipped_not_acknowledged", static_cast<qint64>(counts->skippedNotAcknowledged)},
                              {"review_extra_days", policy->reviewExtraDays},
                              {"pii_days", policy->piiDays},
                              {"elapsed_ms", ms}});
    } else {
        printText(QStringLiteral("%1biometrics deleted: %2\ncustomer data purged: %3\nkept (not acknowledged "
                                 "upstream): %4\n")
                      .arg(counts->dryRun ? QStringLiteral("dry run, nothing changed\n") : QString())
                      .arg(counts->biometricsDeleted)
                      .arg(counts->piiPurged)
                      .arg(counts->skippedNotAcknowledged));
    }
    return kExitOk;
}

} // namespace

Command dbCommand()
{
    Command c;
    c.name = "db";
    c.summary = "Create the store (init), check it (verify: integrity, sample decryption, audit chain), "
                "back it up to an encrypted file (backup --out) or restore one (restore --from [--force]), "
                "replace the store key (rotate-key [--new-passphrase-file]) or run retention (purge [--dry-run]).";
    c.declare = [](QCommandLineParser &parser) {
        parser.addPositionalArgument("action", "init | verify | backup | restore | rotate-key | purge");
        parser.addOption({"passphrase-file", "The manager's passphrase (or set SIMKYC_PASSPHRASE).", "FILE"});
        parser.addOption({"out", "backup: the encrypted backup file to write.", "FILE"});
        parser.addOption({"from", "restore: the encrypted backup file to read.", "FILE"});
        parser.addOption({"force", "backup: overwrite the output; restore: replace an existing database "
                                   "(it is moved to quarantine/, never deleted)."});
        parser.addOption(
            {"new-passphrase-file", "rotate-key: a new passphrase (default: keep the current one).", "FILE"});
        parser.addOption({"now", "purge: the time to purge as of (UTC ISO 8601; tests).", "TIME"});
        parser.addOption({"dry-run", "purge: count what is due, change nothing."});
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
        if (args.size() == 1 && args[0] == "rotate-key")
            return runRotateKey(parser, options);
        if (args.size() == 1 && args[0] == "purge")
            return runPurge(parser, options);
        return fail(options, "invalid_argument",
                    "usage: simkyc-cli db init|verify|backup|restore|rotate-key|purge [options]");
    };
    return c;
}

} // namespace simkyc::app::cli

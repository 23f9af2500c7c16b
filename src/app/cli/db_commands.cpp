// simkyc-cli db init | verify.
#include "app/cli/command_list.h"
#include "app/store_session.h"
#include "store/audit_log.h"
#include "store/migration_runner.h"
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

} // namespace

Command dbCommand()
{
    Command c;
    c.name = "db";
    c.summary = "Create the store (init) or check it (verify: integrity, sample decryption, audit chain).";
    c.declare = [](QCommandLineParser &parser) {
        parser.addPositionalArgument("action", "init | verify");
        parser.addOption({"passphrase-file", "The manager's passphrase (or set SIMKYC_PASSPHRASE).", "FILE"});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        const QStringList args = parser.positionalArguments();
        if (args.size() == 1 && args[0] == "init")
            return runInit(parser, options);
        if (args.size() == 1 && args[0] == "verify")
            return runVerify(parser, options);
        return fail(options, "invalid_argument", "usage: simkyc-cli db init|verify [options]");
    };
    return c;
}

} // namespace simkyc::app::cli

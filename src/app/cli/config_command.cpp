// simkyc-cli config check | apply | keys: the kiosk configuration (/etc/simkyc/simkyc.conf, app/kiosk_config.h).
#include "app/cli/command_list.h"
#include "app/kiosk_config.h"
#include "app/store_session.h"
#include "store/audit_log.h"
#include "store/open_store.h"
#include "store/registration_guard.h"
#include "store/retention.h"
#include "store/settings.h"

#include <QJsonArray>

namespace simkyc::app::cli {
namespace {

// The configuration file, with the store manager's settings of its data folder over it (the values
// the kiosk uses). *file names both when the manager changed something.
Result<KioskConfig> loadFor(const QCommandLineParser &parser, const CommonOptions &options, QString *file)
{
    const auto path = configFileFor(parser.value("config").toStdString());
    *file = QString::fromStdString(path.string());
    auto config = loadKioskConfig(path);
    if (!config)
        return config;
    const auto dataDir = dataDirOf(*config, options.dataDir);
    auto manager = readManagerSettings(dataDir);
    if (!manager)
        return manager.error();
    if (!manager->empty())
        *file += QStringLiteral(" + ") + QString::fromStdString(managerSettingsFile(dataDir).string());
    return withManagerSettings(*config, dataDir);
}

int runCheck(const QCommandLineParser &parser, const CommonOptions &options)
{
    QString file;
    auto config = loadFor(parser, options, &file);
    if (!config)
        return fail(options, config.error());
    const QJsonObject effective = redactedConfigJson(*config);
    if (options.json) {
        printJson(QJsonObject{{"ok", true}, {"file", file}, {"config", effective}});
        return kExitOk;
    }
    QString text = QStringLiteral("%1: ok\n").arg(file);
    for (auto it = effective.begin(); it != effective.end(); ++it) {
        QString value = it.value().isArray() ? QString() : it.value().toVariant().toString();
        if (it.value().isArray())
            for (const auto &item : it.value().toArray())
                value += (value.isEmpty() ? "" : ",") + item.toString();
        if (it.value().isBool())
            value = it.value().toBool() ? "true" : "false";
        text += QStringLiteral("%1 = %2\n").arg(it.key(), value);
    }
    printText(text);
    return kExitOk;
}

// Apply: the store keeps retention and the free-space minimum in its settings table (the retention job
// and the registration gate read them there); the configuration is the source, so write them when
// they differ. Needs no key: these settings are plain.
int runApply(const QCommandLineParser &parser, const CommonOptions &options)
{
    QString file;
    auto config = loadFor(parser, options, &file);
    if (!config)
        return fail(options, config.error());
    const std::filesystem::path dbFile = storeFileOf(dataDirOf(*config, options.dataDir));
    std::error_code ec;
    if (!std::filesystem::exists(dbFile, ec))
        return fail(options, "not_found",
                    QString::fromStdString("no store at " + dbFile.string() + "; run 'simkyc-cli db init' first"));
    auto db = store::openStore(dbFile);
    if (!db)
        return fail(options, db.error());
    auto policy = store::loadRetentionPolicy(*db);
    auto minFree =
        store::readIntSetting(*db, store::kMinFreeMibSetting, 64, store::kMinFreeMibLow, store::kMinFreeMibHigh);
    // A stored value out of range is replaced by the configuration's, never an obstacle to fixing it.
    const bool policyChanged =
        !policy || policy->reviewExtraDays != config->reviewExtraDays || policy->piiDays != config->piiDays;
    const bool minFreeChanged = !minFree || *minFree != config->minFreeMib;
    if (policyChanged) {
        store::RetentionPolicy wanted = policy ? *policy : store::RetentionPolicy{};
        wanted.reviewExtraDays = config->reviewExtraDays;
        wanted.piiDays = config->piiDays;
        if (auto saved = store::saveRetentionPolicy(*db, wanted); !saved)
            return fail(options, saved.error());
    }
    if (minFreeChanged)
        if (auto saved = store::writeSetting(*db, store::kMinFreeMibSetting, std::to_string(config->minFreeMib));
            !saved)
            return fail(options, saved.error());
    if (policyChanged || minFreeChanged) {
        const std::string detail = "retention.review_extra_days=" + std::to_string(config->reviewExtraDays) +
                                   ",retention.pii_days=" + std::to_string(config->piiDays) +
                                   ",store.min_free_mib=" + std::to_string(config->minFreeMib);
        if (auto audit = store::appendAudit(*db, {"cli", "config.apply", std::nullopt, detail}); !audit)
            return fail(options, audit.error());
    }
    if (options.json)
        printJson(QJsonObject{{"file", file},
                              {"database", QString::fromStdString(dbFile.string())},
                              {"retention_changed", policyChanged},
                              {"min_free_changed", minFreeChanged},
                              {"review_extra_days", config->reviewExtraDays},
                              {"pii_days", config->piiDays},
                              {"min_free_mib", config->minFreeMib}});
    else
        printText(QStringLiteral("%1 applied to %2: retention %3, free-space minimum %4\n")
                      .arg(file, QString::fromStdString(dbFile.string()),
                           policyChanged ? QStringLiteral("updated") : QStringLiteral("unchanged"),
                           minFreeChanged ? QStringLiteral("updated") : QStringLiteral("unchanged")));
    return kExitOk;
}

int runKeys(const CommonOptions &options)
{
    QJsonArray keys;
    QString text;
    for (const ConfigKey &k : kioskConfigKeys()) {
        keys.append(QJsonObject{{"key", QString::fromStdString(k.name)},
                                {"range", QString::fromStdString(k.range)},
                                {"default", QString::fromStdString(k.defaultValue)}});
        text += QStringLiteral("%1  %2  (default %3)\n")
                    .arg(QString::fromStdString(k.name).leftJustified(30), QString::fromStdString(k.range),
                         QString::fromStdString(k.defaultValue));
    }
    if (options.json)
        printJson(QJsonObject{{"keys", keys}});
    else
        printText(text);
    return kExitOk;
}

} // namespace

Command configCommand()
{
    Command c;
    c.name = "config";
    c.summary = "The kiosk configuration (/etc/simkyc/simkyc.conf): check (validate, print the effective values), "
                "apply (write retention and free-space settings into the store), keys (every key and its range).";
    c.declare = [](QCommandLineParser &parser) {
        parser.addPositionalArgument("action", "check | apply | keys");
        parser.addOption(
            {"config", "The configuration file (default: $SIMKYC_CONFIG, else /etc/simkyc/simkyc.conf).", "FILE"});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        const QStringList args = parser.positionalArguments();
        if (args.size() == 1 && args[0] == "check")
            return runCheck(parser, options);
        if (args.size() == 1 && args[0] == "apply")
            return runApply(parser, options);
        if (args.size() == 1 && args[0] == "keys")
            return runKeys(options);
        return fail(options, "invalid_argument", "usage: simkyc-cli config check|apply|keys [--config FILE]");
    };
    return c;
}

} // namespace simkyc::app::cli

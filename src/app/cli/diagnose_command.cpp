// simkyc-cli diagnose --out FILE: one file a support person can read. Versions, the configuration
// (secret-looking keys redacted), model hashes, cameras, store and sync health, disk space.
// Never customer data: the store is opened read-only and never unlocked (no passphrase is asked
// for), only counts, states, setting values that are not wrapped keys, and the audit chain's
// verdict are read; key files are listed by name and mode, never read.
#include "app/cli/command_list.h"
#include "app/face_services.h"
#include "app/kiosk_config.h"
#include "app/selftest.h"
#include "app/store_session.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/disk_space.h"
#include "store/outbox_repository.h"
#include "store/registration_guard.h"
#include "store/retention.h"
#include "store/settings.h"
#include "vision/injection_check.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <sys/stat.h>
#include <sys/utsname.h>

#include <algorithm>
#include <fstream>

namespace simkyc::app::cli {
namespace {

namespace fs = std::filesystem;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString firstLine(const fs::path &file)
{
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return q(line).trimmed();
}

QString modeOf(const fs::path &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return QStringLiteral("absent");
    return QStringLiteral("%1 uid=%2 gid=%3")
        .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'))
        .arg(st.st_uid)
        .arg(st.st_gid);
}

QJsonObject versions()
{
    QJsonObject out{{"simkyc", SIMKYC_VERSION}};
    for (const auto &[name, version] : libraryVersions())
        out.insert(q(name), q(version));
    struct utsname u {};
    if (::uname(&u) == 0)
        out.insert("kernel", QStringLiteral("%1 %2 %3").arg(u.sysname, u.release, u.machine));
    std::ifstream osRelease("/etc/os-release");
    for (std::string line; std::getline(osRelease, line);)
        if (line.rfind("PRETTY_NAME=", 0) == 0)
            out.insert("os", q(line.substr(12)).remove('"'));
    return out;
}

QJsonValue configuration(const QString &explicitFile, KioskConfig *effective)
{
    const fs::path file = configFileFor(explicitFile.toStdString());
    auto config = loadKioskConfig(file);
    QJsonObject out{{"file", q(file.string())}, {"file_mode", modeOf(file)}};
    if (!config) {
        out.insert("error", q(config.error().toString()));
        out.insert("effective", redactedConfigJson(KioskConfig{}));
        out.insert("note", "the defaults are shown; the kiosk refuses to start with an invalid file");
        return out;
    }
    *effective = *config;
    out.insert("effective", redactedConfigJson(*config));
    return out;
}

QJsonArray models(const std::optional<fs::path> &modelsDir)
{
    QJsonArray out;
    const ModelCatalog catalog = ModelCatalog::builtIn(modelsDir);
    for (const ModelEntry &entry : catalog.entries()) {
        const ModelStatus status = catalog.verify(entry);
        out.append(QJsonObject{{"id", q(entry.id)},
                               {"required", entry.required},
                               {"state", q(std::string(modelStateName(status.state)))},
                               {"path", q(status.path.string())},
                               {"sha256", q(status.actualSha256)},
                               {"expected_sha256", q(entry.sha256)}});
    }
    return out;
}

// Whether the kiosk's face checks run with the passive anti-spoofing cue, without it, or not at all.
QJsonObject passiveCue(const std::optional<fs::path> &modelsDir, const KioskConfig &config)
{
    auto files = locateSpoofModels(ModelCatalog::builtIn(modelsDir));
    QJsonObject out{{"models", files.ok() ? "installed" : "missing"},
                    {"require_passive_model", config.requirePassiveModel}};
    if (files.ok())
        out.insert("face_checks", "run with the passive cue");
    else {
        out.insert("problem", q(files.error().message));
        out.insert("face_checks", config.requirePassiveModel
                                      ? "REFUSED: the kiosk runs no face check without the models"
                                      : "run WITHOUT the passive cue (liveness.require_passive_model = false)");
    }
    return out;
}

QJsonArray cameras()
{
    QJsonArray out;
    std::error_code ec;
    std::vector<fs::path> nodes;
    for (const auto &e : fs::directory_iterator("/sys/class/video4linux", ec))
        nodes.push_back(e.path());
    std::sort(nodes.begin(), nodes.end());
    for (const fs::path &node : nodes) {
        const std::string device = "/dev/" + node.filename().string();
        QJsonObject cam{{"device", q(device)}, {"name", firstLine(node / "name")}, {"mode", modeOf(device)}};
        if (auto id = vision::queryCamera(device)) {
            std::string why;
            cam.insert("driver", q(id->driver));
            cam.insert("card", q(id->card));
            cam.insert("bus", q(id->busInfo));
            cam.insert("virtual", vision::isVirtualCamera(*id, &why));
            if (!why.empty())
                cam.insert("virtual_because", q(why));
            // The value to copy into camera.allowed to pin this camera.
            if (auto usb = vision::usbCameraId(device))
                cam.insert("usb_id", q(usb->text()));
            else
                cam.insert("usb_id_error", q(usb.error().message));
        } else {
            cam.insert("error", q(id.error().toString()));
        }
        out.append(cam);
    }
    return out;
}

QJsonValue countOrError(store::Database &db, const char *sql)
{
    auto n = db.queryInt64(sql);
    return n ? QJsonValue(static_cast<qint64>(*n)) : QJsonValue(q(n.error().toString()));
}

QJsonValue optionalText(const std::optional<std::string> &v)
{
    return v ? QJsonValue(q(*v)) : QJsonValue(QJsonValue::Null);
}

// Read-only, no key: what `db verify` checks except the sample decryption.
QJsonObject storeHealth(const fs::path &dataDir, QJsonObject *sync)
{
    const fs::path file = storeFileOf(dataDir);
    QJsonObject out{{"database", q(file.string())},
                    {"data_dir_mode", modeOf(dataDir)},
                    {"database_mode", modeOf(file)},
                    {"keys_dir_mode", modeOf(dataDir / "keys")}};
    QJsonObject keyFiles; // names and modes only
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(dataDir / "keys", ec))
        keyFiles.insert(q(e.path().filename().string()), modeOf(e.path()));
    out.insert("key_files", keyFiles);
    QJsonArray quarantined;
    for (const auto &e : fs::directory_iterator(dataDir / "quarantine", ec))
        quarantined.append(q(e.path().filename().string()));
    out.insert("quarantined_files", quarantined);
    if (!fs::exists(file, ec)) {
        out.insert("error", "no store yet (simkyc-cli db init)");
        return out;
    }
    auto db = store::Database::open(file, store::OpenOptions{false, true});
    if (!db) {
        out.insert("error", q(db.error().toString()));
        return out;
    }
    if (auto integrity = db->queryText("PRAGMA integrity_check"))
        out.insert("integrity", q(*integrity));
    else
        out.insert("integrity", q(integrity.error().toString()));
    out.insert("schema_version", countOrError(*db, "PRAGMA user_version"));
    if (auto chain = store::verifyAuditChain(*db))
        out.insert("audit_chain", QJsonObject{{"ok", chain->ok},
                                              {"entries", static_cast<qint64>(chain->entries)},
                                              {"first_bad_id", static_cast<qint64>(chain->firstBadId)},
                                              {"problem", q(chain->problem)}});
    else
        out.insert("audit_chain", q(chain.error().toString()));
    out.insert("registrations", countOrError(*db, "SELECT COUNT(*) FROM registrations"));
    out.insert("pii_purged", countOrError(*db, "SELECT COUNT(*) FROM registrations WHERE pii_purged_at IS NOT NULL"));
    out.insert("biometrics_rows", countOrError(*db, "SELECT COUNT(*) FROM biometrics"));
    out.insert("staff", countOrError(*db, "SELECT COUNT(*) FROM staff"));
    QJsonObject settings; // plain settings only; wrapped keys and anything secret-looking are left out
    for (std::string_view key : {store::kReviewExtraDaysSetting, store::kPiiDaysSetting,
                                 store::kRetentionLastRunSetting, store::kMinFreeMibSetting}) {
        auto value = store::readSetting(*db, key);
        settings.insert(q(std::string(key)), value ? optionalText(*value) : QJsonValue(q(value.error().toString())));
    }
    out.insert("settings", settings);

    store::OutboxRepository outbox(*db);
    if (auto c = outbox.counts()) {
        sync->insert("pending", static_cast<qint64>(c->pending));
        sync->insert("retrying", static_cast<qint64>(c->retrying));
        sync->insert("acknowledged", static_cast<qint64>(c->acknowledged));
        sync->insert("quota_exceeded", static_cast<qint64>(c->quotaExceeded));
        sync->insert("parked", static_cast<qint64>(c->parked));
        sync->insert("oldest_pending", optionalText(c->oldestPending));
        sync->insert("last_success", optionalText(c->lastSuccess));
        sync->insert("next_attempt", optionalText(c->nextAttempt));
    } else {
        sync->insert("error", q(c.error().toString()));
    }
    if (auto parked = outbox.parked(20)) {
        QJsonArray list; // record ids are random, reasons are codes
        for (const store::ParkedItem &p : *parked)
            list.append(QJsonObject{{"record_id", q(p.recordId)},
                                    {"created_at", q(p.createdAt)},
                                    {"attempts", static_cast<qint64>(p.attempts)},
                                    {"reason", q(p.reason)}});
        sync->insert("parked_records", list);
    }
    return out;
}

QJsonObject upstreamFiles(const KioskConfig &config)
{
    QJsonObject files; // names and modes, never contents
    for (const char *name : {"ca.crt", "device.crt", "device.key", "enrolment-token", "receipt.pub"})
        files.insert(name, modeOf(fs::path(config.upstreamTlsDir) / name));
    return QJsonObject{{"url", q(config.upstreamUrl)}, {"tls_dir", q(config.upstreamTlsDir)}, {"tls_files", files}};
}

QJsonObject diskSpace(const fs::path &dataDir, const KioskConfig &config)
{
    QJsonObject out{{"folder", q(dataDir.string())}, {"min_free_mib", config.minFreeMib}};
    if (auto bytes = store::availableBytes(dataDir))
        out.insert("available_mib", static_cast<qint64>(*bytes / (1024 * 1024)));
    else
        out.insert("error", q(bytes.error().toString()));
    return out;
}

QString toText(const QJsonObject &report)
{
    QString text = QStringLiteral("SimKYC diagnostic report\n(no customer data: counts, states, versions, "
                                  "hashes and file modes only)\n");
    for (auto it = report.begin(); it != report.end(); ++it) {
        text += "\n== " + it.key() + " ==\n";
        const QJsonValue &v = it.value();
        text += v.isObject() || v.isArray()
                    ? QString::fromUtf8(v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented)
                                                     : QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented))
                    : v.toVariant().toString() + "\n";
    }
    return text;
}

int runDiagnose(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("out"))
        return fail(options, "invalid_argument", "usage: simkyc-cli diagnose --out FILE [--config FILE]");
    KioskConfig config;
    QJsonObject report;
    report.insert("generated_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    report.insert("versions", versions());
    report.insert("configuration", configuration(parser.value("config"), &config));
    const fs::path dataDir = dataDirOf(config, options.dataDir);
    report.insert("models", models(options.modelsDir));
    report.insert("passive_cue", passiveCue(options.modelsDir, config));
    report.insert("cameras", cameras());
    QJsonObject sync = upstreamFiles(config);
    report.insert("store", storeHealth(dataDir, &sync));
    report.insert("sync", sync);
    report.insert("disk", diskSpace(dataDir, config));

    const QByteArray bytes = parser.isSet("json") || options.json
                                 ? QJsonDocument(report).toJson(QJsonDocument::Indented)
                                 : toText(report).toUtf8();
    QSaveFile out(parser.value("out"));
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return fail(options, "io_error", "cannot write " + parser.value("out"));
    if (options.json)
        printJson(QJsonObject{{"out", parser.value("out")}, {"bytes", static_cast<qint64>(bytes.size())}});
    else
        printText(
            QStringLiteral("diagnostic report written to %1 (%2 bytes)\n").arg(parser.value("out")).arg(bytes.size()));
    return kExitOk;
}

} // namespace

Command diagnoseCommand()
{
    Command c;
    c.name = "diagnose";
    c.summary = "Write one report for support (--out FILE): versions, configuration (secrets redacted), model "
                "hashes, cameras, store and sync health, disk space. No customer data; no passphrase needed.";
    c.declare = [](QCommandLineParser &parser) {
        parser.addOption({"out", "The report file to write (text; JSON with --json).", "FILE"});
        parser.addOption(
            {"config", "The configuration file (default: $SIMKYC_CONFIG, else /etc/simkyc/simkyc.conf).", "FILE"});
    };
    c.run = runDiagnose;
    return c;
}

} // namespace simkyc::app::cli

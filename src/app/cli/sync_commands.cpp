// simkyc-cli sync status | run | export | import-receipts (docs/upstream-api.md).
#include "app/cli/command_list.h"
#include "app/kiosk_config.h"
#include "app/store_session.h"
#include "core/id_number.h"
#include "protocol/protocol.h"
#include "store/atomic_file.h"
#include "store/database.h"
#include "store/outbox_repository.h"
#include "store/retention.h"
#include "store/review_repository.h"
#include "sync/quota_checker.h"
#include "sync/sync_settings.h"
#include "sync/sync_worker.h"
#include "sync/upstream_client.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>

namespace simkyc::app::cli {
namespace {

QJsonValue optionalText(const std::optional<std::string> &v)
{
    return v ? QJsonValue(QString::fromStdString(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonObject countsJson(const store::SyncCounts &c)
{
    return QJsonObject{{"pending", static_cast<qint64>(c.pending)},
                       {"retrying", static_cast<qint64>(c.retrying)},
                       {"acknowledged", static_cast<qint64>(c.acknowledged)},
                       {"quota_exceeded", static_cast<qint64>(c.quotaExceeded)},
                       {"parked", static_cast<qint64>(c.parked)},
                       {"oldest_pending", optionalText(c.oldestPending)},
                       {"last_success", optionalText(c.lastSuccess)},
                       {"next_attempt", optionalText(c.nextAttempt)}};
}

int runStatus(const QCommandLineParser &parser, const CommonOptions &options)
{
    auto session = openSession(options.dataDir.toStdString(), passphraseFileOption(parser), true);
    if (!session)
        return fail(options, session.error());
    store::OutboxRepository outbox(session->db);
    auto counts = outbox.counts();
    auto parked = outbox.parked();
    auto enrolment = sync::loadEnrolment(session->db, session->keys);
    auto storeId = sync::storeIdOf(session->db);
    if (!counts || !parked || !enrolment || !storeId)
        return fail(options, !counts      ? counts.error()
                             : !parked    ? parked.error()
                             : !enrolment ? enrolment.error()
                                          : storeId.error());
    QJsonArray parkedJson;
    for (const store::ParkedItem &p : *parked)
        parkedJson.append(QJsonObject{{"record_id", QString::fromStdString(p.recordId)},
                                      {"created_at", QString::fromStdString(p.createdAt)},
                                      {"attempts", static_cast<qint64>(p.attempts)},
                                      {"reason", QString::fromStdString(p.reason)}});
    auto reviews = store::ReviewRepository(session->db).uploadCounts();
    if (!reviews)
        return fail(options, reviews.error());
    QJsonObject out = countsJson(*counts);
    out["parked_records"] = parkedJson;
    out["reviews"] = QJsonObject{{"pending", static_cast<qint64>(reviews->pending)},
                                 {"acknowledged", static_cast<qint64>(reviews->acknowledged)},
                                 {"parked", static_cast<qint64>(reviews->parked)}};
    out["device_id"] = QString::fromStdString(protocol::deviceIdOf(session->keys.publicKeys.device));
    out["store_id"] = QString::fromStdString(*storeId);
    out["upstream"] = *enrolment ? QJsonValue(QString::fromStdString((*enrolment)->url)) : QJsonValue();
    out["enrolled_at"] = *enrolment ? QJsonValue(QString::fromStdString((*enrolment)->enrolledAt)) : QJsonValue();
    if (options.json) {
        printJson(out);
    } else {
        printText(QStringLiteral("pending %1 (retrying %2), acknowledged %3, quota exceeded %4, parked %5\n")
                      .arg(counts->pending)
                      .arg(counts->retrying)
                      .arg(counts->acknowledged)
                      .arg(counts->quotaExceeded)
                      .arg(counts->parked));
        printText(QStringLiteral("manager's reviews: pending %1, acknowledged %2, parked %3\n")
                      .arg(reviews->pending)
                      .arg(reviews->acknowledged)
                      .arg(reviews->parked));
        printText(QStringLiteral("oldest pending: %1; last success: %2\n")
                      .arg(out["oldest_pending"].toString("-"), out["last_success"].toString("-")));
        for (const store::ParkedItem &p : *parked)
            printText(QStringLiteral("parked %1: %2\n")
                          .arg(QString::fromStdString(p.recordId), QString::fromStdString(p.reason)));
    }
    return kExitOk;
}

// Where the carrier is and how to reach it: --upstream and --tls, else upstream.url and
// upstream.tls_dir of the kiosk configuration when there is one.
struct UpstreamSetup {
    QUrl url;
    sync::TlsOptions tls;
    QSslConfiguration tlsConfig;
    std::string enrolmentToken;
};

Result<UpstreamSetup> upstreamSetup(const QCommandLineParser &parser, const char *action)
{
    QString upstream = parser.value("upstream"), tlsDir = parser.value("tls");
    if (const auto file = configFileFor({});
        (upstream.isEmpty() || tlsDir.isEmpty()) && std::filesystem::exists(file)) {
        auto config = loadKioskConfig(file);
        if (!config)
            return config.error();
        upstream = upstream.isEmpty() ? QString::fromStdString(config->upstreamUrl) : upstream;
        tlsDir = tlsDir.isEmpty() ? QString::fromStdString(config->upstreamTlsDir) : tlsDir;
    }
    if (upstream.isEmpty() || tlsDir.isEmpty())
        return Error{ErrorCode::InvalidArgument,
                     std::string("sync ") + action + " needs --upstream https://HOST:PORT and --tls DIR"};
    UpstreamSetup out;
    out.url = QUrl(upstream);
    if (!out.url.isValid() || out.url.scheme() != QLatin1String("https"))
        return Error{ErrorCode::InvalidArgument, "--upstream must be an https:// URL"};
    out.tls = sync::TlsOptions{
        tlsDir.toStdString(), parser.isSet("tls12"),
        parser.isSet("pin-sha256") ? std::optional(parser.value("pin-sha256").toLower().toStdString()) : std::nullopt};
    auto tlsConfig = sync::clientTlsConfiguration(out.tls);
    if (!tlsConfig)
        return tlsConfig.error();
    out.tlsConfig = *tlsConfig;
    auto token = sync::enrolmentTokenIn(out.tls.dir);
    if (!token)
        return token.error();
    out.enrolmentToken = *token;
    return out;
}

int runSync(const QCommandLineParser &parser, const CommonOptions &options)
{
    auto setup = upstreamSetup(parser, "run");
    if (!setup)
        return fail(options, setup.error());
    bool ok = true;
    sync::SyncOptions o;
    o.batchSize = intOption(parser, "batch", 100, 1, 1000, ok);
    o.parallel = intOption(parser, "parallel", 2, 1, 8, ok);
    o.backoff.base = std::chrono::milliseconds(intOption(parser, "backoff-base-ms", 1000, 1, 3600000, ok));
    o.backoff.cap = std::chrono::milliseconds(intOption(parser, "backoff-cap-ms", 300000, 1, 86400000, ok));
    o.deadline = std::chrono::seconds(intOption(parser, "deadline-s", 600, 1, 86400 * 7, ok));
    const int timeoutMs = intOption(parser, "timeout-ms", 30000, 100, 600000, ok);
    o.untilEmpty = parser.isSet("until-empty");
    if (!ok || (o.untilEmpty && parser.isSet("once")))
        return fail(options, "invalid_argument", "a numeric option is out of range, or both --once and --until-empty");
    o.enrolmentToken = setup->enrolmentToken;

    auto session = openSession(options.dataDir.toStdString(), passphraseFileOption(parser), true);
    if (!session)
        return fail(options, session.error());
    sync::UpstreamClient client(setup->url, setup->tlsConfig, setup->tls.pinSha256,
                                std::chrono::milliseconds(timeoutMs));
    const sync::SyncReport report = sync::runSyncToEnd(session->db, session->keys, client, o);
    // Acknowledged records are what retention waits for: its daily run, when due, follows the sync.
    auto retention = store::runRetentionIfDue(session->db);
    if (!retention)
        return fail(options, retention.error());
    auto counts = store::OutboxRepository(session->db).counts();
    if (!counts)
        return fail(options, counts.error());
    // --until-empty: done when nothing is pending; one pass: done when everything sent was acknowledged.
    // A record or review parked in this run needs the manager: never "done".
    const bool done = !report.stopped && report.parked == 0 && report.reviewsParked == 0 &&
                      (o.untilEmpty ? counts->pending == 0 : report.retried == 0);
    QJsonObject out = countsJson(*counts);
    out["ok"] = done;
    out["submitted"] = report.submitted;
    out["acknowledged_now"] = report.acknowledged;
    out["quota_exceeded_now"] = report.quotaExceeded;
    out["parked_now"] = report.parked;
    out["retried"] = report.retried;
    out["replays"] = report.replays;
    out["reviews_acknowledged_now"] = report.reviewsAcknowledged;
    out["findings_recorded_now"] = report.findingsRecorded;
    out["reviews_parked_now"] = report.reviewsParked;
    out["batches"] = report.batches;
    out["seconds"] = report.seconds;
    out["records_per_second"] = report.seconds > 0 ? double(report.acknowledged) / report.seconds : 0.0;
    out["retention"] =
        *retention
            ? QJsonValue(QJsonObject{{"biometrics_deleted", static_cast<qint64>((*retention)->biometricsDeleted)},
                                     {"pii_purged", static_cast<qint64>((*retention)->piiPurged)}})
            : QJsonValue();
    out["stop_reason"] = report.stopped ? QJsonValue(QString::fromStdString(report.stopReason)) : QJsonValue();
    if (options.json)
        printJson(out);
    else
        printText(QStringLiteral("acknowledged %1 in %2 s (%3 batches, %4 retried, %5 parked); pending %6%7\n")
                      .arg(report.acknowledged)
                      .arg(report.seconds, 0, 'f', 2)
                      .arg(report.batches)
                      .arg(report.retried)
                      .arg(report.parked)
                      .arg(counts->pending)
                      .arg(report.stopped ? "; stopped: " + QString::fromStdString(report.stopReason) : QString()));
    if (report.stopped && !options.json)
        return fail(options, "sync_stopped", QString::fromStdString(report.stopReason), kExitNegative);
    return done ? kExitOk : kExitNegative;
}

// sync quota-check: the carrier's count of the ID number's places (its quota index only is sent).
int runQuotaCheck(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("id-number-file"))
        return fail(options, "invalid_argument",
                    "give --id-number-file FILE (- for standard input): an ID number never goes on the command line");
    QFile in;
    const QString from = parser.value("id-number-file");
    const bool opened = from == QLatin1String("-") ? in.open(stdin, QIODevice::ReadOnly)
                                                   : (in.setFileName(from), in.open(QIODevice::ReadOnly));
    if (!opened)
        return fail(options, "io_error", from + ": " + in.errorString());
    const std::string idNumber = QString::fromUtf8(in.readLine(256)).trimmed().toStdString();
    if (core::normaliseIdNumber(idNumber).empty())
        return fail(options, "invalid_argument", "the ID number file is empty");
    auto setup = upstreamSetup(parser, "quota-check");
    if (!setup)
        return fail(options, setup.error());
    bool ok = true;
    const int timeoutMs = intOption(parser, "timeout-ms", 5000, 100, 600000, ok);
    if (!ok)
        return fail(options, "invalid_argument", "--timeout-ms must be 100..600000");
    auto session = openSession(options.dataDir.toStdString(), passphraseFileOption(parser), true);
    if (!session)
        return fail(options, session.error());
    sync::UpstreamClient client(setup->url, setup->tlsConfig, setup->tls.pinSha256,
                                std::chrono::milliseconds(timeoutMs));
    QEventLoop loop;
    sync::QuotaCheckResult result;
    bool answered = false;
    sync::checkQuotaOnline(session->db, session->keys, client, idNumber, [&](const sync::QuotaCheckResult &r) {
        result = r;
        answered = true;
        loop.quit();
    });
    if (!answered) // local problems answer at once; the carrier's answer comes on the event loop
        loop.exec();
    const QJsonObject out{{"verdict", QString::fromUtf8(sync::quotaVerdictName(result.verdict).data())},
                          {"active_count", static_cast<qint64>(result.activeCount)},
                          {"limit", static_cast<qint64>(result.limit)},
                          {"why", result.why.empty() ? QJsonValue() : QJsonValue(QString::fromStdString(result.why))}};
    if (options.json)
        printJson(out);
    else if (result.verdict == sync::QuotaVerdict::Unconfirmed)
        printText(QStringLiteral("not confirmed by the carrier: %1\n").arg(QString::fromStdString(result.why)));
    else
        printText(QStringLiteral("%1: %2 of %3 places taken\n")
                      .arg(out["verdict"].toString())
                      .arg(result.activeCount)
                      .arg(result.limit));
    if (result.verdict == sync::QuotaVerdict::Allowed)
        return kExitOk;
    return result.verdict == sync::QuotaVerdict::Refused ? kExitNegative : kExitError;
}

} // namespace

int runSyncExport(const QCommandLineParser &parser, const CommonOptions &options);
int runSyncImportReceipts(const QCommandLineParser &parser, const CommonOptions &options);

Command syncCommand()
{
    Command c;
    c.name = "sync";
    c.summary = "Upstream sync: status (counts per state, oldest pending, parked with reasons), run (send the outbox "
                "over mutual TLS; --once or --until-empty), export --to DIR (signed files for removable media), "
                "import-receipts DIR, quota-check (the carrier's count of an ID number's places).";
    c.declare = [](QCommandLineParser &parser) {
        parser.addPositionalArgument("action", "status | run | export | import-receipts | quota-check");
        parser.addOption({"passphrase-file", "The manager's passphrase (or set SIMKYC_PASSPHRASE).", "FILE"});
        parser.addOption({"upstream", "run: the carrier endpoint, https://HOST:PORT.", "URL"});
        parser.addOption({"tls", "run: the TLS folder (ca.crt, device.crt, device.key, enrolment-token).", "DIR"});
        parser.addOption({"tls12", "run: allow TLS 1.2 (default: TLS 1.3 only)."});
        parser.addOption({"pin-sha256", "run: also pin the server's public key (hex SHA-256 of its DER).", "HEX"});
        parser.addOption({"once", "run: one pass over what is due now (the default)."});
        parser.addOption({"until-empty", "run: until nothing is pending (or --deadline-s passes)."});
        parser.addOption({"batch", "run: records per batch (default 100).", "N"});
        parser.addOption({"parallel", "run: batches in flight (default 2).", "N"});
        parser.addOption({"timeout-ms", "run: timeout per request (default 30000).", "MS"});
        parser.addOption({"deadline-s", "run: give up after this long (default 600).", "S"});
        parser.addOption({"backoff-base-ms", "run: first retry delay (default 1000).", "MS"});
        parser.addOption({"backoff-cap-ms", "run: longest retry delay (default 300000).", "MS"});
        parser.addOption({"to", "export: the folder on the removable medium.", "DIR"});
        parser.addOption(
            {"id-number-file", "quota-check: a file holding the ID number (- for standard input).", "FILE"});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        const QStringList args = parser.positionalArguments();
        if (args.size() == 1 && args[0] == "status")
            return runStatus(parser, options);
        if (args.size() == 1 && args[0] == "run")
            return runSync(parser, options);
        if (args.size() == 1 && args[0] == "export")
            return runSyncExport(parser, options);
        if (args.size() == 2 && args[0] == "import-receipts")
            return runSyncImportReceipts(parser, options);
        if (args.size() == 1 && args[0] == "quota-check")
            return runQuotaCheck(parser, options);
        return fail(options, "invalid_argument",
                    "usage: simkyc-cli sync status|run|export|import-receipts DIR|quota-check");
    };
    return c;
}

} // namespace simkyc::app::cli

// simkyc-cli demo: the headless registration demo.
#include "app/cli/command_list.h"
#include "app/demo_registration.h"
#include "app/store_session.h"
#include "store/outbox_repository.h"
#include "sync/sync_worker.h"
#include "sync/upstream_client.h"

namespace simkyc::app::cli {

namespace {

// The demo's records sent upstream, then each one's sync state (what the carrier's receipt said).
int syncDemo(const CommonOptions &options, const QUrl &upstream, const std::filesystem::path &tls)
{
    auto tlsConfig = sync::clientTlsConfiguration({tls, false, std::nullopt});
    auto token = sync::enrolmentTokenIn(tls);
    if (!tlsConfig || !token)
        return fail(options, !tlsConfig ? tlsConfig.error() : token.error());
    auto session = openSession(options.dataDir.toStdString(), std::nullopt, true);
    if (!session)
        return fail(options, session.error());
    sync::SyncOptions o;
    o.untilEmpty = true;
    o.deadline = std::chrono::seconds(60);
    o.enrolmentToken = *token;
    sync::UpstreamClient client(upstream, *tlsConfig, std::nullopt, std::chrono::seconds(30));
    const sync::SyncReport report = sync::runSyncToEnd(session->db, session->keys, client, o);
    auto counts = store::OutboxRepository(session->db).counts();
    if (!counts)
        return fail(options, counts.error());
    const QJsonObject line{
        {"step", "synced"},
        {"upstream", upstream.toString()},
        {"acknowledged", static_cast<qint64>(report.acknowledged)},
        {"quota_exceeded", static_cast<qint64>(report.quotaExceeded)},
        {"parked", static_cast<qint64>(report.parked)},
        {"pending", static_cast<qint64>(counts->pending)},
        {"seconds", report.seconds},
        {"stop_reason", report.stopped ? QJsonValue(QString::fromStdString(report.stopReason)) : QJsonValue()}};
    if (options.json)
        printJson(line);
    else
        printText(QStringLiteral("synced to %1: %2 acknowledged by the carrier (receipts verified), %3 pending%4\n")
                      .arg(upstream.toString())
                      .arg(report.acknowledged)
                      .arg(counts->pending)
                      .arg(report.stopped ? "; stopped: " + QString::fromStdString(report.stopReason) : QString()));
    return !report.stopped && counts->pending == 0 && report.parked == 0 ? kExitOk : kExitNegative;
}

} // namespace

Command demoCommand()
{
    Command c;
    c.name = "demo";
    c.summary = "Run demo registrations end to end without a window (store in --data-dir).";
    c.declare = [](QCommandLineParser &p) {
        p.addOption({"records", "How many registrations (default 1).", "N"});
        p.addOption(
            {"sample-video", "The face video playing the camera (default: the labelled data's d13.mp4).", "VIDEO"});
        p.addOption({"manual-check", "Every record takes the non-face path (a manual identity check by the "
                                     "manager): no camera, no face data."});
        p.addOption({"kdf-cost-log2", "Tests only: scrypt cost of the demo clerk's password (10-22).", "N"});
        p.addOption({"upstream",
                     "Then send the records to this carrier endpoint (https://HOST:PORT) and print "
                     "the synced result.",
                     "URL"});
        p.addOption({"tls", "With --upstream: the TLS folder (scripts/test-pki DIR makes one).", "DIR"});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        DemoOptions demo;
        demo.dataDir = options.dataDir.toStdString();
        bool ok = true;
        demo.records = parser.isSet("records") ? parser.value("records").toInt(&ok) : 1;
        if (!ok)
            return fail(options, "invalid_argument", "--records takes a number");
        demo.manualCheck = parser.isSet("manual-check");
        if (parser.isSet("sample-video"))
            demo.sampleVideo = std::filesystem::path(parser.value("sample-video").toStdString());
        if (parser.isSet("kdf-cost-log2"))
            demo.kdfCostLog2 = parser.value("kdf-cost-log2").toUInt();
        const bool json = options.json;
        auto status = runDemo(ModelCatalog::builtIn(options.modelsDir), demo, [json](const QJsonObject &line) {
            if (json) {
                if (line["step"].toString() == "registration")
                    printJson(line);
                return;
            }
            if (line["step"].toString() == "ready") {
                printText(QStringLiteral("demo store: %1 (clerk %2); path: %3\n")
                              .arg(line["data_dir"].toString(), line["clerk"].toString(), line["path"].toString()));
                if (line["path"].toString() == "manual_check")
                    printText("no sample face video found (give --sample-video FILE, or put the labelled data at "
                              "../shared/data): registrations take the manual-check path\n");
                return;
            }
            printText(QStringLiteral("registration %1: %2 %3 -> %4 (%5), sync %6\n")
                          .arg(line["record_id"].toString(), line["name"].toString(), line["id_number"].toString(),
                               line["status"].toString(), line["outcome"].toString(), line["sync_state"].toString()));
        });
        if (!status.ok())
            return fail(options, QString::fromUtf8(errorCodeName(status.error().code).data()),
                        QString::fromStdString(status.error().message));
        if (!parser.isSet("upstream"))
            return kExitOk;
        return syncDemo(options, QUrl(parser.value("upstream")), parser.value("tls").toStdString());
    };
    return c;
}

} // namespace simkyc::app::cli

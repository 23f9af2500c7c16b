// simkyc-cli soak: the kiosk's day compressed. Registrations end to end (the demo's: the face path
// on a recorded video when one is there), the outbox sent every few registrations to a real
// simkyc-upstream that this command takes down and brings back over and over, while resident
// memory, open descriptors and threads are sampled after every registration. At the end the
// upstream stays up until nothing is pending, and the command checks that every record arrived,
// that memory did not grow after warm-up and that descriptors and threads returned to baseline.
#include "app/cli/command_list.h"
#include "app/demo_registration.h"
#include "app/resource_sampler.h"
#include "app/store_session.h"
#include "store/outbox_repository.h"
#include "sync/sync_worker.h"
#include "sync/upstream_client.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

#include <climits>

namespace simkyc::app::cli {
namespace {

// The carrier endpoint as a child process on a fixed loopback port (the first start picks it).
class UpstreamProcess {
public:
    UpstreamProcess(QString program, QString db, QString tls)
        : m_program(std::move(program)), m_db(std::move(db)), m_tls(std::move(tls))
    {
    }
    ~UpstreamProcess() { stop(); }

    bool start()
    {
        m_process.setStandardErrorFile(QProcess::nullDevice());
        m_process.start(m_program, {"serve", "--listen", QStringLiteral("127.0.0.1:%1").arg(m_port), "--db",
                                    "sqlite:" + m_db, "--tls", m_tls, "--quiet"});
        QByteArray out;
        while (m_process.waitForReadyRead(30000)) {
            out += m_process.readAllStandardOutput();
            if (out.contains("listening on") && out.endsWith('\n')) {
                m_port = static_cast<quint16>(out.mid(out.lastIndexOf(':') + 1).trimmed().toUInt());
                return true;
            }
        }
        return false;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill(); // no goodbye: a crash or a pulled cable, as the kiosk sees it
        m_process.waitForFinished(10000);
    }
    [[nodiscard]] bool running() const { return m_process.state() == QProcess::Running; }
    [[nodiscard]] QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port)); }
    [[nodiscard]] const QString &db() const { return m_db; }

private:
    QString m_program, m_db, m_tls;
    quint16 m_port = 0;
    QProcess m_process;
};

struct SoakSettings {
    int records = 100;
    std::optional<std::chrono::minutes> duration;
    int syncEvery = 5;
    int flapEvery = 20;
    // 40 KB a registration: one leaked 640x480 frame (900 KB) a registration is 22 times more; the
    // least-squares slope of 50 samples carries a few hundred KB of allocator noise.
    double maxSlopeKbPer100 = 4096;
    double maxPeakMb = 400;
};

int runSoak(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("tls"))
        return fail(options, "invalid_argument", "soak needs --tls DIR (scripts/test-pki DIR makes one)");
    SoakSettings s;
    bool ok = true;
    const auto number = [&](const char *name, int fallback, int low, int high) {
        return intOption(parser, name, fallback, low, high, ok);
    };
    s.records = number("records", s.records, 1, 1000000);
    if (parser.isSet("minutes"))
        s.duration = std::chrono::minutes(number("minutes", 60, 1, 7 * 24 * 60));
    s.syncEvery = number("sync-every", s.syncEvery, 1, 10000);
    s.flapEvery = number("flap-every", s.flapEvery, 1, 10000);
    if (!ok)
        return fail(options, "invalid_argument", "a numeric option is out of range");
    const std::filesystem::path dataDir = options.dataDir.toStdString();
    const std::filesystem::path tls = parser.value("tls").toStdString();
    auto tlsConfig = sync::clientTlsConfiguration({tls, false, std::nullopt});
    auto token = sync::enrolmentTokenIn(tls);
    if (!tlsConfig || !token)
        return fail(options, !tlsConfig ? tlsConfig.error() : token.error());
    const QString upstreamDb = QString::fromStdString(dataDir.string() + "-soak-upstream.db");
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(upstreamDb + suffix);
    UpstreamProcess upstream(parser.isSet("upstream-bin") ? parser.value("upstream-bin")
                                                          : QCoreApplication::applicationDirPath() + "/simkyc-upstream",
                             upstreamDb, QString::fromStdString(tls.string()));
    if (!upstream.start())
        return fail(options, "upstream_failed", "simkyc-upstream did not start (give --upstream-bin PATH)");

    DemoOptions demo;
    demo.dataDir = dataDir;
    demo.records = s.duration ? INT_MAX : s.records;
    demo.manualCheck = parser.isSet("manual-check");
    if (parser.isSet("sample-video"))
        demo.sampleVideo = std::filesystem::path(parser.value("sample-video").toStdString());
    if (parser.isSet("kdf-cost-log2"))
        demo.kdfCostLog2 = parser.value("kdf-cost-log2").toUInt();
    const auto started = std::chrono::steady_clock::now();
    if (s.duration)
        demo.keepGoing = [&] { return std::chrono::steady_clock::now() - started < *s.duration; };

    sync::SyncOptions once;
    once.enrolmentToken = *token;
    once.backoff = {std::chrono::milliseconds(200), std::chrono::milliseconds(5000), 2.0, 0.5};
    std::optional<StoreSession> session; // the sync's own connection, opened after the demo made the store
    long long registrations = 0, flaps = 0, syncs = 0;
    std::string path;
    std::vector<double> xs, rss;
    ResourceSample warm{}, peak{};
    const long long warmUp = std::max<long long>(10, s.records / 10);
    Status failed;
    auto status = runDemo(ModelCatalog::builtIn(options.modelsDir), demo, [&](const QJsonObject &line) {
        if (line["step"].toString() == "ready")
            path = line["path"].toString().toStdString();
        if (line["step"].toString() != "registration" || !failed)
            return;
        ++registrations;
        if (registrations % s.flapEvery == 0) {
            ++flaps;
            upstream.running() ? upstream.stop() : void(upstream.start());
        }
        if (registrations % s.syncEvery == 0) {
            if (!session) {
                auto opened = openSession(dataDir, std::nullopt, true);
                if (!opened)
                    return void(failed = opened.error());
                session.emplace(std::move(opened).value());
            }
            sync::UpstreamClient client(upstream.url(), *tlsConfig, std::nullopt, std::chrono::seconds(5));
            (void)sync::runSyncToEnd(session->db, session->keys, client, once); // down: the records wait
            ++syncs;
        }
        const ResourceSample now = sampleResources();
        peak.peakRssKb = std::max(peak.peakRssKb, now.peakRssKb);
        if (registrations == warmUp)
            warm = now;
        if (registrations >= warmUp) {
            xs.push_back(static_cast<double>(registrations));
            rss.push_back(static_cast<double>(now.rssKb));
        }
    });
    if (!status)
        return fail(options, status.error());
    if (!failed)
        return fail(options, failed.error());
    if (!session) {
        auto opened = openSession(dataDir, std::nullopt, true);
        if (!opened)
            return fail(options, opened.error());
        session.emplace(std::move(opened).value());
    }
    if (!upstream.running() && !upstream.start())
        return fail(options, "upstream_failed", "simkyc-upstream did not restart");
    sync::SyncOptions drain = once;
    drain.untilEmpty = true;
    drain.deadline = std::chrono::minutes(5);
    drain.backoff = {std::chrono::milliseconds(50), std::chrono::milliseconds(1000), 2.0, 0.5};
    sync::UpstreamClient client(upstream.url(), *tlsConfig, std::nullopt, std::chrono::seconds(30));
    const sync::SyncReport drained = sync::runSyncToEnd(session->db, session->keys, client, drain);
    const ResourceSample end = sampleResources();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    auto counts = store::OutboxRepository(session->db).counts();
    auto stored = session->db.queryInt64("SELECT COUNT(*) FROM registrations");
    if (!counts || !stored)
        return fail(options, !counts ? counts.error() : stored.error());
    QProcess count;
    count.start(QCoreApplication::applicationDirPath() + "/simkyc-upstream",
                {"count", "--db", "sqlite:" + upstream.db(), "--json"});
    count.waitForFinished(60000);
    const int upstreamRecords = QJsonDocument::fromJson(count.readAllStandardOutput()).object()["records"].toInt(-1);

    const double slope = leastSquaresSlope(xs, rss) * 100.0; // KB per 100 registrations
    const bool leaksOk = end.openFds <= warm.openFds + 2 && end.threads <= warm.threads + 2;
    const bool pass = counts->pending == 0 && upstreamRecords == *stored && slope <= s.maxSlopeKbPer100 &&
                      peak.peakRssKb <= static_cast<std::int64_t>(s.maxPeakMb * 1024) && leaksOk;
    const QJsonObject report{
        {"ok", pass},
        {"path", QString::fromStdString(path)},
        {"registrations", registrations},
        {"seconds", seconds},
        {"registrations_per_hour", seconds > 0 ? static_cast<double>(registrations) * 3600.0 / seconds : 0.0},
        {"upstream_flaps", flaps},
        {"syncs", syncs},
        {"kiosk_records", static_cast<qint64>(*stored)},
        {"upstream_records", upstreamRecords},
        {"pending", static_cast<qint64>(counts->pending)},
        {"drain_seconds", drained.seconds},
        {"rss_warm_mb", static_cast<double>(warm.rssKb) / 1024.0},
        {"rss_end_mb", static_cast<double>(end.rssKb) / 1024.0},
        {"rss_peak_mb", static_cast<double>(peak.peakRssKb) / 1024.0},
        {"rss_slope_kb_per_100_registrations", slope},
        {"fds_warm", warm.openFds},
        {"fds_end", end.openFds},
        {"threads_warm", warm.threads},
        {"threads_end", end.threads}};
    if (options.json)
        printJson(report);
    else
        printText(QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Indented)));
    return pass ? kExitOk : kExitNegative;
}

} // namespace

Command soakCommand()
{
    Command c;
    c.name = "soak";
    c.summary = "A kiosk day compressed: demo registrations end to end with the upstream taken down and brought "
                "back, memory, descriptors and threads sampled; exit 0 when every record arrived and nothing grew.";
    c.declare = [](QCommandLineParser &p) {
        p.addOption({"tls", "The TLS folder for the local simkyc-upstream (scripts/test-pki DIR).", "DIR"});
        p.addOption({"records", "Registrations (default 100).", "N"});
        p.addOption({"minutes", "Run this long instead of a number of registrations (the long soak).", "M"});
        p.addOption({"sync-every", "Send the outbox after every N registrations (default 5).", "N"});
        p.addOption({"flap-every", "Take the upstream down / bring it back every N registrations (default 20).", "N"});
        p.addOption({"upstream-bin", "simkyc-upstream (default: beside simkyc-cli).", "PATH"});
        p.addOption({"manual-check", "The non-face path for every record (no video)."});
        p.addOption({"sample-video", "The face video playing the camera.", "VIDEO"});
        p.addOption({"kdf-cost-log2", "Tests only: scrypt cost of the demo clerk's password (10-22).", "N"});
    };
    c.run = runSoak;
    return c;
}

} // namespace simkyc::app::cli

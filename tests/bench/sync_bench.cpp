// Upstream sync throughput (the sync issue's targets: >= 1,000 records/s from one kiosk store to one
// server on SQLite with batching over mutual TLS on loopback; 10,000 pending records caught up in
// under a minute). Each iteration: a copy of an enrolled kiosk store with N pending records (made
// once with `simkyc-cli demo --manual-check`), a fresh `simkyc-upstream serve` (SQLite, real TLS
// from scripts/test-pki), and the real SyncWorker in this process until the outbox is empty.
// Batch size 1 is the baseline (one request per record) the batched runs are compared against.
//   build/bin/sync_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include "app/store_session.h"
#include "support/test_env.h"
#include "sync/sync_worker.h"
#include "sync/upstream_client.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QProcess>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace simkyc::sync {
namespace {

namespace fs = std::filesystem;

QString qpath(const fs::path &p)
{
    return QString::fromStdString(p.string());
}

[[noreturn]] void die(const std::string &what)
{
    std::fprintf(stderr, "sync_bench: %s\n", what.c_str());
    std::exit(2);
}

QByteArray run(const fs::path &program, const QStringList &args)
{
    QProcess p;
    p.start(qpath(program), args);
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        die(program.filename().string() + " failed: " + p.readAllStandardError().toStdString());
    return p.readAllStandardOutput();
}

// A `simkyc-upstream serve` on a free port, stopped with the object.
class Server {
public:
    Server(const fs::path &db, const fs::path &tls)
    {
        m_process.setStandardErrorFile(QProcess::nullDevice());
        m_process.start(
            qpath(simkyc::test::binDir() / "simkyc-upstream"),
            {"serve", "--listen", "127.0.0.1:0", "--db", "sqlite:" + qpath(db), "--tls", qpath(tls), "--quiet"});
        QByteArray out;
        while (m_process.waitForReadyRead(30000)) {
            out += m_process.readAllStandardOutput();
            const qsizetype colon = out.lastIndexOf(':');
            if (out.contains("listening on") && out.endsWith('\n')) {
                m_port = static_cast<quint16>(out.mid(colon + 1).trimmed().toUInt());
                return;
            }
        }
        die("simkyc-upstream serve did not start");
    }
    ~Server()
    {
        m_process.terminate();
        m_process.waitForFinished(10000);
    }
    [[nodiscard]] QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port)); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

struct Fixture {
    simkyc::test::TempDir root;
    fs::path pki = root.path() / "pki";
    fs::path pristine = root.path() / "pristine";
    int records = 0;

    explicit Fixture(int n) : records(n)
    {
        run(simkyc::test::sourceDir() / "scripts" / "test-pki", {qpath(pki)});
        const fs::path cli = simkyc::test::binDir() / "simkyc-cli";
        const QStringList demo{"demo", "--data-dir", qpath(pristine), "--manual-check", "--kdf-cost-log2", "10"};
        run(cli, demo + QStringList{"--records", "1"});
        {
            // Enrolled before the records are made, as a kiosk in service is: quota indexes at insert.
            Server server(root.path() / "enrol.db", pki);
            run(cli, {"sync", "run", "--data-dir", qpath(pristine), "--upstream", server.url().toString(), "--tls",
                      qpath(pki), "--until-empty"});
        }
        run(cli, demo + QStringList{"--records", QString::number(records)});
        fs::copy(root.path() / "pristine-demo-carrier", root.path() / "work-demo-carrier", fs::copy_options::recursive);
    }
};

Fixture &fixture()
{
    static Fixture f(2000);
    return f;
}

void BM_CatchUp(benchmark::State &state)
{
    Fixture &f = fixture();
    const int batch = static_cast<int>(state.range(0));
    auto tls = clientTlsConfiguration({f.pki, false, std::nullopt});
    if (!tls)
        die(tls.error().toString());
    long long acknowledged = 0;
    for (auto _ : state) {
        const fs::path work = f.root.path() / "work";
        fs::remove_all(work);
        fs::copy(f.pristine, work, fs::copy_options::recursive);
        fs::remove(f.root.path() / "server.db");
        Server server(f.root.path() / "server.db", f.pki);
        auto session = app::openSession(work, std::nullopt, true);
        if (!session)
            die(session.error().toString());
        UpstreamClient client(server.url(), *tls, std::nullopt, std::chrono::seconds(30));
        SyncOptions options;
        options.batchSize = batch;
        options.untilEmpty = true;
        options.enrolmentToken = enrolmentTokenIn(f.pki).value();
        const auto start = std::chrono::steady_clock::now();
        const SyncReport report = runSyncToEnd(session->db, session->keys, client, options);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (report.stopped || report.acknowledged < f.records)
            die("the catch-up did not finish: " + report.stopReason);
        state.SetIterationTime(seconds);
        acknowledged += report.acknowledged;
    }
    state.counters["records_per_s"] =
        benchmark::Counter(static_cast<double>(acknowledged), benchmark::Counter::kIsRate);
    state.counters["records"] = f.records;
}
BENCHMARK(BM_CatchUp)
    ->Arg(1)
    ->Arg(50)
    ->Arg(200)
    ->ArgName("batch")
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

} // namespace
} // namespace simkyc::sync

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

// The kiosk's outbox against the real carrier endpoint on loopback, over real mutual TLS, through
// the faults the issue lists: server down, killed mid-run, answers lost after commit, slow answers,
// 500s and 429s, a wrong server certificate, bad device certificates, receipts that do not verify,
// conflicts; and a soak of 10,000 records through a faulty network.
#include "sync_rig.h"

#include "core/quota.h"
#include "crypto/signing.h"
#include "protocol/protocol.h"
#include "store/database.h"
#include "store/open_store.h"
#include "store/settings.h"
#include "support/pg_cluster.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

namespace simkyc::sync::test {
namespace {

class SyncE2e : public ::testing::Test {
protected:
    fs::path dir(const char *name) const { return m_tmp.path() / name; }
    std::string db() const { return "sqlite:" + (m_tmp.path() / "upstream.db").string(); }
    fs::path log(const char *name) const { return m_tmp.path() / name; }
    QJsonObject count() const
    {
        const ProgramRun r = upstream({"count", "--db", QString::fromStdString(db()), "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return r.json();
    }
    void expectExactly(int records) const
    {
        const QJsonObject c = count();
        EXPECT_EQ(c.value("records").toInt(), records);
        EXPECT_EQ(c.value("duplicates").toInt(), 0);
        const ProgramRun v = upstream({"verify", "--db", QString::fromStdString(db()), "--json"});
        EXPECT_EQ(v.exitCode, 0) << v.out.toStdString() << v.err.toStdString();
    }

    simkyc::test::TempDir m_tmp;
};

TEST_F(SyncE2e, EveryRecordArrivesOnceAndAResentRecordGetsItsFirstReceipt)
{
    makeRecords(dir("kiosk"), 20);
    fs::copy(dir("kiosk"), dir("twin"), fs::copy_options::recursive); // the same records, never sent
    fs::copy(m_tmp.path() / "kiosk-demo-carrier", m_tmp.path() / "twin-demo-carrier", fs::copy_options::recursive);
    auto server = startServer(db(), 0, log("server.log"));
    ASSERT_TRUE(server->ok());

    const ProgramRun first = kiosk(syncArgs(dir("kiosk"), server->port(), {"--until-empty"}));
    ASSERT_EQ(first.exitCode, 0) << first.out.toStdString() << first.err.toStdString();
    EXPECT_EQ(first.json().value("acknowledged_now").toInt(), 20);
    EXPECT_EQ(first.json().value("pending").toInt(), 0);
    expectExactly(20);

    // A kiosk that lost every answer sends everything again: the same receipts, nothing new upstream.
    const ProgramRun again = kiosk(syncArgs(dir("twin"), server->port(), {"--until-empty"}));
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(again.json().value("replays").toInt(), 20);
    expectExactly(20);

    const ProgramRun status = kiosk({"sync", "status", "--data-dir", qpath(dir("kiosk")), "--json"});
    ASSERT_EQ(status.exitCode, 0);
    EXPECT_EQ(status.json().value("acknowledged").toInt(), 20);
    EXPECT_EQ(status.json().value("pending").toInt(), 0);
    EXPECT_FALSE(status.json().value("last_success").isNull());
    EXPECT_EQ(status.json().value("upstream").toString(), QStringLiteral("https://127.0.0.1:%1").arg(server->port()));
}

// The quota across shops: five kiosks each register the same person once; a sixth kiosk asks the
// carrier before its face check and is refused, although its own store has no record of the person.
// Offline, or before enrolment, the answer is "unconfirmed" (the kiosk then goes by its own count).
TEST_F(SyncE2e, TheCarriersQuotaCheckSeesEveryShopsNumbers)
{
    auto server = startServer(db(), 0, log("server.log"));
    ASSERT_TRUE(server->ok());
    const QString upstreamUrl = QStringLiteral("https://127.0.0.1:%1").arg(server->port());
    QString idNumber;
    for (int shop = 0; shop < 5; ++shop) {
        const fs::path data = m_tmp.path() / ("shop" + std::to_string(shop));
        const ProgramRun made = kiosk(
            {"demo", "--data-dir", qpath(data), "--records", "1", "--manual-check", "--kdf-cost-log2", "10", "--json"});
        ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
        const QJsonObject line = QJsonDocument::fromJson(made.out.split('\n').first()).object();
        ASSERT_FALSE(line.value("id_number").toString().isEmpty()) << made.out.toStdString();
        EXPECT_TRUE(idNumber.isEmpty() || idNumber == line.value("id_number").toString()) << "the same person";
        idNumber = line.value("id_number").toString();
        const ProgramRun sent = kiosk(syncArgs(data, server->port(), {"--until-empty"}));
        ASSERT_EQ(sent.exitCode, 0) << sent.out.toStdString() << sent.err.toStdString();
    }
    const fs::path idFile = m_tmp.path() / "id-number";
    {
        QFile f(qpath(idFile));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(idNumber.toUtf8() + "\n");
    }
    const fs::path sixth = m_tmp.path() / "shop5";
    makeRecords(sixth, 1); // another customer: this shop has never seen the person
    const QStringList check{"sync",        "quota-check", "--data-dir", qpath(sixth), "--id-number-file",
                            qpath(idFile), "--upstream",  upstreamUrl,  "--tls",      qpath(pkiDir()),
                            "--json"};
    const ProgramRun early = kiosk(check);
    EXPECT_EQ(early.exitCode, 2) << early.out.toStdString();
    EXPECT_EQ(early.json().value("verdict").toString(), "unconfirmed");
    EXPECT_EQ(early.json().value("why").toString(), "not_enrolled");
    ASSERT_EQ(kiosk(syncArgs(sixth, server->port(), {"--until-empty"})).exitCode, 0);

    const ProgramRun refused = kiosk(check);
    EXPECT_EQ(refused.exitCode, 1) << refused.out.toStdString() << refused.err.toStdString();
    EXPECT_EQ(refused.json().value("verdict").toString(), "refused");
    EXPECT_EQ(refused.json().value("active_count").toInt(), 5);
    EXPECT_EQ(refused.out.indexOf(idNumber.toUtf8()), -1) << "the number itself is not printed";

    server->stop();
    const ProgramRun offline = kiosk(check);
    EXPECT_EQ(offline.exitCode, 2);
    EXPECT_EQ(offline.json().value("verdict").toString(), "unconfirmed");
    EXPECT_TRUE(offline.json().value("why").toString().startsWith("network")) << offline.out.toStdString();
}

// A deactivation end to end: five numbers of one person in five shops fill the carrier's count; the
// first shop's manager records that number as cancelled; the next sync sends it (POST
// /v1/deactivations) and a sixth shop's quota check finds a place free.
TEST_F(SyncE2e, ANumberCancelledAtTheKioskFreesThePlaceAtTheCarrier)
{
    auto server = startServer(db(), 0, log("server.log"));
    ASSERT_TRUE(server->ok());
    QString idNumber;
    const fs::path shop = dir("shop0");
    for (int i = 0; i < core::kQuotaLimit; ++i) {
        const fs::path data = i == 0 ? shop : m_tmp.path() / ("shop" + std::to_string(i));
        const ProgramRun made = kiosk(
            {"demo", "--data-dir", qpath(data), "--records", "1", "--manual-check", "--kdf-cost-log2", "10", "--json"});
        ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
        const QString person =
            QJsonDocument::fromJson(made.out.split('\n').first()).object().value("id_number").toString();
        ASSERT_TRUE(!person.isEmpty() && (idNumber.isEmpty() || person == idNumber)) << "one person";
        idNumber = person;
    }
    qputenv("SIMKYC_STAFF_PASSWORD", "manager-password-for-tests");
    const ProgramRun added =
        kiosk({"staff", "add", "boss", "--role", "manager", "--kdf-cost-log2", "10", "--data-dir", qpath(shop)});
    qunsetenv("SIMKYC_STAFF_PASSWORD");
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const QJsonArray records =
        kiosk({"review", "list", "--data-dir", qpath(shop), "--json"}).json().value("records").toArray();
    ASSERT_EQ(records.size(), 1);
    const QString number = records[0].toObject().value("record_id").toString();
    const auto decide = [&](const char *decision, const char *reason) {
        qputenv("SIMKYC_STAFF_PASSWORD", "manager-password-for-tests"); // the deciding manager signs in
        const ProgramRun decided = kiosk({"review", "decide", number, "--decision", decision, "--reason", reason,
                                          "--manager", "boss", "--data-dir", qpath(shop), "--json"});
        qunsetenv("SIMKYC_STAFF_PASSWORD");
        return decided;
    };
    EXPECT_EQ(decide("cancelled", "customer_request").exitCode, 2) << "a hand-over is not a number yet";
    ASSERT_EQ(decide("manual_approved", "documents_checked_in_person").exitCode, 0);
    for (int i = 0; i < core::kQuotaLimit; ++i)
        ASSERT_EQ(
            kiosk(syncArgs(m_tmp.path() / ("shop" + std::to_string(i)), server->port(), {"--until-empty"})).exitCode,
            0);

    const fs::path idFile = m_tmp.path() / "id-number";
    {
        QFile f(qpath(idFile));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(idNumber.toUtf8() + "\n");
    }
    const fs::path other = dir("shop5");
    makeRecords(other, 1);
    ASSERT_EQ(kiosk(syncArgs(other, server->port(), {"--until-empty"})).exitCode, 0);
    const QStringList check{"sync",
                            "quota-check",
                            "--data-dir",
                            qpath(other),
                            "--id-number-file",
                            qpath(idFile),
                            "--upstream",
                            QStringLiteral("https://127.0.0.1:%1").arg(server->port()),
                            "--tls",
                            qpath(pkiDir()),
                            "--json"};
    const ProgramRun full = kiosk(check);
    EXPECT_EQ(full.exitCode, 1) << full.out.toStdString();
    EXPECT_EQ(full.json().value("active_count").toInt(), 5);

    EXPECT_EQ(decide("cancelled", "checked").exitCode, 2) << "a cancellation's own reasons only";
    const ProgramRun cancelled = decide("cancelled", "customer_request");
    ASSERT_EQ(cancelled.exitCode, 0) << cancelled.err.toStdString();
    EXPECT_EQ(decide("cancelled", "lost_or_stolen").exitCode, 2) << "once";
    const ProgramRun sent = kiosk(syncArgs(shop, server->port(), {"--until-empty"}));
    ASSERT_EQ(sent.exitCode, 0) << sent.out.toStdString() << sent.err.toStdString();
    EXPECT_EQ(sent.json().value("reviews_acknowledged_now").toInt(), 1);

    const ProgramRun freed = kiosk(check);
    EXPECT_EQ(freed.exitCode, 0) << freed.out.toStdString();
    EXPECT_EQ(freed.json().value("verdict").toString(), "allowed");
    EXPECT_EQ(freed.json().value("active_count").toInt(), 4);
    store::OpenOptions readOnly;
    readOnly.readOnly = true;
    auto carrier = store::Database::open(m_tmp.path() / "upstream.db", readOnly);
    ASSERT_TRUE(carrier) << carrier.error().toString();
    EXPECT_EQ(*carrier->queryInt64("SELECT COUNT(*) FROM reviews WHERE decision = 'cancelled' AND record_id = '" +
                                   number.toStdString() + "'"),
              1);
    EXPECT_EQ(
        *carrier->queryInt64("SELECT holds_slot FROM registrations WHERE record_id = '" + number.toStdString() + "'"),
        0);
}

// One face under two ID numbers, end to end: the demo's two customers share its face video (the
// attack: one person, two cards, each a clean match). The carrier's back office finds it, and the
// kiosk's next sync brings the signed finding to both records of the manager's day.
TEST_F(SyncE2e, TheSameFaceUnderASecondIdNumberIsFoundAndReachesTheKiosk)
{
    SIMKYC_REQUIRE_SHARED_DATA(); // the demo's face video
    auto server = startServer(db(), 0, log("server.log"));
    ASSERT_TRUE(server->ok());
    const fs::path shop = dir("kiosk");
    const ProgramRun made =
        kiosk({"demo", "--data-dir", qpath(shop), "--records", "2", "--kdf-cost-log2", "10", "--json"});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    EXPECT_EQ(made.out.count("\"outcome\":\"match\""), 2) << made.out.toStdString();
    ASSERT_EQ(kiosk(syncArgs(shop, server->port(), {"--until-empty"})).exitCode, 0);
    const ProgramRun before = kiosk({"review", "list", "--data-dir", qpath(shop), "--json"});
    for (const QJsonValue &r : before.json().value("records").toArray())
        EXPECT_TRUE(r.toObject().value("carrier_findings").toArray().isEmpty());

    const fs::path carrierKey = fs::path(shop.string() + "-demo-carrier") / "carrier-x25519.key";
    const ProgramRun searched =
        upstream({"face-search", "--db", QString::fromStdString(db()), "--carrier-key", qpath(carrierKey), "--json"});
    ASSERT_EQ(searched.exitCode, 0) << searched.err.toStdString();
    EXPECT_EQ(searched.json().value("searched").toInt(), 2);
    EXPECT_EQ(searched.json().value("found").toArray().size(), 1) << searched.out.toStdString();

    const ProgramRun synced = kiosk(syncArgs(shop, server->port(), {"--until-empty"}));
    ASSERT_EQ(synced.exitCode, 0) << synced.err.toStdString();
    EXPECT_EQ(synced.json().value("findings_recorded_now").toInt(), 2) << synced.out.toStdString();
    const ProgramRun after = kiosk({"review", "list", "--data-dir", qpath(shop), "--json"});
    const QJsonArray records = after.json().value("records").toArray();
    ASSERT_EQ(records.size(), 2);
    for (const QJsonValue &r : records)
        EXPECT_EQ(r.toObject().value("carrier_findings").toArray(), QJsonArray({"duplicate_face"}));
    EXPECT_EQ(kiosk(syncArgs(shop, server->port(), {"--until-empty"})).json().value("findings_recorded_now").toInt(), 0)
        << "known findings are not recorded twice";
    // Whatever the day: the manager's list of what the carrier found.
    const ProgramRun listed = kiosk({"review", "findings", "--data-dir", qpath(shop), "--json"});
    EXPECT_EQ(listed.json().value("records").toArray().size(), 2) << listed.out.toStdString();
}

TEST_F(SyncE2e, TheHeadlessDemoEndsWithTheCarriersReceipts)
{
    auto server = startServer(db(), 0, log("server.log"));
    ASSERT_TRUE(server->ok());
    const ProgramRun r = kiosk(
        {"demo", "--data-dir", qpath(dir("kiosk")), "--records", "2", "--manual-check", "--kdf-cost-log2", "10",
         "--upstream", QStringLiteral("https://127.0.0.1:%1").arg(server->port()), "--tls", qpath(pkiDir()), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    const QJsonObject synced = r.json();
    EXPECT_EQ(synced.value("step").toString(), "synced");
    EXPECT_EQ(synced.value("acknowledged").toInt(), 2);
    EXPECT_EQ(synced.value("pending").toInt(), 0);
    EXPECT_EQ(r.out.count("\"step\":\"registration\""), 2);
    expectExactly(2);
}

// The store manager's decisions reach the carrier after their records, each once: one decided before
// the first sync (sent in the same run, after its registration), two decided later, none resent.
TEST_F(SyncE2e, TheManagersDecisionsReachTheCarrierAfterTheirRecordsEachOnce)
{
    makeRecords(dir("kiosk"), 3); // customers handed to the manager (manual_review)
    qputenv("SIMKYC_STAFF_PASSWORD", "manager-password-for-tests");
    const ProgramRun added = kiosk({"staff", "add", "boss", "--role", "manager", "--kdf-cost-log2", "10", "--data-dir",
                                    qpath(dir("kiosk")), "--json"});
    qunsetenv("SIMKYC_STAFF_PASSWORD");
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const ProgramRun listed = kiosk({"review", "list", "--data-dir", qpath(dir("kiosk")), "--json"});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    const QJsonArray records = listed.json().value("records").toArray();
    ASSERT_EQ(records.size(), 3);
    QStringList ids;
    for (const QJsonValue &r : records)
        ids << r.toObject().value("record_id").toString();
    const auto decide = [&](const QString &id, const char *decision, const char *reason) {
        qputenv("SIMKYC_STAFF_PASSWORD", "manager-password-for-tests"); // the deciding manager signs in
        const ProgramRun decided = kiosk({"review", "decide", id, "--decision", decision, "--reason", reason,
                                          "--manager", "boss", "--data-dir", qpath(dir("kiosk")), "--json"});
        qunsetenv("SIMKYC_STAFF_PASSWORD");
        return decided;
    };
    const ProgramRun early = decide(ids[0], "manual_approved", "documents_checked_in_person");
    ASSERT_EQ(early.exitCode, 0) << early.err.toStdString();
    EXPECT_EQ(decide(ids[1], "approved", "checked").exitCode, 2) << "a handed-over record needs the identity decision";

    auto server = startServer(db(), 0, log("server.log"));
    ASSERT_TRUE(server->ok());
    const ProgramRun first = kiosk(syncArgs(dir("kiosk"), server->port(), {"--until-empty"}));
    ASSERT_EQ(first.exitCode, 0) << first.out.toStdString() << first.err.toStdString();
    EXPECT_EQ(first.json().value("acknowledged_now").toInt(), 3);
    EXPECT_EQ(first.json().value("reviews_acknowledged_now").toInt(), 1) << "sent after its record, same run";

    ASSERT_EQ(decide(ids[1], "manual_rejected", "identity_not_confirmed").exitCode, 0);
    ASSERT_EQ(decide(ids[0], "flagged", "document_suspect").exitCode, 0) << "decided, then flagged at day end";
    const ProgramRun second = kiosk(syncArgs(dir("kiosk"), server->port(), {"--until-empty"}));
    ASSERT_EQ(second.exitCode, 0) << second.out.toStdString() << second.err.toStdString();
    EXPECT_EQ(second.json().value("acknowledged_now").toInt(), 0);
    EXPECT_EQ(second.json().value("reviews_acknowledged_now").toInt(), 2);
    const ProgramRun third = kiosk(syncArgs(dir("kiosk"), server->port(), {"--until-empty"}));
    ASSERT_EQ(third.exitCode, 0);
    EXPECT_EQ(third.json().value("reviews_acknowledged_now").toInt(), 0) << "nothing is sent twice";

    const ProgramRun status = kiosk({"sync", "status", "--data-dir", qpath(dir("kiosk")), "--json"});
    ASSERT_EQ(status.exitCode, 0);
    const QJsonObject reviews = status.json().value("reviews").toObject();
    EXPECT_EQ(reviews.value("acknowledged").toInt(), 3);
    EXPECT_EQ(reviews.value("pending").toInt(), 0);
    EXPECT_EQ(reviews.value("parked").toInt(), 0);
    const ProgramRun after = kiosk({"review", "list", "--data-dir", qpath(dir("kiosk")), "--json"});
    for (const QJsonValue &r : after.json().value("records").toArray()) {
        const QJsonObject review = r.toObject().value("review").toObject();
        if (!review.isEmpty()) {
            EXPECT_EQ(review.value("upload").toString(), "acknowledged");
        }
    }

    // The carrier holds the three decisions, once each, with the records they belong to.
    store::OpenOptions readOnly;
    readOnly.readOnly = true;
    auto carrier = store::Database::open(m_tmp.path() / "upstream.db", readOnly);
    ASSERT_TRUE(carrier) << carrier.error().toString();
    EXPECT_EQ(*carrier->queryInt64("SELECT COUNT(*) FROM reviews"), 3);
    EXPECT_EQ(*carrier->queryInt64("SELECT COUNT(DISTINCT record_id) FROM reviews"), 2);
    EXPECT_EQ(*carrier->queryInt64("SELECT COUNT(*) FROM reviews WHERE decision = 'manual_rejected' AND record_id = '" +
                                   ids[1].toStdString() + "'"),
              1);
    expectExactly(3);
}

// The demo prints the clear test names and ID numbers it used: after the sync, none of them may
// appear in the kiosk's files, the carrier's database or either side's log.
TEST_F(SyncE2e, ClearCustomerDataAppearsNowhereOnEitherSide)
{
    const ProgramRun made = kiosk({"demo", "--data-dir", qpath(dir("kiosk")), "--records", "5", "--manual-check",
                                   "--kdf-cost-log2", "10", "--json"});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    std::vector<QByteArray> planted;
    for (const QByteArray &line : made.out.trimmed().split('\n')) {
        const QJsonObject r = QJsonDocument::fromJson(line).object();
        planted.push_back(r.value("name").toString().toUtf8());
        planted.push_back(r.value("id_number").toString().toUtf8());
    }
    ASSERT_EQ(planted.size(), 10U);
    auto server = startServer(db(), 0, log("server.log"));
    ASSERT_TRUE(server->ok());
    const ProgramRun sent = kiosk(syncArgs(dir("kiosk"), server->port(), {"--until-empty"}));
    ASSERT_EQ(sent.exitCode, 0) << sent.err.toStdString();
    server->stop();
    std::vector<fs::path> files;
    for (const fs::path &root : {dir("kiosk"), m_tmp.path()})
        for (const auto &entry : fs::directory_iterator(root))
            if (entry.is_regular_file())
                files.push_back(entry.path()); // simkyc.db(-wal), upstream.db(-wal), server.log
    ASSERT_GE(files.size(), 3U);
    const QByteArray logs = made.err + sent.err;
    for (const QByteArray &p : planted) {
        EXPECT_FALSE(logs.contains(p)) << p.toStdString() << " in the kiosk's log";
        for (const fs::path &file : files) {
            QFile f(qpath(file));
            ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << file;
            EXPECT_FALSE(f.readAll().contains(p)) << p.toStdString() << " in " << file;
        }
    }
}

TEST_F(SyncE2e, ServerDownAtStartKeepsEverythingPendingUntilItComesUp)
{
    makeRecords(dir("kiosk"), 5);
    const quint16 port = freePort();
    const ProgramRun down = kiosk(syncArgs(dir("kiosk"), port, {"--once"}));
    EXPECT_EQ(down.exitCode, 1);
    EXPECT_TRUE(down.json().value("stop_reason").toString().contains("network")) << down.out.toStdString();
    EXPECT_EQ(down.json().value("pending").toInt(), 5);

    auto server = startServer(db(), port, log("server.log"));
    ASSERT_TRUE(server->ok());
    const ProgramRun up = kiosk(syncArgs(dir("kiosk"), port, {"--until-empty"}));
    ASSERT_EQ(up.exitCode, 0) << up.err.toStdString();
    expectExactly(5);
}

TEST_F(SyncE2e, ServerKilledMidRunAndRestartedLosesAndDuplicatesNothing)
{
    makeRecords(dir("kiosk"), 3000);
    const quint16 port = freePort();
    auto server = startServer(db(), port, log("server.log"), {"--delay-ms", "20"});
    ASSERT_TRUE(server->ok());
    QProcess sync;
    sync.start(qpath(simkyc::test::binDir() / "simkyc-cli"),
               syncArgs(dir("kiosk"), port,
                        {"--until-empty", "--batch", "50", "--backoff-base-ms", "100", "--backoff-cap-ms", "500",
                         "--deadline-s", "240"}));
    ASSERT_TRUE(sync.waitForStarted());
    for (int i = 0; i < 200 && count().value("records").toInt() < 300; ++i)
        QThread::msleep(50);
    server->kill(); // mid-batch: some batches committed without an answer, others not at all
    const int atKill = count().value("records").toInt();
    EXPECT_GT(atKill, 0);
    EXPECT_LT(atKill, 3000);
    QThread::msleep(500);
    server = startServer(db(), port, log("server2.log"));
    ASSERT_TRUE(server->ok());
    ASSERT_TRUE(sync.waitForFinished(240000));
    const QByteArray out = sync.readAllStandardOutput();
    EXPECT_EQ(sync.exitCode(), 0) << out.toStdString() << sync.readAllStandardError().toStdString();
    expectExactly(3000);
}

TEST_F(SyncE2e, AnswersLostAfterTheServerCommittedAreResentWithoutDuplicates)
{
    makeRecords(dir("kiosk"), 400);
    auto server = startServer(db(), 0, log("server.log"), {"--fault-drop-after-commit", "0.5", "--fault-seed", "3"});
    ASSERT_TRUE(server->ok());
    const ProgramRun r =
        kiosk(syncArgs(dir("kiosk"), server->port(),
                       {"--until-empty", "--batch", "20", "--backoff-base-ms", "20", "--backoff-cap-ms", "200"}));
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    EXPECT_GT(r.json().value("replays").toInt(), 0) << "some answers were lost after commit";
    expectExactly(400);
}

TEST_F(SyncE2e, SlowAnswersPastTheTimeoutAreRetriedLater)
{
    makeRecords(dir("kiosk"), 1);
    const quint16 port = freePort();
    {
        auto server = startServer(db(), port, log("server.log"));
        ASSERT_TRUE(server->ok());
        ASSERT_EQ(kiosk(syncArgs(dir("kiosk"), port, {"--until-empty"})).exitCode, 0); // enrolled
    }
    makeRecords(dir("kiosk"), 10);
    {
        auto slow = startServer(db(), port, log("slow.log"), {"--delay-ms", "3000"});
        ASSERT_TRUE(slow->ok());
        const ProgramRun r = kiosk(syncArgs(dir("kiosk"), port, {"--once", "--timeout-ms", "500"}));
        EXPECT_EQ(r.exitCode, 1) << r.out.toStdString();
        EXPECT_EQ(r.json().value("acknowledged_now").toInt(), 0);
        EXPECT_EQ(r.json().value("retrying").toInt(), 10);
        EXPECT_EQ(r.json().value("pending").toInt(), 10);
    }
    auto server = startServer(db(), port, log("server2.log"));
    ASSERT_TRUE(server->ok());
    const ProgramRun r = kiosk(syncArgs(dir("kiosk"), port, {"--until-empty", "--backoff-cap-ms", "1000"}));
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString();
    expectExactly(11);
}

TEST_F(SyncE2e, ServerErrorsAndRateLimitsAreRetried)
{
    makeRecords(dir("kiosk"), 200);
    auto server = startServer(db(), 0, log("server.log"),
                              {"--fault-rate-500", "0.3", "--fault-rate-429", "0.2", "--fault-seed", "5"});
    ASSERT_TRUE(server->ok());
    const ProgramRun r =
        kiosk(syncArgs(dir("kiosk"), server->port(),
                       {"--until-empty", "--batch", "20", "--backoff-base-ms", "20", "--backoff-cap-ms", "300"}));
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    EXPECT_GT(r.json().value("retried").toInt(), 0);
    expectExactly(200);
}

TEST_F(SyncE2e, AServerWithTheWrongCertificateGetsNothing)
{
    makeRecords(dir("kiosk"), 3);
    // A server whose certificate comes from another CA (it trusts the rogue device CA, so only the
    // kiosk's check can stop this).
    const fs::path rogue = m_tmp.path() / "rogue-tls";
    fs::create_directories(rogue);
    for (const char *f : {"ca.crt", "server.crt", "server.key"})
        fs::copy_file(pkiDir() / "rogue" / f, rogue / f);
    fs::copy_file(pkiDir() / "receipt.key", rogue / "receipt.key");
    auto server = startServer(db(), 0, log("server.log"), {}, rogue);
    ASSERT_TRUE(server->ok());
    const ProgramRun r = kiosk(syncArgs(dir("kiosk"), server->port(), {"--until-empty"}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.json().value("stop_reason").toString().startsWith("upstream_certificate_untrusted"))
        << r.out.toStdString();
    EXPECT_EQ(r.json().value("pending").toInt(), 3);
    EXPECT_EQ(count().value("records").toInt(), 0);
}

TEST_F(SyncE2e, ExpiredAndForeignDeviceCertificatesAreReportedAsSuch)
{
    makeRecords(dir("kiosk"), 1);
    auto server = startServer(db(), 0, log("server.log"));
    ASSERT_TRUE(server->ok());
    for (const auto &[source, expected] :
         {std::pair{pkiDir() / "expired", "expired on"}, std::pair{pkiDir() / "rogue", "not issued by the CA"}}) {
        const fs::path tls = m_tmp.path() / ("tls-" + source.filename().string());
        fs::create_directories(tls);
        fs::copy_file(pkiDir() / "ca.crt", tls / "ca.crt");
        fs::copy_file(source / "device.crt", tls / "device.crt");
        fs::copy_file(source / "device.key", tls / "device.key");
        const ProgramRun r = kiosk(syncArgs(dir("kiosk"), server->port(), {"--once"}, tls));
        EXPECT_EQ(r.exitCode, 2);
        EXPECT_TRUE(r.err.contains(expected)) << r.err.toStdString();
    }
    EXPECT_EQ(count().value("records").toInt(), 0);
}

TEST_F(SyncE2e, AReceiptThatDoesNotVerifyLeavesTheRecordPending)
{
    makeRecords(dir("kiosk"), 1);
    auto server = startServer(db(), 0, log("server.log"));
    ASSERT_TRUE(server->ok());
    ASSERT_EQ(kiosk(syncArgs(dir("kiosk"), server->port(), {"--until-empty"})).exitCode, 0); // enrolled
    makeRecords(dir("kiosk"), 3);
    const auto setReceiptKey = [&](const std::string &hex) {
        auto store = store::openStore(dir("kiosk") / "simkyc.db");
        ASSERT_TRUE(store) << store.error().toString();
        ASSERT_TRUE(store::writeSetting(*store, "sync.receipt_key", hex));
    };
    std::string genuine;
    {
        auto store = store::openStore(dir("kiosk") / "simkyc.db");
        ASSERT_TRUE(store);
        genuine = store::readSetting(*store, "sync.receipt_key").value().value();
    }
    setReceiptKey(crypto::toHex(crypto::generateEd25519KeyPair()->publicKey)); // receipts now look forged
    const ProgramRun r = kiosk(syncArgs(dir("kiosk"), server->port(), {"--once"}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.json().value("acknowledged_now").toInt(), 0);
    EXPECT_EQ(r.json().value("pending").toInt(), 3);
    EXPECT_EQ(r.json().value("retrying").toInt(), 3);
    EXPECT_TRUE(r.err.contains("receipt_invalid")) << r.err.toStdString();

    setReceiptKey(genuine);
    const ProgramRun fixed =
        kiosk(syncArgs(dir("kiosk"), server->port(), {"--until-empty", "--backoff-cap-ms", "1000"}));
    ASSERT_EQ(fixed.exitCode, 0) << fixed.out.toStdString();
    EXPECT_EQ(fixed.json().value("replays").toInt(), 3);
    expectExactly(4);
}

TEST_F(SyncE2e, AMalformedAnswerLeavesTheRecordsPending)
{
    makeRecords(dir("kiosk"), 1);
    const quint16 port = freePort();
    {
        auto server = startServer(db(), port, log("enrol.log"));
        ASSERT_TRUE(server->ok());
        ASSERT_EQ(kiosk(syncArgs(dir("kiosk"), port, {"--until-empty"})).exitCode, 0); // enrolled
    }
    makeRecords(dir("kiosk"), 5);
    {
        auto garbling = startServer(db(), port, log("garbling.log"), {"--fault-garble-after-commit", "1"});
        ASSERT_TRUE(garbling->ok());
        const ProgramRun r = kiosk(syncArgs(dir("kiosk"), port, {"--once"}));
        EXPECT_EQ(r.exitCode, 1) << r.out.toStdString();
        EXPECT_EQ(r.json().value("acknowledged_now").toInt(), 0);
        EXPECT_EQ(r.json().value("retrying").toInt(), 5);
        EXPECT_TRUE(r.err.contains("malformed_response")) << r.err.toStdString();
        EXPECT_EQ(count().value("records").toInt(), 6) << "the server committed them";
    }
    auto server = startServer(db(), port, log("server.log"));
    ASSERT_TRUE(server->ok());
    const ProgramRun r = kiosk(syncArgs(dir("kiosk"), port, {"--until-empty", "--backoff-cap-ms", "1000"}));
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString();
    EXPECT_EQ(r.json().value("replays").toInt(), 5);
    expectExactly(6);
}

TEST_F(SyncE2e, AnotherBodyUnderAStoredRecordIdIsParkedForTheManager)
{
    makeRecords(dir("kiosk"), 3);
    fs::copy(dir("kiosk"), dir("twin"), fs::copy_options::recursive);
    fs::copy(m_tmp.path() / "kiosk-demo-carrier", m_tmp.path() / "twin-demo-carrier", fs::copy_options::recursive);
    auto server = startServer(db(), 0, log("server.log"));
    ASSERT_TRUE(server->ok());
    ASSERT_EQ(kiosk(syncArgs(dir("kiosk"), server->port(), {"--until-empty"})).exitCode, 0);
    std::string altered;
    {
        // The twin's copy of one record now says something else (as a restored, edited store would).
        auto store = store::openStore(dir("twin") / "simkyc.db");
        ASSERT_TRUE(store);
        altered = store->queryText("SELECT registration_id FROM outbox ORDER BY created_at LIMIT 1").value();
        auto payload =
            store->queryText("SELECT CAST(payload AS TEXT) FROM outbox WHERE registration_id = '" + altered + "'");
        ASSERT_TRUE(payload);
        std::string text = *payload;
        const auto at = text.find("\"liveness\":\"");
        ASSERT_NE(at, std::string::npos);
        text.insert(at + 12, "edited;");
        ASSERT_TRUE(store->exec("UPDATE outbox SET payload = CAST('" + text + "' AS BLOB) WHERE registration_id = '" +
                                altered + "'"));
    }
    const ProgramRun r = kiosk(syncArgs(dir("twin"), server->port(), {"--until-empty"}));
    EXPECT_EQ(r.exitCode, 1) << "a parked record needs the manager: " << r.out.toStdString() << r.err.toStdString();
    EXPECT_EQ(r.json().value("parked").toInt(), 1);
    EXPECT_EQ(r.json().value("acknowledged_now").toInt(), 2);
    const ProgramRun status = kiosk({"sync", "status", "--data-dir", qpath(dir("twin")), "--json"});
    const QJsonArray parked = status.json().value("parked_records").toArray();
    ASSERT_EQ(parked.size(), 1);
    EXPECT_EQ(parked[0].toObject().value("record_id").toString().toStdString(), altered);
    EXPECT_TRUE(parked[0].toObject().value("reason").toString().startsWith("conflict"));
    expectExactly(3);
}

TEST_F(SyncE2e, RemovableMediaCarriesRecordsAndReceiptsBothWays)
{
    makeRecords(dir("kiosk"), 1);
    auto server = startServer(db(), 0, log("server.log"));
    ASSERT_TRUE(server->ok());
    ASSERT_EQ(kiosk(syncArgs(dir("kiosk"), server->port(), {"--until-empty"})).exitCode, 0); // enrolled
    server->stop();
    makeRecords(dir("kiosk"), 7); // the network is gone for good: a USB stick
    const fs::path stick = m_tmp.path() / "stick";
    const ProgramRun out = kiosk({"sync", "export", "--data-dir", qpath(dir("kiosk")), "--to", qpath(stick), "--json"});
    ASSERT_EQ(out.exitCode, 0) << out.err.toStdString();
    EXPECT_EQ(out.json().value("written").toInt(), 7);
    const ProgramRun in =
        upstream({"import", qpath(stick), "--db", QString::fromStdString(db()), "--tls", qpath(pkiDir()), "--json"});
    ASSERT_EQ(in.exitCode, 0) << in.out.toStdString() << in.err.toStdString();
    const ProgramRun back =
        kiosk({"sync", "import-receipts", qpath(stick), "--data-dir", qpath(dir("kiosk")), "--json"});
    ASSERT_EQ(back.exitCode, 0) << back.out.toStdString() << back.err.toStdString();
    EXPECT_EQ(back.json().value("acknowledged").toInt(), 7);
    const ProgramRun status = kiosk({"sync", "status", "--data-dir", qpath(dir("kiosk")), "--json"});
    EXPECT_EQ(status.json().value("pending").toInt(), 0);
    EXPECT_EQ(status.json().value("acknowledged").toInt(), 8);
    expectExactly(8);
}

// The soak: 10,000 registrations queued while the server is down, then the server comes up
// behind a proxy that drops, delays, resets and cuts off answers.
TEST_F(SyncE2e, SoakTenThousandRecordsThroughAFaultyNetwork)
{
    constexpr int kRecords = 10000;
    makeRecords(dir("kiosk"), kRecords);
    const quint16 port = freePort();
    const ProgramRun down = kiosk(syncArgs(dir("kiosk"), port, {"--once"}));
    ASSERT_EQ(down.exitCode, 1);
    ASSERT_EQ(down.json().value("pending").toInt(), kRecords);

    auto server = startServer(db(), port, log("server.log"), {"--quiet"});
    ASSERT_TRUE(server->ok());
    auto proxy = startProxy(
        {port}, log("proxy.log"),
        {"--drop", "0.2", "--reset", "0.01", "--cut-response", "0.3", "--delay-max-ms", "20", "--seed", "11"});
    ASSERT_TRUE(proxy->ok());
    const ProgramRun r = kiosk(syncArgs(dir("kiosk"), proxy->port(),
                                        {"--until-empty", "--batch", "100", "--backoff-base-ms", "50",
                                         "--backoff-cap-ms", "1000", "--timeout-ms", "10000", "--deadline-s", "400"}),
                               450000);
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.right(2000).toStdString();
    const QJsonObject report = r.json();
    EXPECT_EQ(report.value("pending").toInt(), 0);
    EXPECT_EQ(report.value("acknowledged").toInt(), kRecords);
    proxy->stop();
    std::cout << "soak: " << kRecords << " records in " << report.value("seconds").toDouble() << " s, "
              << report.value("retried").toInt() << " retried, " << report.value("replays").toInt()
              << " replays; proxy: " << proxy->output().toStdString() << "\n";
    expectExactly(kRecords);
}

} // namespace
} // namespace simkyc::sync::test

namespace simkyc::sync::test {
namespace {

// The same soak against two simkyc-upstream instances sharing one PostgreSQL database, behind the
// fault proxy acting as a round-robin load balancer.
TEST(SyncPostgres, SoakThroughTwoInstancesOnOneDatabase)
{
    SIMKYC_REQUIRE_POSTGRES();
    simkyc::test::PgCluster pg;
    ASSERT_TRUE(pg.ok()) << pg.error();
    ASSERT_TRUE(pg.createDatabase("carrier")) << pg.error();
    const std::string db = pg.url("carrier");
    simkyc::test::TempDir tmp;
    constexpr int kRecords = 10000;
    makeRecords(tmp.path() / "kiosk", kRecords);
    auto first = startServer(db, 0, tmp.path() / "first.log");
    ASSERT_TRUE(first->ok());
    auto second = startServer(db, 0, tmp.path() / "second.log");
    ASSERT_TRUE(second->ok());
    auto proxy = startProxy(
        {first->port(), second->port()}, tmp.path() / "proxy.log",
        {"--drop", "0.2", "--reset", "0.01", "--cut-response", "0.3", "--delay-max-ms", "20", "--seed", "13"});
    ASSERT_TRUE(proxy->ok());
    const ProgramRun r = kiosk(syncArgs(tmp.path() / "kiosk", proxy->port(),
                                        {"--until-empty", "--batch", "100", "--backoff-base-ms", "50",
                                         "--backoff-cap-ms", "1000", "--timeout-ms", "10000", "--deadline-s", "400"}),
                               450000);
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.right(2000).toStdString();
    proxy->stop();
    std::cout << "postgres soak: " << kRecords << " records in " << r.json().value("seconds").toDouble() << " s, "
              << r.json().value("retried").toInt() << " retried, " << r.json().value("replays").toInt()
              << " replays; proxy: " << proxy->output().toStdString();
    const ProgramRun c = upstream({"count", "--db", QString::fromStdString(db), "--json"});
    ASSERT_EQ(c.exitCode, 0) << c.err.toStdString();
    EXPECT_EQ(c.json().value("records").toInt(), kRecords);
    EXPECT_EQ(c.json().value("duplicates").toInt(), 0);
    const ProgramRun v = upstream({"verify", "--db", QString::fromStdString(db), "--json"}, 300000);
    EXPECT_EQ(v.exitCode, 0) << v.out.left(2000).toStdString();
    EXPECT_TRUE(first->output().contains("POST /v1/registrations:batch 200")) << "both instances served";
    EXPECT_TRUE(second->output().contains("POST /v1/registrations:batch 200"));
}

} // namespace
} // namespace simkyc::sync::test

namespace simkyc::sync::test {
namespace {

// The hardening issue's bounded soak: registrations end to end (the face path on the recorded
// video when the labelled data is there) while the upstream goes down and comes back; every record
// arrives, memory does not grow after warm-up, descriptors and threads return to baseline, and the
// peak stays within the kiosk's 400 MB budget. `simkyc-cli soak --minutes M` is the long version.
TEST(KioskSoak, RegistrationsWithAFlappingUpstreamLeakNothing)
{
    simkyc::test::TempDir tmp;
    QStringList args{"soak",
                     "--data-dir",
                     qpath(tmp.path() / "kiosk"),
                     "--tls",
                     qpath(pkiDir()),
                     "--records",
                     "60",
                     "--sync-every",
                     "5",
                     "--flap-every",
                     "15",
                     "--kdf-cost-log2",
                     "10",
                     "--json"};
    if (!simkyc::test::sharedDataDir())
        args << "--manual-check"; // no recorded video in a fresh clone: the non-face path
    const ProgramRun r = kiosk(args, 600000);
    const QJsonObject report = r.json();
    std::cout << "soak: " << r.out.toStdString();
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.right(2000).toStdString();
    EXPECT_EQ(report.value("registrations").toInt(), 60);
    EXPECT_EQ(report.value("upstream_records").toInt(), 60);
    EXPECT_EQ(report.value("pending").toInt(), 0);
    EXPECT_GE(report.value("upstream_flaps").toInt(), 3);
    EXPECT_LE(report.value("rss_peak_mb").toDouble(), 400.0);
    EXPECT_LE(report.value("fds_end").toInt(), report.value("fds_warm").toInt() + 2);
    EXPECT_LE(report.value("threads_end").toInt(), report.value("threads_warm").toInt() + 2);
}

} // namespace
} // namespace simkyc::sync::test

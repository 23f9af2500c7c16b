// Two `serve` instances on one throwaway PostgreSQL database: racing the same records (each stored
// once, one receipt) and the quota decision across instances.
#include "support/pg_cluster.h"
#include "upstream/database.h"
#include "upstream_fixture.h"

#include <gtest/gtest.h>

#include <QJsonArray>

#include <future>
#include <iostream>

namespace simkyc::upstream::test {
namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

struct PostgresTest : ::testing::Test {
    static inline std::unique_ptr<simkyc::test::PgCluster> cluster;
    static inline int databases = 0;

    static void SetUpTestSuite()
    {
        if (simkyc::test::PgCluster::installedBinDir())
            cluster = std::make_unique<simkyc::test::PgCluster>();
    }
    static void TearDownTestSuite() { cluster.reset(); }

    std::string freshDatabase()
    {
        const std::string name = "simkyc_" + std::to_string(++databases);
        EXPECT_TRUE(cluster->createDatabase(name)) << cluster->error();
        return cluster->url(name);
    }
};

#define REQUIRE_CLUSTER()                                                                                              \
    SIMKYC_REQUIRE_POSTGRES();                                                                                         \
    ASSERT_TRUE(cluster && cluster->ok()) << (cluster ? cluster->error() : std::string("no cluster"))

TEST_F(PostgresTest, TwoInstancesRacingTheSameRecordsStoreEachOnceWithOneReceipt)
{
    REQUIRE_CLUSTER();
    const std::string url = freshDatabase();
    ServerProcess a(url), b(url);
    ASSERT_TRUE(a.ok() && b.ok());
    Kiosk kiosk;
    {
        HttpsClient c(a.port(), deviceIdentity());
        auto enrolled = c.post("/v1/devices", kiosk.enrolment(enrolmentToken()));
        ASSERT_TRUE(enrolled);
        ASSERT_EQ(enrolled->status, 201);
        HttpsClient viaB(b.port(), deviceIdentity());
        auto health = viaB.request("GET", "/v1/health");
        ASSERT_TRUE(health);
        EXPECT_EQ(health->json()["db"].toString(), "postgresql");
    }
    std::vector<QJsonObject> items;
    for (int i = 0; i < 60; ++i)
        items.push_back(protocol::toJson(kiosk.submission(newRecordId(), quotaIndexFor("P" + std::to_string(i % 7)))));
    const QJsonObject batch = batchOf(items);
    auto send = [&batch](quint16 port) {
        HttpsClient c(port, deviceIdentity());
        auto reply = c.post("/v1/registrations:batch", batch);
        return reply ? reply->json()["results"].toArray() : QJsonArray();
    };
    auto fromA = std::async(std::launch::async, send, a.port());
    auto fromB = std::async(std::launch::async, send, b.port());
    const QJsonArray ra = fromA.get(), rb = fromB.get();
    ASSERT_EQ(ra.size(), 60);
    ASSERT_EQ(rb.size(), 60);
    for (qsizetype i = 0; i < 60; ++i) {
        EXPECT_EQ(ra[i]["status"].toInt(), 200);
        EXPECT_EQ(ra[i]["receipt"], rb[i]["receipt"]) << "item " << i;
        EXPECT_NE(ra[i]["replay"].toBool(), rb[i]["replay"].toBool()) << "exactly one instance stored item " << i;
    }
    CliResult count = runCli({"count", "--db", qs(url), "--json"});
    ASSERT_EQ(count.exitCode, 0) << count.err.toStdString();
    EXPECT_EQ(count.json(), (QJsonObject{{"records", 60}, {"duplicates", 0}}));
    CliResult verified = runCli({"verify", "--db", qs(url), "--json"});
    EXPECT_EQ(verified.exitCode, 0) << verified.out.toStdString();
}

TEST_F(PostgresTest, TheQuotaHoldsAcrossInstances)
{
    REQUIRE_CLUSTER();
    const std::string url = freshDatabase();
    ServerProcess a(url), b(url);
    ASSERT_TRUE(a.ok() && b.ok());
    Kiosk kiosk;
    HttpsClient ca(a.port(), deviceIdentity());
    ASSERT_EQ(ca.post("/v1/devices", kiosk.enrolment(enrolmentToken()))->status, 201);
    const std::string index = quotaIndexFor("ONE-PERSON");
    auto accepted = [](const QJsonArray &results) {
        int n = 0;
        for (const QJsonValue &r : results)
            n += r.toObject()["receipt"].toObject()["decision"].toString() == "accepted" ? 1 : 0;
        return n;
    };
    // Two batches of six records for one person, one through each instance, at the same time:
    // without the per-index lock both transactions would count 0 and accept all twelve.
    auto sendBatch = [&kiosk, &index](quint16 port) {
        std::vector<QJsonObject> items;
        for (int i = 0; i < 6; ++i)
            items.push_back(protocol::toJson(kiosk.submission(newRecordId(), index)));
        HttpsClient c(port, deviceIdentity());
        auto reply = c.post("/v1/registrations:batch", batchOf(items));
        return reply ? reply->json()["results"].toArray() : QJsonArray();
    };
    auto batchA = std::async(std::launch::async, sendBatch, a.port());
    auto batchB = std::async(std::launch::async, sendBatch, b.port());
    EXPECT_EQ(accepted(batchA.get()) + accepted(batchB.get()), protocol::kQuotaLimit);
    // Then single submissions racing through both: none is accepted any more.
    auto send = [&kiosk, &index](quint16 port) {
        HttpsClient c(port, deviceIdentity());
        int n = 0;
        for (int i = 0; i < 3; ++i) {
            auto reply = c.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId(), index)));
            n += reply && reply->json()["decision"].toString() == "accepted" ? 1 : 0;
        }
        return n;
    };
    auto fromA = std::async(std::launch::async, send, a.port());
    auto fromB = std::async(std::launch::async, send, b.port());
    EXPECT_EQ(fromA.get() + fromB.get(), 0);
    EXPECT_EQ(runCli({"count", "--db", qs(url), "--json"}).json()["records"].toInt(), 18);
    // Both instances hand out the same quota key: it lives in the database.
    HttpsClient cb(b.port(), deviceIdentity());
    EXPECT_EQ(cb.post("/v1/devices", kiosk.enrolment(enrolmentToken()))->json()["quota_key"],
              ca.post("/v1/devices", kiosk.enrolment(enrolmentToken()))->json()["quota_key"]);
}

TEST_F(PostgresTest, AServerRestartCostsOneRetryNotTheInstance)
{
    REQUIRE_CLUSTER();
    const std::string url = freshDatabase();
    ServerProcess server(url);
    ASSERT_TRUE(server.ok());
    Kiosk kiosk;
    HttpsClient c(server.port(), deviceIdentity());
    ASSERT_EQ(c.post("/v1/devices", kiosk.enrolment(enrolmentToken()))->status, 201);
    ASSERT_TRUE(cluster->restart()) << cluster->error();
    const QJsonObject submission = protocol::toJson(kiosk.submission(newRecordId()));
    int status = 0;
    for (int attempt = 0; attempt < 3 && status != 200; ++attempt) {
        auto reply = c.post("/v1/registrations", submission);
        ASSERT_TRUE(reply);
        status = reply->status;
        EXPECT_TRUE(status == 200 || status == 503) << status; // 503: retried by the kiosk
    }
    EXPECT_EQ(status, 200);
    EXPECT_EQ(c.request("GET", "/v1/health")->status, 200);
}

TEST_F(PostgresTest, BatchesOf200OnPostgres)
{
    REQUIRE_CLUSTER();
    const std::string url = freshDatabase();
    ServerProcess server(url);
    ASSERT_TRUE(server.ok());
    Kiosk kiosk;
    HttpsClient c(server.port(), deviceIdentity());
    ASSERT_EQ(c.post("/v1/devices", kiosk.enrolment(enrolmentToken()))->status, 201);
    const double rate = batchRate(c, kiosk, 5);
    std::cout << "[ rate     ] " << static_cast<int>(rate)
              << " records/s (5 batches of 200, 4 KiB biometrics, PostgreSQL, loopback TLS)\n";
    RecordProperty("records_per_second", static_cast<int>(rate));
    EXPECT_GT(rate, 200.0);
    EXPECT_EQ(runCli({"count", "--db", qs(url), "--json"}).json()["records"].toInt(), 1000);
}

TEST_F(PostgresTest, ANewerSchemaIsRefused)
{
    REQUIRE_CLUSTER();
    const std::string url = freshDatabase();
    ASSERT_EQ(runCli({"count", "--db", qs(url), "--json"}).exitCode, 0); // migrates
    {
        auto location = parseDbLocation(url);
        ASSERT_TRUE(location);
        auto db = Database::open(*location);
        ASSERT_TRUE(db) << db.error().toString();
        ASSERT_TRUE((*db)->exec(QStringLiteral("INSERT INTO schema_migrations VALUES (99, 'future', 'x')")).ok());
    }
    CliResult refused = runCli({"count", "--db", qs(url), "--json"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains("newer")) << refused.err.toStdString();
    EXPECT_EQ(runCli({"count", "--db", qs(url + "_missing"), "--json"}).exitCode, 1);
}

} // namespace
} // namespace simkyc::upstream::test

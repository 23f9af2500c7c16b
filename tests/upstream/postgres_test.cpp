// Two `serve` instances on one throwaway PostgreSQL database: racing the same records (each stored
// once, one receipt) and the quota decision across instances.
#include "core/quota.h"
#include "face_search_scenario.h"
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
    EXPECT_EQ(accepted(batchA.get()) + accepted(batchB.get()), core::kQuotaLimit);
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

// POST /v1/reviews on PostgreSQL: the core checks, then two instances racing the same review ids
// (the same bytes: one row, one receipt; other bytes: one stored, the other a conflict).
TEST_F(PostgresTest, ReviewsAreCheckedAndStoredOnceAcrossInstances)
{
    REQUIRE_CLUSTER();
    const std::string url = freshDatabase();
    ServerProcess a(url), b(url);
    ASSERT_TRUE(a.ok() && b.ok());
    Kiosk kiosk, other;
    HttpsClient ca(a.port(), deviceIdentity());
    auto enrolled = ca.post("/v1/devices", kiosk.enrolment(enrolmentToken()));
    ASSERT_TRUE(enrolled);
    ASSERT_EQ(enrolled->status, 201);
    auto response = protocol::enrolmentResponseFromJson(enrolled->json());
    ASSERT_TRUE(response);
    HttpsClient co(a.port(), deviceIdentity("device2"));
    ASSERT_EQ(co.post("/v1/devices", other.enrolment(enrolmentToken()))->status, 201);
    auto store = [](HttpsClient &c, const Kiosk &k, const std::string &status) {
        const std::string id = newRecordId();
        auto reply = c.post("/v1/registrations",
                            protocol::toJson(k.submission(id, std::nullopt, "AB123456", "staff:1", status)));
        EXPECT_TRUE(reply && reply->status == 200);
        return id;
    };
    auto review = [&ca, &kiosk](const protocol::ReviewPayload &r) {
        return ca.post("/v1/reviews", protocol::toJson(kiosk.signedReview(r))).value_or(HttpReply{});
    };
    const std::string recorded = store(ca, kiosk, "recorded");
    const std::string handedOver = store(ca, kiosk, "manual_review");
    const std::string undecided = store(ca, kiosk, "manual_review");
    const std::string theirs = store(co, other, "recorded");

    const protocol::ReviewPayload decision = kiosk.review(handedOver, "manual_approved", "second_document_checked");
    const protocol::ReviewSubmission signedDecision = kiosk.signedReview(decision);
    auto created = ca.post("/v1/reviews", protocol::toJson(signedDecision));
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 201) << created->body.toStdString();
    auto receipt = protocol::reviewReceiptFromJson(created->json());
    ASSERT_TRUE(receipt);
    EXPECT_TRUE(protocol::verifyReviewReceipt(*receipt, response->receiptKey, decision, signedDecision.review).ok());
    HttpsClient cb(b.port(), deviceIdentity());
    auto replay = cb.post("/v1/reviews", protocol::toJson(signedDecision)); // through the other instance
    ASSERT_TRUE(replay);
    EXPECT_EQ(replay->status, 200);
    EXPECT_EQ(replay->headers.value("simkyc-replay"), "1");
    EXPECT_EQ(replay->body, created->body);
    protocol::ReviewPayload changed = decision;
    changed.reason = "documents_checked_in_person";
    EXPECT_EQ(review(changed).status, 409);
    EXPECT_EQ(review(kiosk.review(newRecordId())).status, 404);
    EXPECT_EQ(review(kiosk.review(theirs)).status, 404);
    EXPECT_EQ(review(kiosk.review(recorded, "manual_rejected", "customer_left")).status, 400);
    EXPECT_EQ(review(kiosk.review(undecided, "approved", "checked")).status, 400) << "the identity decision first";
    EXPECT_EQ(review(kiosk.review(handedOver, "manual_rejected", "customer_left")).status, 409) << "decided once";
    EXPECT_EQ(review(kiosk.review(handedOver, "approved", "checked")).status, 201) << "then the day-end check";
    protocol::ReviewSubmission forged = kiosk.signedReview(kiosk.review(recorded));
    forged.signature[0] ^= 1;
    EXPECT_EQ(ca.post("/v1/reviews", protocol::toJson(forged))->status, 422);

    std::vector<QJsonObject> same, mine, others;
    for (int i = 0; i < 30; ++i) {
        const std::string record = store(ca, kiosk, "recorded");
        same.push_back(protocol::toJson(kiosk.signedReview(kiosk.review(record))));
        protocol::ReviewPayload r = kiosk.review(record, "flagged", "other");
        mine.push_back(protocol::toJson(kiosk.signedReview(r)));
        r.reason = "customer_behaviour";
        others.push_back(protocol::toJson(kiosk.signedReview(r)));
    }
    auto race = [](quint16 port, const std::vector<QJsonObject> &first, const std::vector<QJsonObject> &then) {
        HttpsClient c(port, deviceIdentity());
        std::vector<HttpReply> out;
        for (const auto *list : {&first, &then})
            for (const QJsonObject &body : *list)
                out.push_back(c.post("/v1/reviews", body).value_or(HttpReply{}));
        return out;
    };
    auto fromA = std::async(std::launch::async, race, a.port(), same, mine);
    auto fromB = std::async(std::launch::async, race, b.port(), same, others);
    const std::vector<HttpReply> ra = fromA.get(), rb = fromB.get();
    ASSERT_EQ(ra.size(), 60u);
    ASSERT_EQ(rb.size(), 60u);
    for (std::size_t i = 0; i < 30; ++i) {
        EXPECT_EQ(ra[i].status + rb[i].status, 201 + 200) << "one stored, one replayed: item " << i;
        EXPECT_EQ(ra[i].body, rb[i].body) << "one receipt: item " << i;
    }
    for (std::size_t i = 30; i < 60; ++i)
        EXPECT_EQ(ra[i].status + rb[i].status, 201 + 409) << "one stored, one conflict: item " << i;
    const QJsonArray listed =
        runCli({"list", "--db", qs(url), "--json", "--limit", "1000"}).json()["records"].toArray();
    int reviews = 0;
    for (const QJsonValue &r : listed)
        reviews += static_cast<int>(r["reviews"].toArray().size());
    EXPECT_EQ(reviews, 2 + 30 + 30);
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

// POST /v1/deactivations on PostgreSQL, through two instances at once: the same number cancelled
// twice under two review ids frees one place, not two (the record's lock serialises them).
TEST_F(PostgresTest, ANumberCancelledTwiceAtOnceFreesOnePlace)
{
    REQUIRE_CLUSTER();
    const std::string url = freshDatabase();
    ServerProcess a(url), b(url);
    ASSERT_TRUE(a.ok() && b.ok());
    Kiosk kiosk;
    HttpsClient ca(a.port(), deviceIdentity());
    ASSERT_EQ(ca.post("/v1/devices", kiosk.enrolment(enrolmentToken()))->status, 201);
    const std::string index = quotaIndexFor("CANCELLED-TWICE");
    const auto submit = [&] {
        const std::string id = newRecordId();
        auto reply = ca.post("/v1/registrations", protocol::toJson(kiosk.submission(id, index)));
        return std::make_pair(id, reply ? reply->json()["decision"].toString().toStdString() : std::string());
    };
    std::vector<std::string> numbers;
    for (int i = 0; i < core::kQuotaLimit; ++i)
        numbers.push_back(submit().first);
    EXPECT_EQ(submit().second, "quota_exceeded");
    std::vector<QJsonObject> first, second;
    for (const std::string &number : numbers) {
        first.push_back(protocol::toJson(kiosk.signedReview(kiosk.review(number, "cancelled", "customer_request"))));
        second.push_back(protocol::toJson(kiosk.signedReview(kiosk.review(number, "cancelled", "lost_or_stolen"))));
    }
    auto race = [](quint16 port, const std::vector<QJsonObject> &bodies) {
        HttpsClient c(port, deviceIdentity());
        std::vector<int> out;
        for (const QJsonObject &body : bodies)
            out.push_back(c.post("/v1/deactivations", body).value_or(HttpReply{}).status);
        return out;
    };
    auto fromA = std::async(std::launch::async, race, a.port(), first);
    auto fromB = std::async(std::launch::async, race, b.port(), second);
    const std::vector<int> ra = fromA.get(), rb = fromB.get();
    ASSERT_EQ(ra.size(), numbers.size());
    ASSERT_EQ(rb.size(), numbers.size());
    for (std::size_t i = 0; i < numbers.size(); ++i)
        EXPECT_EQ(ra[i] + rb[i], 201 + 409) << "one cancellation stored, the other a conflict: number " << i;
    for (int i = 0; i < core::kQuotaLimit; ++i)
        EXPECT_EQ(submit().second, "accepted") << "place " << i;
    // holds_slot is a flag, so a second stored cancellation could not free a second place anyway: the
    // 201 + 409 pairs above are what show the lock; this shows the five places came back, no more.
    EXPECT_EQ(submit().second, "quota_exceeded") << "five cancelled numbers free five places";
}

// The 1:N face search's back-office run on PostgreSQL (face_search_scenario.h).
TEST_F(PostgresTest, TheFaceSearchFindsOneFaceUnderSeveralIdNumbers)
{
    REQUIRE_CLUSTER();
    simkyc::test::TempDir dir;
    faceSearchScenario(freshDatabase(), dir.path());
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

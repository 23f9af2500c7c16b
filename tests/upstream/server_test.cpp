// The real server on loopback with real TLS: enrolment, submissions, replays, conflicts, refusals.
#include "protocol/quota_check.h"
#include "upstream_fixture.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <iostream>

namespace simkyc::upstream::test {
namespace {

struct ServerTest : ::testing::Test {
    simkyc::test::TempDir dir;
    std::string db = "sqlite:" + (dir.path() / "upstream.db").string();
    std::unique_ptr<ServerProcess> server;
    Kiosk kiosk;

    void SetUp() override
    {
        server = std::make_unique<ServerProcess>(db);
        ASSERT_TRUE(server->ok());
    }

    HttpsClient client(const std::string &identity = "device") const
    {
        return HttpsClient(server->port(), deviceIdentity(identity));
    }
};

TEST_F(ServerTest, HealthNeedsAClientCertificateAndReportsLimits)
{
    HttpsClient c = client();
    auto reply = c.request("GET", "/v1/health");
    ASSERT_TRUE(reply) << c.lastError().toStdString();
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->json()["status"].toString(), "ok");
    EXPECT_EQ(reply->json()["db"].toString(), "sqlite");
    EXPECT_EQ(reply->json()["max_batch"].toInt(), 200);
    EXPECT_GT(reply->json()["max_body_bytes"].toInteger(), 1000000);
    // Keep-alive: a second request on the same connection.
    auto again = c.request("GET", "/v1/health");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 200);
}

TEST_F(ServerTest, UntrustedExpiredOrMissingClientCertificatesAreRefused)
{
    for (const char *identity : {"rogue/device", "expired/device"}) {
        HttpsClient c = client(identity);
        EXPECT_FALSE(c.request("GET", "/v1/health")) << identity;
    }
    HttpsClient anonymous(server->port(), std::nullopt);
    EXPECT_FALSE(anonymous.request("GET", "/v1/health"));
    EXPECT_TRUE(client().request("GET", "/v1/health")); // the server still serves good clients
    const QByteArray log = server->stderrText();
    EXPECT_EQ(server->stop(), 0) << log.toStdString();
}

TEST_F(ServerTest, Tls12IsRefusedUnlessAllowed)
{
    const auto ca = pkiDir() / "ca.crt";
    EXPECT_FALSE(HttpsClient(server->port(), deviceIdentity(), ca, QSsl::TlsV1_2).request("GET", "/v1/health"));
    EXPECT_TRUE(HttpsClient(server->port(), deviceIdentity(), ca, QSsl::TlsV1_3).request("GET", "/v1/health"));
    ServerProcess old(db, {"--tls-min", "1.2"});
    ASSERT_TRUE(old.ok());
    EXPECT_TRUE(HttpsClient(old.port(), deviceIdentity(), ca, QSsl::TlsV1_2).request("GET", "/v1/health"));
}

TEST_F(ServerTest, EnrolmentChecksTokenAndBindsKeyAndCertificate)
{
    HttpsClient c = client();
    auto bad = c.post("/v1/devices", kiosk.enrolment("wrong-token"));
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 403);
    EXPECT_EQ(bad->json()["error"].toString(), "bad_token");

    auto first = c.post("/v1/devices", kiosk.enrolment(enrolmentToken()));
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, 201) << first->body.toStdString();
    auto response = protocol::enrolmentResponseFromJson(first->json());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->deviceId, kiosk.deviceId());
    EXPECT_EQ(response->quotaKey.size(), 32u);

    auto again = c.post("/v1/devices", kiosk.enrolment(enrolmentToken()));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 200);
    EXPECT_EQ(again->json()["enrolled_at"], first->json()["enrolled_at"]);
    EXPECT_EQ(again->json()["quota_key"], first->json()["quota_key"]);

    // The same device id from another client certificate: the operator's decision, not the kiosk's.
    HttpsClient other = client("device2");
    auto moved = other.post("/v1/devices", kiosk.enrolment(enrolmentToken()));
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->status, 409);
    EXPECT_EQ(moved->json()["error"].toString(), "conflict");

    // A device id that is not the signing key's is malformed.
    QJsonObject forged = kiosk.enrolment(enrolmentToken());
    forged["signing_key"] = QString::fromStdString(crypto::toHex(Kiosk().key.publicKey));
    auto malformed = c.post("/v1/devices", forged);
    ASSERT_TRUE(malformed);
    EXPECT_EQ(malformed->status, 400);
}

TEST_F(ServerTest, SubmissionGetsAVerifiableReceiptAndReplaysAreByteIdentical)
{
    HttpsClient c = client();
    const crypto::Ed25519PublicKey receiptKey = enrolKiosk(c, kiosk);
    const std::string id = newRecordId();
    const protocol::Submission s = kiosk.submission(id, quotaIndexFor("AB1"));
    auto reply = c.post("/v1/registrations", protocol::toJson(s));
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200) << reply->body.toStdString();
    EXPECT_FALSE(reply->headers.contains("simkyc-replay"));
    auto receipt = protocol::receiptFromJson(reply->json());
    ASSERT_TRUE(receipt);
    EXPECT_TRUE(protocol::verifyReceipt(*receipt, receiptKey, id, s.payload).ok());
    EXPECT_EQ(receipt->decision, protocol::Decision::Accepted);
    EXPECT_EQ(receipt->activeCount, 1);

    auto replay = c.post("/v1/registrations", protocol::toJson(s));
    ASSERT_TRUE(replay);
    EXPECT_EQ(replay->status, 200);
    EXPECT_EQ(replay->headers.value("simkyc-replay"), "1");
    EXPECT_EQ(replay->body, reply->body); // byte for byte

    auto status = c.request("GET", "/v1/registrations/" + QByteArray::fromStdString(id) + "/status");
    ASSERT_TRUE(status);
    EXPECT_EQ(status->json()["state"].toString(), "stored");
    EXPECT_EQ(QJsonDocument(status->json()["receipt"].toObject()).toJson(QJsonDocument::Compact), reply->body);
    auto unknown = c.request("GET", "/v1/registrations/" + QByteArray::fromStdString(newRecordId()) + "/status");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->json()["state"].toString(), "unknown");
    // Another device may not ask about this record.
    HttpsClient stranger = client("device2");
    auto foreign = stranger.request("GET", "/v1/registrations/" + QByteArray::fromStdString(id) + "/status");
    ASSERT_TRUE(foreign);
    EXPECT_EQ(foreign->status, 404);
}

TEST_F(ServerTest, ADifferentBodyUnderAStoredRecordIdIsAConflict)
{
    HttpsClient c = client();
    enrolKiosk(c, kiosk);
    const std::string id = newRecordId();
    const protocol::Submission first = kiosk.submission(id);
    ASSERT_EQ(c.post("/v1/registrations", protocol::toJson(first))->status, 200);
    auto conflict = c.post("/v1/registrations", protocol::toJson(kiosk.submission(id, std::nullopt, "AB1", "staff:2")));
    ASSERT_TRUE(conflict);
    EXPECT_EQ(conflict->status, 409);
    EXPECT_EQ(conflict->json()["error"].toString(), "conflict");
    EXPECT_EQ(conflict->json()["stored_sha256"].toString().toStdString(), crypto::toHex(crypto::sha256(first.payload)));
}

TEST_F(ServerTest, BadSignatureBadBlobAndStrangersAreRefused)
{
    HttpsClient c = client();
    enrolKiosk(c, kiosk);
    protocol::Submission s = kiosk.submission(newRecordId());
    s.signature[0] ^= 1;
    auto badSignature = c.post("/v1/registrations", protocol::toJson(s));
    ASSERT_TRUE(badSignature);
    EXPECT_EQ(badSignature->status, 422);
    EXPECT_EQ(badSignature->json()["error"].toString(), "bad_signature");

    protocol::Submission blob = kiosk.submission(newRecordId());
    blob.pii.back() ^= 1; // the signature covers the payload, which names the blob's hash
    auto badBlob = c.post("/v1/registrations", protocol::toJson(blob));
    ASSERT_TRUE(badBlob);
    EXPECT_EQ(badBlob->status, 400);
    EXPECT_EQ(badBlob->json()["error"].toString(), "bad_request");

    Kiosk stranger;
    auto notEnrolled = c.post("/v1/registrations", protocol::toJson(stranger.submission(newRecordId())));
    ASSERT_TRUE(notEnrolled);
    EXPECT_EQ(notEnrolled->status, 403);
    EXPECT_EQ(notEnrolled->json()["error"].toString(), "device_not_enrolled");

    HttpsClient otherCert = client("device2");
    auto mismatch = otherCert.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId())));
    ASSERT_TRUE(mismatch);
    EXPECT_EQ(mismatch->status, 403);
    EXPECT_EQ(mismatch->json()["error"].toString(), "certificate_mismatch");

    auto garbage = c.request("POST", "/v1/registrations", "{not json");
    ASSERT_TRUE(garbage);
    EXPECT_EQ(garbage->status, 400);
    EXPECT_EQ(runCli({"count", "--db", QString::fromStdString(db), "--json"}).json()["records"].toInt(), 0);
}

TEST_F(ServerTest, BatchItemsFailAloneAndOversizedBatchesAreRefused)
{
    HttpsClient c = client();
    enrolKiosk(c, kiosk);
    protocol::Submission bad = kiosk.submission(newRecordId());
    bad.signature[5] ^= 1;
    const protocol::Submission good1 = kiosk.submission(newRecordId());
    const protocol::Submission good2 = kiosk.submission(newRecordId());
    auto reply = c.post("/v1/registrations:batch",
                        batchOf({protocol::toJson(good1), protocol::toJson(bad), QJsonObject{{"payload", 1}},
                                 protocol::toJson(good2), protocol::toJson(good1)}));
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200) << reply->body.toStdString();
    const QJsonArray results = reply->json()["results"].toArray();
    ASSERT_EQ(results.size(), 5);
    EXPECT_EQ(results[0]["status"].toInt(), 200);
    EXPECT_TRUE(protocol::receiptFromJson(results[0]["receipt"].toObject()).ok());
    EXPECT_EQ(results[1]["status"].toInt(), 422);
    EXPECT_EQ(results[1]["error"].toString(), "bad_signature");
    EXPECT_EQ(results[2]["status"].toInt(), 400);
    EXPECT_EQ(results[3]["status"].toInt(), 200);
    EXPECT_EQ(results[4]["status"].toInt(), 200); // the same record again in one batch: a replay
    EXPECT_TRUE(results[4]["replay"].toBool());
    EXPECT_EQ(results[4]["receipt"], results[0]["receipt"]);
    EXPECT_EQ(runCli({"count", "--db", QString::fromStdString(db), "--json"}).json()["records"].toInt(), 2);

    std::vector<QJsonObject> many(201, protocol::toJson(good1));
    auto tooMany = c.post("/v1/registrations:batch", batchOf(many));
    ASSERT_TRUE(tooMany);
    EXPECT_EQ(tooMany->status, 413);
    EXPECT_EQ(tooMany->json()["error"].toString(), "too_large");
}

TEST_F(ServerTest, TheSixthAcceptedNumberForOnePersonIsQuotaExceeded)
{
    HttpsClient c = client();
    enrolKiosk(c, kiosk);
    const std::string index = quotaIndexFor("SAME-PERSON");
    std::vector<QJsonObject> items;
    for (int i = 0; i < 4; ++i)
        items.push_back(protocol::toJson(kiosk.submission(newRecordId(), index)));
    auto batch = c.post("/v1/registrations:batch", batchOf(items));
    ASSERT_TRUE(batch);
    for (const QJsonValue &r : batch->json()["results"].toArray())
        EXPECT_EQ(r["receipt"]["decision"].toString(), "accepted");
    auto fifth = c.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId(), index)));
    ASSERT_TRUE(fifth);
    EXPECT_EQ(fifth->json()["decision"].toString(), "accepted");
    EXPECT_EQ(fifth->json()["active_count"].toInt(), 5);
    auto sixth = c.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId(), index)));
    ASSERT_TRUE(sixth);
    EXPECT_EQ(sixth->status, 200);
    EXPECT_EQ(sixth->json()["decision"].toString(), "quota_exceeded");
    EXPECT_EQ(sixth->json()["active_count"].toInt(), 5);
    auto other = c.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId(), quotaIndexFor("X"))));
    ASSERT_TRUE(other);
    EXPECT_EQ(other->json()["decision"].toString(), "accepted");
}

TEST_F(ServerTest, FailedAttemptsWithSomeonesIdCardDoNotUseUpTheirQuota)
{
    // The attack: an impostor holding the victim's ID card fails the face check at one shop after
    // another. Every attempt reaches the carrier; before, each was counted as one of the victim's
    // five numbers, and the victim was refused a SIM of their own.
    HttpsClient c = client();
    enrolKiosk(c, kiosk);
    const std::string victim = quotaIndexFor("VICTIM");
    for (int i = 0; i < 6; ++i) {
        auto failed = c.post("/v1/registrations",
                             protocol::toJson(kiosk.submission(newRecordId(), victim, "VICTIM", "staff:1", "recorded",
                                                               i % 2 == 0 ? "no_match" : "manual_rejected")));
        ASSERT_TRUE(failed);
        EXPECT_EQ(failed->status, 200) << "kept for the record: " << failed->body.toStdString();
        EXPECT_EQ(failed->json()["decision"].toString(), "unchecked");
        EXPECT_EQ(failed->json()["active_count"].toInt(), 0);
    }
    auto own = c.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId(), victim, "VICTIM")));
    ASSERT_TRUE(own);
    EXPECT_EQ(own->json()["decision"].toString(), "accepted") << own->body.toStdString();
    EXPECT_EQ(own->json()["active_count"].toInt(), 1);
}

TEST_F(ServerTest, AQuotaCheckGetsTheCarriersCountSignedForItsNonce)
{
    HttpsClient c = client();
    const crypto::Ed25519PublicKey receiptKey = enrolKiosk(c, kiosk);
    const std::string person = quotaIndexFor("FIVE-NUMBERS");
    for (int i = 0; i < 5; ++i)
        ASSERT_EQ(c.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId(), person)))->status, 200);
    // Failed attempts are not counted here either.
    ASSERT_EQ(c.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId(), person, "FIVE-NUMBERS",
                                                                            "staff:1", "recorded", "no_match")))
                  ->status,
              200);
    const auto ask = [&](const std::string &index) {
        auto asked = protocol::signQuotaCheck(kiosk.key.privateKey, kiosk.deviceId(), index);
        EXPECT_TRUE(asked);
        auto reply = c.post("/v1/quota-checks", protocol::toJson(*asked));
        EXPECT_TRUE(reply && reply->status == 200) << (reply ? reply->body.toStdString() : "no answer");
        auto answer = protocol::quotaAnswerFromJson(reply ? reply->json() : QJsonObject{});
        EXPECT_TRUE(answer) << (reply ? reply->body.toStdString() : "");
        if (answer) {
            EXPECT_TRUE(protocol::verifyQuotaAnswer(*answer, receiptKey, *asked));
        }
        return answer ? *answer : protocol::QuotaAnswer{};
    };
    const protocol::QuotaAnswer full = ask(person);
    EXPECT_FALSE(full.allowed);
    EXPECT_EQ(full.activeCount, 5);
    EXPECT_EQ(full.limit, 5);
    const protocol::QuotaAnswer fresh = ask(quotaIndexFor("NOBODY-YET"));
    EXPECT_TRUE(fresh.allowed);
    EXPECT_EQ(fresh.activeCount, 0);

    // A check signed by a key that is not the enrolled device's, and one from a device never enrolled.
    auto forged = protocol::signQuotaCheck(crypto::generateEd25519KeyPair()->privateKey, kiosk.deviceId(), person);
    ASSERT_TRUE(forged);
    auto refused = c.post("/v1/quota-checks", protocol::toJson(*forged));
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_EQ(refused->json()["error"].toString(), "bad_signature");
    Kiosk stranger;
    auto unknown = protocol::signQuotaCheck(stranger.key.privateKey, stranger.deviceId(), person);
    auto notEnrolled = c.post("/v1/quota-checks", protocol::toJson(*unknown));
    ASSERT_TRUE(notEnrolled);
    EXPECT_EQ(notEnrolled->status, 403);
    EXPECT_EQ(notEnrolled->json()["error"].toString(), "device_not_enrolled");
    auto get = c.request("GET", "/v1/quota-checks");
    ASSERT_TRUE(get);
    EXPECT_EQ(get->status, 405);
}

TEST_F(ServerTest, ARegistrationWithoutAQuotaIndexIsRefused)
{
    // The forged request: a signed submission that leaves its quota index out. Before, it was stored
    // and acknowledged as "unchecked": a number outside every person's quota.
    HttpsClient c = client();
    enrolKiosk(c, kiosk);
    auto outside = c.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId(), Kiosk::kNoQuotaIndex)));
    ASSERT_TRUE(outside);
    EXPECT_EQ(outside->status, 422) << outside->body.toStdString();
    EXPECT_EQ(outside->json()["error"].toString(), "quota_index_required");
    // Nor in a batch, where the others go through.
    auto batch = c.post("/v1/registrations:batch",
                        batchOf({protocol::toJson(kiosk.submission(newRecordId(), Kiosk::kNoQuotaIndex)),
                                 protocol::toJson(kiosk.submission(newRecordId()))}));
    ASSERT_TRUE(batch);
    const QJsonArray results = batch->json()["results"].toArray();
    ASSERT_EQ(results.size(), 2);
    EXPECT_EQ(results[0]["status"].toInt(), 422);
    EXPECT_EQ(results[1]["status"].toInt(), 200);
}

TEST_F(ServerTest, MalformedAndOversizedRequestsAreAnsweredAndClosed)
{
    HttpsClient c = client();
    auto chunked = c.raw("POST /v1/registrations HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    ASSERT_TRUE(chunked);
    EXPECT_EQ(chunked->status, 400);
    HttpsClient c2 = client();
    auto huge = c2.raw("POST /v1/registrations HTTP/1.1\r\nContent-Length: 999999999999\r\n\r\n");
    ASSERT_TRUE(huge);
    EXPECT_EQ(huge->status, 413);
    HttpsClient c3 = client();
    auto unknown = c3.request("GET", "/v2/nothing");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    EXPECT_EQ(unknown->json()["error"].toString(), "not_found");
}

TEST_F(ServerTest, TheLogNamesRequestsButNeverBodies)
{
    HttpsClient c = client();
    enrolKiosk(c, kiosk);
    ASSERT_EQ(c.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId(), std::nullopt, "PLANTED-ID")))
                  ->status,
              200);
    server->stop();
    const QByteArray log = server->stderrText();
    EXPECT_TRUE(log.contains("POST /v1/registrations 200")) << log.toStdString();
    EXPECT_TRUE(log.contains(QByteArray::fromStdString(kiosk.deviceId())));
    EXPECT_FALSE(log.contains(QByteArray::fromStdString(enrolmentToken())));
    EXPECT_FALSE(log.contains("payload")) << log.toStdString();
}

} // namespace
} // namespace simkyc::upstream::test

namespace simkyc::upstream::test {
namespace {

// Not a benchmark (the kiosk side measures throughput), a floor: batches of 200 on SQLite over
// loopback TLS. Prints the rate; fails only far below the >2000 records/s aim (shared CI machines).
TEST_F(ServerTest, BatchesOf200AreFast)
{
    HttpsClient c = client();
    enrolKiosk(c, kiosk);
    constexpr int kBatches = 10;
    const double rate = batchRate(c, kiosk, kBatches);
    std::cout << "[ rate     ] " << static_cast<int>(rate) << " records/s (" << kBatches
              << " batches of 200, 4 KiB biometrics, SQLite, loopback TLS)\n";
    RecordProperty("records_per_second", static_cast<int>(rate));
    EXPECT_GT(rate, 400.0);
    EXPECT_EQ(runCli({"count", "--db", QString::fromStdString(db), "--json"}).json()["records"].toInt(),
              kBatches * 200);
}

} // namespace
} // namespace simkyc::upstream::test

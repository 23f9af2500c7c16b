// POST /v1/reviews on the real server (SQLite, loopback, mutual TLS): the documented checks in
// order, the signed review receipt, byte-identical replays, conflicts, two instances on one file.
#include "core/quota.h"
#include "upstream_fixture.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <future>

namespace simkyc::upstream::test {
namespace {

QByteArray qbytes(const protocol::Bytes &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size()));
}

struct UpstreamReviewTest : ::testing::Test {
    simkyc::test::TempDir dir;
    std::string db = "sqlite:" + (dir.path() / "upstream.db").string();
    std::unique_ptr<ServerProcess> server;
    Kiosk kiosk;
    std::optional<HttpsClient> c;
    crypto::Ed25519PublicKey receiptKey{};

    void SetUp() override
    {
        server = std::make_unique<ServerProcess>(db);
        ASSERT_TRUE(server->ok());
        c.emplace(server->port(), deviceIdentity());
        receiptKey = enrolKiosk(*c, kiosk);
    }

    // A registration of `k` stored upstream through `client`; its record id.
    static std::string stored(HttpsClient &client, const Kiosk &k, const std::string &status = "recorded")
    {
        const std::string id = newRecordId();
        auto reply = client.post("/v1/registrations",
                                 protocol::toJson(k.submission(id, std::nullopt, "AB123456", "staff:1", status)));
        EXPECT_TRUE(reply && reply->status == 200) << (reply ? reply->body.toStdString() : "no answer");
        return id;
    }

    std::optional<HttpReply> send(const protocol::ReviewSubmission &s)
    {
        return c->post("/v1/reviews", protocol::toJson(s));
    }
    std::optional<HttpReply> send(const protocol::ReviewPayload &r) { return send(kiosk.signedReview(r)); }
};

TEST_F(UpstreamReviewTest, NewReviewGetsAVerifiableReceiptAndReplaysAreByteIdentical)
{
    const std::string record = stored(*c, kiosk);
    const protocol::ReviewPayload review = kiosk.review(record, "flagged", "photo_mismatch");
    const protocol::ReviewSubmission s = kiosk.signedReview(review);
    auto first = send(s);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->status, 201) << first->body.toStdString();
    EXPECT_FALSE(first->headers.contains("simkyc-replay"));
    auto receipt = protocol::reviewReceiptFromJson(first->json());
    ASSERT_TRUE(receipt) << first->body.toStdString();
    EXPECT_TRUE(protocol::verifyReviewReceipt(*receipt, receiptKey, review, s.review).ok());
    EXPECT_EQ(receipt->reviewId, review.reviewId);
    EXPECT_EQ(receipt->recordId, record);
    EXPECT_EQ(receipt->storedSha256, crypto::toHex(crypto::sha256(s.review)));
    // A receipt under another key, or for other bytes, does not verify.
    EXPECT_FALSE(protocol::verifyReviewReceipt(*receipt, Kiosk().key.publicKey, review, s.review).ok());

    auto replay = send(kiosk.signedReview(review)); // the kiosk's next try: the same bytes again
    ASSERT_TRUE(replay);
    EXPECT_EQ(replay->status, 200);
    EXPECT_EQ(replay->headers.value("simkyc-replay"), "1");
    EXPECT_EQ(replay->body, first->body); // byte for byte

    // `list` shows the record's review (ids and codes, never the bytes).
    const QJsonArray records =
        runCli({"list", "--db", QString::fromStdString(db), "--json"}).json()["records"].toArray();
    ASSERT_EQ(records.size(), 1);
    const QJsonArray reviews = records[0]["reviews"].toArray();
    ASSERT_EQ(reviews.size(), 1);
    EXPECT_EQ(reviews[0]["review_id"].toString().toStdString(), review.reviewId);
    EXPECT_EQ(reviews[0]["decision"].toString(), "flagged");
    EXPECT_EQ(reviews[0]["reason"].toString(), "photo_mismatch");
    EXPECT_EQ(reviews[0]["review_sha256"].toString().toStdString(), receipt->storedSha256);
}

TEST_F(UpstreamReviewTest, OtherBytesUnderAStoredReviewIdAreAConflict)
{
    const std::string record = stored(*c, kiosk);
    protocol::ReviewPayload review = kiosk.review(record, "flagged", "photo_mismatch");
    const protocol::ReviewSubmission first = kiosk.signedReview(review);
    auto stored = send(first);
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->status, 201) << stored->body.toStdString();
    review.reason = "document_suspect"; // another decision under the same review id
    auto conflict = send(review);
    ASSERT_TRUE(conflict);
    EXPECT_EQ(conflict->status, 409) << conflict->body.toStdString();
    EXPECT_EQ(conflict->json()["error"].toString(), "conflict");
    EXPECT_EQ(conflict->json()["stored_sha256"].toString().toStdString(), crypto::toHex(crypto::sha256(first.review)));
    // Nothing changed: the first bytes still replay to the first receipt.
    auto replay = send(first);
    ASSERT_TRUE(replay);
    EXPECT_EQ(replay->status, 200);
    EXPECT_EQ(replay->body, stored->body);
}

TEST_F(UpstreamReviewTest, AnUnknownRecordIsNotFound)
{
    auto reply = send(kiosk.review(newRecordId()));
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 404) << reply->body.toStdString();
    EXPECT_EQ(reply->json()["error"].toString(), "not_found");
}

TEST_F(UpstreamReviewTest, AnotherDevicesRecordIsNotFound)
{
    Kiosk other;
    HttpsClient otherClient(server->port(), deviceIdentity("device2"));
    enrolKiosk(otherClient, other);
    const std::string theirs = stored(otherClient, other);
    auto reply = send(kiosk.review(theirs)); // our device, our certificate, their record
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 404) << reply->body.toStdString();
    EXPECT_EQ(reply->json()["error"].toString(), "not_found");
    // The owner may review it.
    auto own = otherClient.post("/v1/reviews", protocol::toJson(other.signedReview(other.review(theirs))));
    ASSERT_TRUE(own);
    EXPECT_EQ(own->status, 201) << own->body.toStdString();
}

TEST_F(UpstreamReviewTest, TheDecisionMustFitTheStoredRegistration)
{
    const std::string recorded = stored(*c, kiosk);
    const std::string handedOver = stored(*c, kiosk, "manual_review");
    struct Case {
        std::string record;
        std::string decision;
        std::string reason;
        int status;
    };
    const std::vector<Case> cases{
        {recorded, "manual_approved", "documents_checked_in_person", 400}, // manual only for manual_review
        {recorded, "manual_rejected", "customer_left", 400},
        {handedOver, "approved", "checked", 400}, // the end-of-day check is not the identity decision
        {handedOver, "flagged", "other", 400},
        {recorded, "approved", "customer_left", 400}, // a reason of another decision
        {recorded, "approved", "checked", 201},
        {handedOver, "manual_rejected", "identity_not_confirmed", 201},
        // After the identity decision, as on the kiosk: the end-of-day check, but no second decision.
        {handedOver, "flagged", "document_suspect", 201},
        {handedOver, "manual_approved", "documents_checked_in_person", 409},
    };
    for (const Case &k : cases) {
        auto reply = send(kiosk.review(k.record, k.decision, k.reason));
        ASSERT_TRUE(reply);
        EXPECT_EQ(reply->status, k.status) << k.decision << "/" << k.reason << ": " << reply->body.toStdString();
        if (k.status == 400) {
            EXPECT_EQ(reply->json()["error"].toString(), "bad_request");
        }
        if (k.status == 409) {
            EXPECT_EQ(reply->json()["error"].toString(), "conflict");
        }
    }
}

TEST_F(UpstreamReviewTest, AHandOverHoldsAQuotaSlotUntilTheManagerRejectsIt)
{
    const std::string person = quotaIndexFor("HANDED-OVER");
    const auto submit = [&](const std::string &status) {
        const std::string id = newRecordId();
        auto reply = c->post("/v1/registrations",
                             protocol::toJson(kiosk.submission(id, person, "HANDED-OVER", "staff:1", status)));
        EXPECT_TRUE(reply && reply->status == 200) << (reply ? reply->body.toStdString() : "no answer");
        return std::make_pair(id, reply ? reply->json()["decision"].toString().toStdString() : std::string());
    };
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(submit("recorded").second, "accepted");
    const auto [handedOver, decision] = submit("manual_review");
    EXPECT_EQ(decision, "accepted") << "the fifth place, held while the manager decides";
    EXPECT_EQ(submit("recorded").second, "quota_exceeded");
    auto rejected = send(kiosk.review(handedOver, "manual_rejected", "identity_not_confirmed"));
    ASSERT_TRUE(rejected);
    EXPECT_EQ(rejected->status, 201) << rejected->body.toStdString();
    EXPECT_EQ(submit("recorded").second, "accepted") << "the rejection freed the place";
}

// Four eyes at the carrier: a hand-over approved by the staff member who registered the customer is
// refused, however the kiosk let it through (an old kiosk, a row written into its database and signed
// by its sync); the same person may still reject it, and another manager may approve it.
TEST_F(UpstreamReviewTest, AHandOverApprovedByTheStaffMemberWhoRegisteredItIsRefused)
{
    const std::string handedOver = stored(*c, kiosk, "manual_review"); // registered by staff:1
    protocol::ReviewPayload own = kiosk.review(handedOver, "manual_approved", "documents_checked_in_person");
    own.reviewer = "staff:1";
    auto refused = send(own);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400) << refused->body.toStdString();
    EXPECT_TRUE(refused->json()["message"].toString().contains("four eyes")) << refused->body.toStdString();
    auto other = send(kiosk.review(handedOver, "manual_approved", "documents_checked_in_person")); // staff:2
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 201) << other->body.toStdString();

    const std::string second = stored(*c, kiosk, "manual_review");
    protocol::ReviewPayload ownRejection = kiosk.review(second, "manual_rejected", "identity_not_confirmed");
    ownRejection.reviewer = "staff:1";
    auto rejected = send(ownRejection);
    ASSERT_TRUE(rejected);
    EXPECT_EQ(rejected->status, 201) << "rejecting one's own hand-over issues nothing: "
                                     << rejected->body.toStdString();
}

// POST /v1/deactivations: a cancelled number frees its person's place, once, and only a number that
// was issued, sent by the kiosk that registered it, at that endpoint.
TEST_F(UpstreamReviewTest, ADeactivationFreesAQuotaPlaceOnceAndOnlyForAnIssuedNumber)
{
    const std::string person = quotaIndexFor("CANCELLED");
    const auto submit = [&](const std::string &status = "recorded", const std::string &outcome = "") {
        const std::string id = newRecordId();
        auto reply = c->post("/v1/registrations",
                             protocol::toJson(kiosk.submission(id, person, "CANCELLED", "staff:1", status, outcome)));
        EXPECT_TRUE(reply && reply->status == 200) << (reply ? reply->body.toStdString() : "no answer");
        return std::make_pair(id, reply ? reply->json()["decision"].toString().toStdString() : std::string());
    };
    const auto deactivate = [&](const protocol::ReviewSubmission &s) {
        return c->post("/v1/deactivations", protocol::toJson(s)).value_or(HttpReply{});
    };
    std::vector<std::string> numbers;
    for (int i = 0; i < core::kQuotaLimit; ++i)
        numbers.push_back(submit().first);
    const std::string failed = submit("recorded", "no_match").first;
    const auto [refused, refusedDecision] = submit();
    EXPECT_EQ(refusedDecision, "quota_exceeded");

    // Attacks first. Each is refused and frees nothing.
    const protocol::ReviewPayload cancel = kiosk.review(numbers[0], "cancelled", "customer_request");
    const protocol::ReviewSubmission signedCancel = kiosk.signedReview(cancel);
    auto asReview = send(signedCancel);
    ASSERT_TRUE(asReview);
    EXPECT_EQ(asReview->status, 400) << "a cancellation is not an end-of-day review";
    EXPECT_EQ(deactivate(kiosk.signedReview(kiosk.review(numbers[0], "approved", "checked"))).status, 400)
        << "nor is a review a deactivation";
    protocol::ReviewSubmission forged = signedCancel;
    forged.signature[5] ^= 1;
    EXPECT_EQ(deactivate(forged).status, 422);
    EXPECT_EQ(deactivate(kiosk.signedReview(kiosk.review(failed, "cancelled", "customer_request"))).status, 400)
        << "a failed attempt issued no number";
    EXPECT_EQ(deactivate(kiosk.signedReview(kiosk.review(refused, "cancelled", "customer_request"))).status, 400)
        << "nor did a number the carrier refused (quota_exceeded): cancelling it would free a real place";
    Kiosk other;
    HttpsClient otherClient(server->port(), deviceIdentity("device2"));
    enrolKiosk(otherClient, other);
    auto theirs = otherClient.post(
        "/v1/deactivations",
        protocol::toJson(other.signedReview(other.review(numbers[1], "cancelled", "customer_request"))));
    ASSERT_TRUE(theirs);
    EXPECT_EQ(theirs->status, 404) << "another kiosk cannot cancel this kiosk's numbers";
    EXPECT_EQ(submit().second, "quota_exceeded") << "nothing above freed a place";

    // The real cancellation: a signed receipt, byte-identical on replay, and one place free.
    auto done = deactivate(signedCancel);
    ASSERT_EQ(done.status, 201) << done.body.toStdString();
    auto receipt = protocol::reviewReceiptFromJson(done.json());
    ASSERT_TRUE(receipt);
    EXPECT_TRUE(protocol::verifyReviewReceipt(*receipt, receiptKey, cancel, signedCancel.review).ok());
    auto replay = deactivate(signedCancel);
    EXPECT_EQ(replay.status, 200);
    EXPECT_EQ(replay.body, done.body);
    EXPECT_EQ(submit().second, "accepted") << "the cancelled number's place was free";
    EXPECT_EQ(submit().second, "quota_exceeded") << "one place, not more";
    // The same number cancelled again under a new review id is refused (409); the count is checked too,
    // though a flag could not free a second place anyway.
    auto twice = deactivate(kiosk.signedReview(kiosk.review(numbers[0], "cancelled", "lost_or_stolen")));
    EXPECT_EQ(twice.status, 409) << twice.body.toStdString();
    EXPECT_EQ(submit().second, "quota_exceeded");

    // A hand-over's number exists once the manager approved it.
    ASSERT_EQ(deactivate(kiosk.signedReview(kiosk.review(numbers[1], "cancelled", "fraud_suspected"))).status, 201);
    const std::string handedOver = submit("manual_review").first;
    EXPECT_EQ(deactivate(kiosk.signedReview(kiosk.review(handedOver, "cancelled", "customer_request"))).status, 400);
    ASSERT_EQ(send(kiosk.review(handedOver, "manual_approved", "documents_checked_in_person"))->status, 201);
    EXPECT_EQ(submit().second, "quota_exceeded");
    EXPECT_EQ(deactivate(kiosk.signedReview(kiosk.review(handedOver, "cancelled", "customer_request"))).status, 201);
    EXPECT_EQ(submit().second, "accepted");
}

TEST_F(UpstreamReviewTest, BadSignatureIsRefusedBeforeTheShape)
{
    const std::string record = stored(*c, kiosk);
    protocol::ReviewSubmission s = kiosk.signedReview(kiosk.review(record));
    s.signature[0] ^= 1;
    auto bad = send(s);
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 422) << bad->body.toStdString();
    EXPECT_EQ(bad->json()["error"].toString(), "bad_signature");

    // Signed by another key than the device's enrolled one.
    protocol::ReviewSubmission forged = Kiosk().signedReview(kiosk.review(record));
    auto wrongKey = send(forged);
    ASSERT_TRUE(wrongKey);
    EXPECT_EQ(wrongKey->status, 422);

    // The signature is checked before the shape: a badly signed review of an unknown decision is 422.
    protocol::ReviewPayload odd = kiosk.review(record);
    odd.decision = "maybe";
    protocol::ReviewSubmission oddSigned = kiosk.signedReview(odd);
    auto malformedSigned = send(oddSigned);
    ASSERT_TRUE(malformedSigned);
    EXPECT_EQ(malformedSigned->status, 400); // well signed, badly shaped
    oddSigned.signature[3] ^= 1;
    auto malformedForged = send(oddSigned);
    ASSERT_TRUE(malformedForged);
    EXPECT_EQ(malformedForged->status, 422);
}

TEST_F(UpstreamReviewTest, TheClientCertificateMustBeTheDevicesAndTheBodyWellFormed)
{
    const std::string record = stored(*c, kiosk);
    Kiosk stranger;
    auto notEnrolled = send(stranger.signedReview(stranger.review(record)));
    ASSERT_TRUE(notEnrolled);
    EXPECT_EQ(notEnrolled->status, 403);
    EXPECT_EQ(notEnrolled->json()["error"].toString(), "device_not_enrolled");

    HttpsClient otherCert(server->port(), deviceIdentity("device2"));
    auto mismatch = otherCert.post("/v1/reviews", protocol::toJson(kiosk.signedReview(kiosk.review(record))));
    ASSERT_TRUE(mismatch);
    EXPECT_EQ(mismatch->status, 403);
    EXPECT_EQ(mismatch->json()["error"].toString(), "certificate_mismatch");

    for (const QByteArray &body : {QByteArray("{not json"), QByteArray(R"({"review": 1})"),
                                   protocol::compact(protocol::toJson(protocol::ReviewSubmission{
                                       protocol::Bytes{'[', ']'}, crypto::Ed25519Signature{}}))}) {
        auto reply = c->request("POST", "/v1/reviews", body);
        ASSERT_TRUE(reply);
        EXPECT_EQ(reply->status, 400) << body.toStdString();
        EXPECT_EQ(reply->json()["error"].toString(), "bad_request");
    }
    auto get = c->request("GET", "/v1/reviews");
    ASSERT_TRUE(get);
    EXPECT_EQ(get->status, 405);
}

TEST_F(UpstreamReviewTest, TheLogNamesTheRequestButNeverTheReview)
{
    const std::string record = stored(*c, kiosk);
    protocol::ReviewPayload review = kiosk.review(record);
    review.reviewer = "staff:987654321"; // planted: must not reach the log
    const protocol::ReviewSubmission s = kiosk.signedReview(review);
    ASSERT_EQ(send(s)->status, 201);
    ASSERT_EQ(send(s)->status, 200);
    server->stop();
    const QByteArray log = server->stderrText();
    EXPECT_TRUE(log.contains("POST /v1/reviews 201")) << log.toStdString();
    EXPECT_TRUE(log.contains("POST /v1/reviews 200")) << log.toStdString();
    EXPECT_TRUE(log.contains(QByteArray::fromStdString(kiosk.deviceId())));
    EXPECT_FALSE(log.contains("987654321")) << log.toStdString();
    EXPECT_FALSE(log.contains(qbytes(s.review).toBase64().left(24))) << log.toStdString();
}

TEST_F(UpstreamReviewTest, TwoInstancesOnOneFileStoreEachReviewOnce)
{
    ServerProcess second(db);
    ASSERT_TRUE(second.ok());
    std::vector<QJsonObject> same, mine, theirs;
    for (int i = 0; i < 20; ++i) {
        const std::string record = stored(*c, kiosk);
        same.push_back(protocol::toJson(kiosk.signedReview(kiosk.review(record))));
        protocol::ReviewPayload r = kiosk.review(record, "flagged", "other");
        mine.push_back(protocol::toJson(kiosk.signedReview(r)));
        r.reason = "customer_behaviour";
        theirs.push_back(protocol::toJson(kiosk.signedReview(r)));
    }
    auto race = [](quint16 port, const std::vector<QJsonObject> &first, const std::vector<QJsonObject> &then) {
        HttpsClient client(port, deviceIdentity());
        std::vector<HttpReply> out;
        for (const auto *list : {&first, &then})
            for (const QJsonObject &body : *list)
                out.push_back(client.post("/v1/reviews", body).value_or(HttpReply{}));
        return out;
    };
    auto fromA = std::async(std::launch::async, race, server->port(), same, mine);
    auto fromB = std::async(std::launch::async, race, second.port(), same, theirs);
    const std::vector<HttpReply> a = fromA.get(), b = fromB.get();
    ASSERT_EQ(a.size(), 40u);
    ASSERT_EQ(b.size(), 40u);
    for (std::size_t i = 0; i < 20; ++i) { // the same bytes: one stored them, both hold one receipt
        EXPECT_EQ(a[i].status + b[i].status, 401) << "one 201 and one 200, item " << i;
        EXPECT_EQ(a[i].body, b[i].body) << "item " << i;
    }
    for (std::size_t i = 20; i < 40; ++i) // other bytes under one review id: one stored, one refused
        EXPECT_EQ(a[i].status + b[i].status, 201 + 409) << "item " << i;
}

TEST_F(UpstreamReviewTest, VerifyChecksEveryStoredReviewAndFindsATamperedOne)
{
    const std::string record = stored(*c, kiosk, "manual_review");
    ASSERT_EQ(send(kiosk.review(record, "manual_approved", "documents_checked_in_person"))->status, 201);
    ASSERT_EQ(send(kiosk.review(record, "flagged", "document_suspect"))->status, 201);
    const QString url = QString::fromStdString(db);
    CliResult verified = runCli({"verify", "--db", url, "--json"});
    EXPECT_EQ(verified.exitCode, 0) << verified.out.toStdString();
    EXPECT_EQ(verified.json()["reviews_checked"].toInt(), 2);
    { // Change a stored decision behind the server's back.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper-review"));
        raw.setDatabaseName(QString::fromStdString((dir.path() / "upstream.db").string()));
        ASSERT_TRUE(raw.open());
        QSqlQuery q(raw);
        ASSERT_TRUE(q.exec(QStringLiteral("UPDATE reviews SET decision = 'approved' WHERE decision = 'flagged'")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper-review"));
    CliResult broken = runCli({"verify", "--db", url, "--json"});
    EXPECT_EQ(broken.exitCode, 1);
    const QJsonArray failures = broken.json()["failures"].toArray();
    ASSERT_EQ(failures.size(), 1) << broken.out.toStdString();
    EXPECT_FALSE(failures[0]["review_id"].toString().isEmpty());
}

} // namespace
} // namespace simkyc::upstream::test

// simkyc-upstream face-search: one face under several ID numbers is found, and nothing else.
#include "face_search_scenario.h"

#include "crypto/digest.h"
#include "support/synthetic_faces.h"
#include "upstream/database.h"
#include "upstream_fixture.h"

#include <gtest/gtest.h>

#include <set>

#include <QFile>
#include <QJsonArray>

namespace simkyc::upstream::test {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::int64_t count(const std::string &db, const char *sql)
{
    auto location = parseDbLocation(db);
    auto open = location ? Database::open(*location) : Result<std::unique_ptr<Database>>(location.error());
    if (!open)
        return -1;
    auto q = (*open)->prepared(QString::fromLatin1(sql));
    if (!q || !Database::run(**q) || !(*q)->next())
        return -1;
    const std::int64_t n = (*q)->value(0).toLongLong();
    (*q)->finish();
    return n;
}

std::set<std::pair<std::string, std::string>> pairsIn(const QJsonArray &found)
{
    std::set<std::pair<std::string, std::string>> out;
    for (const QJsonValue &f : found)
        out.emplace(f["record_id"].toString().toStdString(), f["other_record_id"].toString().toStdString());
    return out;
}

} // namespace

void faceSearchScenario(const std::string &db, const std::filesystem::path &workDir)
{
    ServerProcess server(db);
    ASSERT_TRUE(server.ok());
    Kiosk kiosk;
    HttpsClient c(server.port(), deviceIdentity());
    enrolKiosk(c, kiosk);
    simkyc::test::SyntheticFaces faces(7);
    const FaceVector fraudster = faces.person(), alice = faces.person(), bob = faces.person();
    const auto submit = [&](const std::string &person, const FaceVector &face, const std::string &outcome = "") {
        const std::string id = newRecordId();
        auto reply = c.post("/v1/registrations",
                            protocol::toJson(kiosk.submissionWithFace(id, quotaIndexFor(person), face, outcome)));
        EXPECT_TRUE(reply && reply->status == 200) << (reply ? reply->body.toStdString() : "no answer");
        return id;
    };
    // Honest customers: Alice with two numbers on her own card, Bob with one.
    const std::string a1 = submit("ALICE", faces.capture(alice, 0.2F));
    const std::string a2 = submit("ALICE", faces.capture(alice, 0.2F));
    const std::string b1 = submit("BOB", faces.capture(bob, 0.2F));
    // The attack: one face with two stolen ID cards, each a clean match against its (look-alike) photo.
    const std::string f1 = submit("VICTIM-1", faces.capture(fraudster, 0.2F));
    const std::string f2 = submit("VICTIM-2", faces.capture(fraudster, 0.2F));
    // A failed attempt with a third card: no number, but the face tried someone else's card, so it is
    // compared too.
    const std::string f3 = submit("VICTIM-3", faces.capture(fraudster, 0.2F), "no_match");
    // A manual check: biometrics without a live face.
    ASSERT_EQ(
        c.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId(), quotaIndexFor("CAROL"))))->status,
        200);

    const std::filesystem::path keyFile = workDir / "carrier-x25519.key";
    const std::filesystem::path wrongKey = workDir / "wrong.key";
    {
        QFile f(qs(keyFile.string()));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(crypto::toHex(kiosk.carrier.privateKey.span())));
        QFile w(qs(wrongKey.string()));
        ASSERT_TRUE(w.open(QIODevice::WriteOnly));
        w.write(QByteArray::fromStdString(crypto::toHex(crypto::generateX25519KeyPair()->privateKey.span())));
    }
    // First, the operator's slip: an old or wrong key. Nothing opens, so nothing may count as searched
    // (else these records would never be searched again).
    const CliResult slip = runCli({"face-search", "--db", qs(db), "--carrier-key", qs(wrongKey.string()), "--json"});
    EXPECT_EQ(slip.exitCode, 1);
    EXPECT_EQ(slip.json()["unreadable"].toInt(), 7) << slip.out.toStdString();
    EXPECT_EQ(slip.json()["searched"].toInt(), 0);

    const QStringList search{"face-search", "--db", qs(db), "--carrier-key", qs(keyFile.string()), "--json"};
    const CliResult first = runCli(search);
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const QJsonObject r1 = first.json();
    EXPECT_EQ(r1["searched"].toInt(), 7);
    EXPECT_EQ(r1["without_face"].toInt(), 1);
    EXPECT_EQ(r1["unreadable"].toInt(), 0);
    EXPECT_EQ(r1["gallery"].toInt(), 6);
    EXPECT_EQ(pairsIn(r1["found"].toArray()),
              (std::set<std::pair<std::string, std::string>>{{f2, f1}, {f3, f1}, {f3, f2}}))
        << "the fraudster's cards, and not Alice's second number: " << first.out.toStdString();
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM open_audit WHERE reason = 'face_search'"), 14)
        << "every record opened is audited, by the slip too";

    const CliResult again = runCli(search);
    ASSERT_EQ(again.exitCode, 0);
    EXPECT_EQ(again.json()["searched"].toInt(), 0) << "a record is searched once";
    EXPECT_TRUE(again.json()["found"].toArray().isEmpty());

    const std::string f4 = submit("VICTIM-4", faces.capture(fraudster, 0.2F));
    const CliResult third = runCli(search);
    ASSERT_EQ(third.exitCode, 0) << third.err.toStdString();
    EXPECT_EQ(pairsIn(third.json()["found"].toArray()),
              (std::set<std::pair<std::string, std::string>>{{f4, f1}, {f4, f2}, {f4, f3}}))
        << "a later card is compared with the faces stored by earlier runs";
    const CliResult matches = runCli({"face-matches", "--db", qs(db), "--record", qs(f1), "--json"});
    ASSERT_EQ(matches.exitCode, 0);
    EXPECT_EQ(matches.json()["matches"].toArray().size(), 3);
    EXPECT_EQ(matches.json()["faces"].toInt(), 7);

    // At rest the faces are sealed: the stored bytes are not the floats.
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM face_index WHERE sealed_embedding IS NOT NULL"), 7);
    EXPECT_EQ(count(db, "SELECT MIN(LENGTH(sealed_embedding)) FROM face_index WHERE sealed_embedding IS NOT NULL"),
              512 + 28);
    // Another key cannot read the index (and says so rather than finding nothing).
    const CliResult wrong = runCli({"face-search", "--db", qs(db), "--carrier-key", qs(wrongKey.string()), "--json"});
    EXPECT_EQ(wrong.exitCode, 1);
    EXPECT_EQ(wrong.json()["error"].toString(), "crypto_failure") << wrong.out.toStdString();

    // A number cancelled (here after the search; the attack is to cancel before it) stays comparable
    // for keepReleasedDays: the fraudster cannot take a face out of the search by cancelling it.
    auto cancelled = c.post("/v1/deactivations",
                            protocol::toJson(kiosk.signedReview(kiosk.review(f1, "cancelled", "fraud_suspected"))));
    ASSERT_TRUE(cancelled && cancelled->status == 201);
    const std::string f5 = submit("VICTIM-5", faces.capture(fraudster, 0.2F));
    ASSERT_EQ(c.post("/v1/deactivations",
                     protocol::toJson(kiosk.signedReview(kiosk.review(f5, "cancelled", "customer_request"))))
                  ->status,
              201)
        << "cancelled before any search";
    const CliResult fourth = runCli(search);
    ASSERT_EQ(fourth.exitCode, 0);
    EXPECT_EQ(fourth.json()["purged"].toInt(), 0);
    EXPECT_EQ(fourth.json()["searched"].toInt(), 1);
    EXPECT_EQ(fourth.json()["found"].toArray().size(), 4) << "the cancelled card still matches the other four";
    EXPECT_EQ(runCli({"face-matches", "--db", qs(db), "--json"}).json()["matches"].toArray().size(), 10);
}

namespace {

TEST(UpstreamFaceSearch, OneFaceUnderSeveralIdNumbersIsFoundAndNothingElse)
{
    simkyc::test::TempDir dir;
    faceSearchScenario("sqlite:" + (dir.path() / "upstream.db").string(), dir.path());
}

TEST(UpstreamFaceSearch, ItNeedsTheCarrierKeyAndAValidThreshold)
{
    simkyc::test::TempDir dir;
    const QString db = qs("sqlite:" + (dir.path() / "upstream.db").string());
    EXPECT_EQ(runCli({"face-search", "--db", db}).exitCode, 2);
    EXPECT_EQ(runCli({"face-search", "--db", db, "--carrier-key", "k", "--threshold", "2"}).exitCode, 2);
    EXPECT_EQ(runCli({"face-search", "--db", db, "--carrier-key", qs((dir.path() / "missing.key").string())}).exitCode,
              1);
}

} // namespace
} // namespace simkyc::upstream::test

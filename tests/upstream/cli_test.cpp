// The operator commands (count, list, verify, import, open, devices) and the fault-injection flags.
#include "upstream_fixture.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace simkyc::upstream::test {
namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

struct CliTest : ::testing::Test {
    simkyc::test::TempDir dir;
    QString db = qs("sqlite:" + (dir.path() / "upstream.db").string());
    Kiosk kiosk;

    // Enrols the kiosk (device.crt) and stores the given submissions through a running server.
    void storeThroughServer(const std::vector<protocol::Submission> &submissions, const QStringList &extra = {})
    {
        ServerProcess server(db.toStdString(), extra);
        ASSERT_TRUE(server.ok());
        HttpsClient c(server.port(), deviceIdentity());
        ASSERT_EQ(c.post("/v1/devices", kiosk.enrolment(enrolmentToken()))->status, 201);
        for (const protocol::Submission &s : submissions)
            ASSERT_EQ(c.post("/v1/registrations", protocol::toJson(s))->status, 200);
    }

    void writeFile(const fs::path &file, const QByteArray &bytes)
    {
        QFile f(qs(file.string()));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
};

TEST_F(CliTest, CountListAndVerifyOnAFreshAndAFilledDatabase)
{
    CliResult empty = runCli({"count", "--db", db, "--json"});
    ASSERT_EQ(empty.exitCode, 0) << empty.err.toStdString();
    EXPECT_EQ(empty.json(), (QJsonObject{{"records", 0}, {"duplicates", 0}}));

    const std::string a = newRecordId(), b = newRecordId();
    storeThroughServer({kiosk.submission(a, quotaIndexFor("P1")), kiosk.submission(b)});
    EXPECT_EQ(runCli({"count", "--db", db, "--json"}).json(), (QJsonObject{{"records", 2}, {"duplicates", 0}}));
    const QJsonArray listed = runCli({"list", "--db", db, "--json", "--limit", "1"}).json()["records"].toArray();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed[0]["device_id"].toString().toStdString(), kiosk.deviceId());

    CliResult verified = runCli({"verify", "--db", db, "--json"});
    EXPECT_EQ(verified.exitCode, 0) << verified.out.toStdString();
    EXPECT_EQ(verified.json()["checked"].toInt(), 2);
    EXPECT_TRUE(verified.json()["ok"].toBool());

    { // Tamper with one stored blob and one stored decision behind the server's back.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        raw.setDatabaseName(qs((dir.path() / "upstream.db").string()));
        ASSERT_TRUE(raw.open());
        QSqlQuery q(raw);
        ASSERT_TRUE(
            q.exec(QStringLiteral("UPDATE registrations SET pii = X'00' || pii WHERE record_id = '%1'").arg(qs(a))));
        ASSERT_TRUE(q.exec(
            QStringLiteral("UPDATE registrations SET decision = 'quota_exceeded' WHERE record_id = '%1'").arg(qs(b))));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    CliResult broken = runCli({"verify", "--db", db, "--json"});
    EXPECT_EQ(broken.exitCode, 1);
    EXPECT_FALSE(broken.json()["ok"].toBool());
    EXPECT_EQ(broken.json()["failures"].toArray().size(), 2) << broken.out.toStdString();
}

TEST_F(CliTest, ImportTakesSubmissionsFromMediaWithTheSameIdempotency)
{
    const std::string a = newRecordId();
    const protocol::Submission onlineAlready = kiosk.submission(a);
    storeThroughServer({onlineAlready});
    const fs::path media = dir.path() / "media";
    fs::create_directories(media);
    const std::string b = newRecordId(), c = newRecordId();
    const protocol::Submission fresh = kiosk.submission(b, quotaIndexFor("P"));
    protocol::Submission forged = kiosk.submission(c);
    forged.signature[1] ^= 1;
    writeFile(media / (a + ".json"), protocol::compact(protocol::toJson(onlineAlready)));
    writeFile(media / (b + ".json"), protocol::compact(protocol::toJson(fresh)));
    writeFile(media / (c + ".json"), protocol::compact(protocol::toJson(forged)));
    writeFile(media / "manifest.json", "{}");
    writeFile(media / "misnamed.json", protocol::compact(protocol::toJson(kiosk.submission(newRecordId()))));

    CliResult imported = runCli({"import", qs(media.string()), "--db", db, "--tls", qs(pkiDir().string()), "--json"});
    EXPECT_EQ(imported.exitCode, 1) << imported.err.toStdString(); // one forged file, one misnamed
    EXPECT_EQ(imported.json()["stored"].toInt(), 1) << imported.out.toStdString();
    EXPECT_EQ(imported.json()["replayed"].toInt(), 1);
    EXPECT_EQ(imported.json()["failed"].toInt(), 2);
    EXPECT_FALSE(fs::exists(media / "receipts" / "misnamed.json"));
    EXPECT_TRUE(fs::exists(media / "receipts" / (a + ".json")));
    EXPECT_FALSE(fs::exists(media / "receipts" / (c + ".json")));
    QFile receiptFile(qs((media / "receipts" / (b + ".json")).string()));
    ASSERT_TRUE(receiptFile.open(QIODevice::ReadOnly));
    const QByteArray receiptBytes = receiptFile.readAll();
    auto receipt = protocol::receiptFromJson(QJsonDocument::fromJson(receiptBytes).object());
    ASSERT_TRUE(receipt);
    QFile pem(qs((pkiDir() / "receipt.key").string()));
    ASSERT_TRUE(pem.open(QIODevice::ReadOnly));
    const QByteArray pemBytes = pem.readAll();
    auto receiptKey = crypto::ed25519KeyPairFromPem(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t *>(pemBytes.constData()), static_cast<std::size_t>(pemBytes.size())));
    ASSERT_TRUE(receiptKey);
    EXPECT_TRUE(protocol::verifyReceipt(*receipt, receiptKey->publicKey, b, fresh.payload).ok());
    EXPECT_EQ(receipt->storedSha256, crypto::toHex(crypto::sha256(fresh.payload)));

    // Importing again changes nothing and gives the same receipts.
    fs::remove(media / (c + ".json"));
    fs::remove(media / "misnamed.json");
    CliResult again = runCli({"import", qs(media.string()), "--db", db, "--tls", qs(pkiDir().string()), "--json"});
    EXPECT_EQ(again.exitCode, 0) << again.out.toStdString();
    EXPECT_EQ(again.json()["replayed"].toInt(), 2);
    QFile again2(qs((media / "receipts" / (b + ".json")).string()));
    ASSERT_TRUE(again2.open(QIODevice::ReadOnly));
    EXPECT_EQ(again2.readAll(), receiptBytes);
    EXPECT_EQ(runCli({"count", "--db", db, "--json"}).json()["records"].toInt(), 2);
    EXPECT_EQ(runCli({"verify", "--db", db, "--json"}).exitCode, 0);
}

TEST_F(CliTest, OpenNeedsTheCarrierKeyAndIsAuditedFirst)
{
    const std::string id = newRecordId();
    storeThroughServer({kiosk.submission(id, std::nullopt, "ZX998877")});
    const fs::path keyFile = dir.path() / "carrier-x25519.key";
    writeFile(keyFile, QByteArray::fromStdString(crypto::toHex(kiosk.carrier.privateKey.span()) + "\n"));
    const fs::path wrongKey = dir.path() / "wrong.key";
    writeFile(wrongKey, QByteArray::fromStdString(crypto::toHex(crypto::generateX25519KeyPair()->privateKey.span())));

    CliResult refused = runCli({"open", qs(id), "--db", db, "--carrier-key", qs(wrongKey.string()), "--json"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_FALSE(refused.out.contains("ZX998877"));

    const fs::path out = dir.path() / "bio.bin";
    CliResult opened = runCli({"open", qs(id), "--db", db, "--carrier-key", qs(keyFile.string()), "--out",
                               qs(out.string()), "--reason", "court order 7", "--json"});
    ASSERT_EQ(opened.exitCode, 0) << opened.err.toStdString();
    EXPECT_EQ(opened.json()["pii"].toObject()["id_number"].toString(), "ZX998877");
    EXPECT_EQ(opened.json()["biometrics_size"].toInt(), 4096);
    EXPECT_EQ(fs::file_size(out), 4096u);

    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit"));
    raw.setDatabaseName(qs((dir.path() / "upstream.db").string()));
    ASSERT_TRUE(raw.open());
    {
        QSqlQuery q(raw);
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT record_id, reason FROM open_audit ORDER BY id")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            EXPECT_EQ(q.value(0).toString().toStdString(), id);
        }
        EXPECT_EQ(rows, 2); // the refused attempt was audited too
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("audit"));
    EXPECT_EQ(runCli({"open", qs(newRecordId()), "--db", db, "--carrier-key", qs(keyFile.string())}).exitCode, 1);
}

TEST_F(CliTest, DevicesListAndRemoveLetADeviceEnrolAgain)
{
    storeThroughServer({});
    CliResult listed = runCli({"devices", "list", "--db", db, "--json"});
    ASSERT_EQ(listed.exitCode, 0);
    ASSERT_EQ(listed.json()["devices"].toArray().size(), 1);
    EXPECT_EQ(listed.json()["devices"].toArray()[0].toObject()["device_id"].toString().toStdString(), kiosk.deviceId());
    EXPECT_EQ(runCli({"devices", "remove", qs(kiosk.deviceId()), "--db", db}).exitCode, 0);
    EXPECT_EQ(runCli({"devices", "remove", qs(kiosk.deviceId()), "--db", db}).exitCode, 1);
    EXPECT_EQ(runCli({"devices", "list", "--db", db, "--json"}).json()["devices"].toArray().size(), 0);
    storeThroughServer({}); // 201 again
}

TEST_F(CliTest, UsageErrorsExitWithTwo)
{
    EXPECT_EQ(runCli({}).exitCode, 2);
    EXPECT_EQ(runCli({"frobnicate"}).exitCode, 2);
    EXPECT_EQ(runCli({"count", "--db", db, "--bogus"}).exitCode, 2);
    EXPECT_EQ(runCli({"serve", "--db", db}).exitCode, 2);
    EXPECT_EQ(runCli({"serve", "--listen", "127.0.0.1:0", "--db", db, "--tls", qs(pkiDir().string()),
                      "--fault-rate-500", "2"})
                  .exitCode,
              2);
    for (const char *option : {"--max-connections", "--max-connections-per-ip", "--handshake-timeout-ms"})
        EXPECT_EQ(runCli({"serve", "--listen", "127.0.0.1:0", "--db", db, "--tls", qs(pkiDir().string()), option, "0"})
                      .exitCode,
                  2)
            << option;
}

TEST_F(CliTest, DropAfterCommitStoresOnceAndTheRetryGetsTheReceipt)
{
    const protocol::Submission s = kiosk.submission(newRecordId());
    storeThroughServer({});
    ServerProcess flaky(db.toStdString(), {"--fault-drop-after-commit", "1"});
    ASSERT_TRUE(flaky.ok());
    HttpsClient c(flaky.port(), deviceIdentity());
    EXPECT_FALSE(c.post("/v1/registrations", protocol::toJson(s))); // committed, no answer
    flaky.stop();
    ServerProcess calm(db.toStdString());
    HttpsClient retry(calm.port(), deviceIdentity());
    auto reply = retry.post("/v1/registrations", protocol::toJson(s));
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->headers.value("simkyc-replay"), "1");
    EXPECT_EQ(runCli({"count", "--db", db, "--json"}).json()["records"].toInt(), 1);
}

TEST_F(CliTest, InjectedStatusFaultsAndDelays)
{
    storeThroughServer({});
    {
        ServerProcess busy(db.toStdString(), {"--fault-rate-429", "1"});
        HttpsClient c(busy.port(), deviceIdentity());
        auto reply = c.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId())));
        ASSERT_TRUE(reply);
        EXPECT_EQ(reply->status, 429);
        EXPECT_EQ(reply->headers.value("retry-after"), "1");
        EXPECT_EQ(c.request("GET", "/v1/health")->status, 200); // health is never faulted
    }
    {
        ServerProcess broken(db.toStdString(), {"--fault-rate-500", "1"});
        HttpsClient c(broken.port(), deviceIdentity());
        auto reply = c.post("/v1/registrations", protocol::toJson(kiosk.submission(newRecordId())));
        ASSERT_TRUE(reply);
        EXPECT_EQ(reply->status, 500);
        EXPECT_EQ(reply->json()["error"].toString(), "internal");
    }
    {
        ServerProcess slow(db.toStdString(), {"--delay-ms", "300"});
        HttpsClient c(slow.port(), deviceIdentity());
        QElapsedTimer timer;
        timer.start();
        ASSERT_TRUE(c.request("GET", "/v1/health"));
        EXPECT_GE(timer.elapsed(), 290);
    }
    EXPECT_EQ(runCli({"count", "--db", db, "--json"}).json()["records"].toInt(), 0);
}

} // namespace
} // namespace simkyc::upstream::test

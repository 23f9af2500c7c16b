// simkyc-cli keys / db / staff as a user runs them: real processes, real key files and databases.
#include "core/iccid.h"
#include "process.h"
#include "store/audit_log.h"
#include "store/builtin_migrations.h"
#include "store/database.h"
#include "store/key_provider.h"
#include "store/key_rotation.h"
#include "store/keyring.h"
#include "store/open_store.h"
#include "store/outbox_repository.h"
#include "store/registration_repository.h"
#include "store/review_repository.h"
#include "store/staff_repository.h"
#include "support/test_env.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace simkyc::test {
namespace {

namespace fs = std::filesystem;

std::string cli()
{
    return (binDir() / "simkyc-cli").string();
}

QJsonObject lastJson(const std::string &out)
{
    const std::string line = out.substr(out.rfind('{'));
    return QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
}

void writeFile(const fs::path &file, const std::string &text)
{
    std::ofstream(file) << text;
}

class StoreCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        writeFile(m_work.path() / "pass", "manager passphrase\n");
        writeFile(m_work.path() / "staffpw", "clerk password 1\n");
    }
    [[nodiscard]] std::string data() const { return (m_work.path() / "data").string(); }
    [[nodiscard]] std::string pass() const { return (m_work.path() / "pass").string(); }

    ProcessResult run(std::vector<std::string> args)
    {
        args.insert(args.end(), {"--data-dir", data(), "--json"});
        return runProcess(cli(), args);
    }

    void initAll()
    {
        auto keys = run({"keys", "init", "--passphrase-file", pass(), "--demo-carrier",
                         (m_work.path() / "carrier").string(), "--kdf-cost-log2", "10"});
        ASSERT_EQ(keys.exitCode, 0) << keys.out << keys.err;
        auto db = run({"db", "init", "--passphrase-file", pass()});
        ASSERT_EQ(db.exitCode, 0) << db.out << db.err;
        EXPECT_EQ(lastJson(db.out)["schema_version"].toInt(), store::builtInMigrations().back().version);
    }

    // The store opened in-process with the manager passphrase, and a clerk, to write records directly.
    struct Direct {
        store::Keyring keys;
        store::Database db;
        std::int64_t clerkId = 0;

        [[nodiscard]] store::NewRegistration registration(const std::string &name) const
        {
            store::NewRegistration r;
            r.clerkId = clerkId;
            r.customer = {name, "11010519491231002X", "1949-12-31", "addr", "13912345678", "89860012345678901234"};
            r.biometricPayload = {1, 2, 3};
            return r;
        }
    };
    std::optional<Direct> openDirect()
    {
        const std::string_view passphrase = "manager passphrase";
        store::PassphraseKeyProvider provider(
            fs::path(data()) / "keys" / "store.key",
            crypto::SecureBytes(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(passphrase.data()),
                                                              passphrase.size())));
        auto keyring = store::unlockKeyring(data(), provider);
        auto db = store::openStore(fs::path(data()) / "simkyc.db");
        if (!keyring || !db) {
            ADD_FAILURE() << "cannot open the store directly";
            return std::nullopt;
        }
        store::StaffRepository staff(*db, crypto::ScryptParams{10, 8, 1});
        auto clerk = staff.add("clerk1", store::StaffRole::Clerk, "clerk password");
        if (!clerk) {
            ADD_FAILURE() << clerk.error().toString();
            return std::nullopt;
        }
        return Direct{std::move(keyring).value(), std::move(db).value(), clerk->id};
    }

    TempDir m_work;
};

TEST_F(StoreCli, KeysInitShowPublicDbInitStaffAddAndVerify)
{
    initAll();
    auto pub = run({"keys", "show-public"});
    ASSERT_EQ(pub.exitCode, 0) << pub.err;
    const QJsonObject keys = lastJson(pub.out);
    EXPECT_EQ(keys["device_public_key"].toString().size(), 64);
    EXPECT_EQ(keys["carrier_fingerprint"].toString().size(), 64);
    EXPECT_TRUE(fs::exists(m_work.path() / "carrier" / "carrier-x25519.key"));
    EXPECT_FALSE(fs::exists(fs::path(data()) / "keys" / "carrier-x25519.key"));

    auto add = run({"staff", "add", "wang.clerk", "--role", "clerk", "--password-file",
                    (m_work.path() / "staffpw").string(), "--passphrase-file", pass(), "--kdf-cost-log2", "10"});
    ASSERT_EQ(add.exitCode, 0) << add.out << add.err;
    EXPECT_EQ(lastJson(add.out)["role"].toString(), "clerk");
    auto lock = run({"staff", "lock", "wang.clerk", "--minutes", "5", "--passphrase-file", pass()});
    EXPECT_EQ(lock.exitCode, 0) << lock.err;
    auto passwd = run({"staff", "passwd", "wang.clerk", "--password-file", (m_work.path() / "staffpw").string(),
                       "--passphrase-file", pass(), "--kdf-cost-log2", "10"});
    EXPECT_EQ(passwd.exitCode, 0) << passwd.err;
    auto dup = run({"staff", "add", "wang.clerk", "--password-file", (m_work.path() / "staffpw").string(),
                    "--passphrase-file", pass(), "--kdf-cost-log2", "10"});
    EXPECT_EQ(dup.exitCode, 2);

    auto verify = run({"db", "verify", "--passphrase-file", pass()});
    ASSERT_EQ(verify.exitCode, 0) << verify.out << verify.err;
    const QJsonObject v = lastJson(verify.out);
    EXPECT_EQ(v["registrations"].toInt(), 0);
    EXPECT_EQ(v["integrity"].toString(), "ok");
    EXPECT_EQ(v["audit_chain"].toString(), "ok");
    EXPECT_EQ(v["sample_decrypt"].toString(), "none");
}

TEST_F(StoreCli, WrongPassphraseIsAClearErrorAndCreatesNoDatabase)
{
    auto keys = run({"keys", "init", "--passphrase-file", pass(), "--demo-carrier",
                     (m_work.path() / "carrier").string(), "--kdf-cost-log2", "10"});
    ASSERT_EQ(keys.exitCode, 0) << keys.err;
    writeFile(m_work.path() / "bad", "manager passphrasf\n");
    auto db = run({"db", "init", "--passphrase-file", (m_work.path() / "bad").string()});
    EXPECT_EQ(db.exitCode, 2);
    EXPECT_EQ(lastJson(db.out)["error"].toString(), "crypto_failure");
    EXPECT_EQ(lastJson(db.out)["message"].toString(), "wrong passphrase");
    EXPECT_FALSE(fs::exists(fs::path(data()) / "simkyc.db"));
    auto none = run({"db", "init"});
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_NE(none.err.find("SIMKYC_PASSPHRASE"), std::string::npos);
}

TEST_F(StoreCli, PassphraseFromTheEnvironment)
{
    ::setenv("SIMKYC_PASSPHRASE", "manager passphrase", 1);
    auto keys = run({"keys", "init", "--demo-carrier", (m_work.path() / "carrier").string(), "--kdf-cost-log2", "10"});
    auto db = run({"db", "init"});
    auto verify = run({"db", "verify"});
    ::unsetenv("SIMKYC_PASSPHRASE");
    EXPECT_EQ(keys.exitCode, 0) << keys.err;
    EXPECT_EQ(db.exitCode, 0) << db.err;
    EXPECT_EQ(verify.exitCode, 0) << verify.err;
}

// A valid ICCID (19 digits, Luhn) numbered n.
std::string iccid(int n)
{
    char payload[19];
    std::snprintf(payload, sizeof payload, "898600%012d", n);
    return std::string(payload) + *core::luhnCheckDigit(payload);
}

TEST_F(StoreCli, StaffEnrolFaceTakesALiveSessionAndOneFaceBelongsToOneAccount)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    const std::string video = (*sharedDataDir() / "liveness/liveportrait/d13.mp4").string();
    initAll();
    for (const char *name : {"clerk-a", "clerk-b"}) {
        auto added = run({"staff", "add", name, "--password-file", (m_work.path() / "staffpw").string(),
                          "--passphrase-file", pass(), "--kdf-cost-log2", "10"});
        ASSERT_EQ(added.exitCode, 0) << added.out << added.err;
    }
    // d13 blinks at 1.4 s and 2.6 s: prompts that miss them are a failed session, and nothing is stored.
    auto missed = run({"staff", "enrol-face", "clerk-a", "--source", video, "--prompts", "blink@10.9",
                       "--passphrase-file", pass(), "--demo"});
    EXPECT_EQ(missed.exitCode, 1) << missed.out << missed.err;
    EXPECT_FALSE(lastJson(missed.out)["stored"].toBool());
    EXPECT_FALSE(lastJson(missed.out)["liveness_passed"].toBool());

    // A recording in place of the camera: a stranger's video would become the clerk's face.
    auto recording = run({"staff", "enrol-face", "clerk-a", "--source", video, "--prompts", "blink@1.0,blink@2.3",
                          "--passphrase-file", pass()});
    EXPECT_EQ(recording.exitCode, 2) << recording.out << recording.err;
    EXPECT_EQ(lastJson(recording.out)["error"].toString(), "invalid_argument");

    auto enrolled = run({"staff", "enrol-face", "clerk-a", "--source", video, "--prompts", "blink@1.0,blink@2.3",
                         "--passphrase-file", pass(), "--demo"});
    ASSERT_EQ(enrolled.exitCode, 0) << enrolled.out << enrolled.err;
    const QJsonObject a = lastJson(enrolled.out);
    EXPECT_TRUE(a["stored"].toBool());
    EXPECT_GT(a["frames_embedded"].toInt(), 0);

    // The same face for a second account is refused: a clerk is not on file under a colleague's face.
    auto twice = run({"staff", "enrol-face", "clerk-b", "--source", video, "--prompts", "blink@1.0,blink@2.3",
                      "--passphrase-file", pass(), "--demo"});
    EXPECT_EQ(twice.exitCode, 1) << twice.out << twice.err;
    EXPECT_FALSE(lastJson(twice.out)["stored"].toBool());
    EXPECT_EQ(lastJson(twice.out)["same_face_as"].toInt(), a["id"].toInt());

    auto forgotten = run({"staff", "forget-face", "clerk-a", "--passphrase-file", pass()});
    ASSERT_EQ(forgotten.exitCode, 0) << forgotten.out << forgotten.err;
    EXPECT_TRUE(lastJson(forgotten.out)["removed"].toBool());
    auto unknown = run({"staff", "enrol-face", "nobody", "--source", video, "--passphrase-file", pass()});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_EQ(lastJson(unknown.out)["error"].toString(), "not_found");
}

TEST_F(StoreCli, ReviewClerksFlagsTheClerkWhoseCustomersAllGoToTheManager)
{
    initAll();
    {
        auto direct = openDirect();
        ASSERT_TRUE(direct);
        store::StaffRepository staff(direct->db, crypto::ScryptParams{10, 8, 1});
        auto second = staff.add("clerk2", store::StaffRole::Clerk, "clerk password");
        ASSERT_TRUE(second);
        store::RegistrationRepository repo(direct->db, direct->keys);
        const auto add = [&](std::int64_t clerk, std::optional<core::Decision> outcome,
                             std::vector<std::string> reasons, std::string summary, int n) {
            for (int i = 0; i < n; ++i) {
                store::NewRegistration r = direct->registration("ZZTESTNAME Qwerty");
                r.clerkId = clerk;
                r.status = core::RegistrationState::Recorded;
                r.outcome = outcome;
                r.reasonCodes = reasons;
                r.livenessSummary = summary;
                ASSERT_TRUE(repo.insert(r));
            }
        };
        add(direct->clerkId, core::Decision::Match, {"liveness_passed", "face_match"}, "passed=1;face_checks=1", 20);
        add(second->id, core::Decision::Match, {"liveness_passed", "face_match"}, "passed=1;face_checks=1", 10);
        // clerk2's customers "fail" the face match, and the manager approves them by hand.
        add(second->id, core::Decision::ManualApproved, {"liveness_passed", "face_mismatch", "handed_to_manager"},
            "passed=1;face_checks=2", 6);
    }
    auto report = run({"review", "clerks", "--days", "1", "--passphrase-file", pass()});
    EXPECT_EQ(report.exitCode, 1) << report.out << report.err;
    const QJsonObject r = QJsonDocument::fromJson(QByteArray::fromStdString(report.out)).object();
    const QJsonArray clerks = r["clerks"].toArray();
    ASSERT_EQ(clerks.size(), 2) << report.out;
    EXPECT_EQ(clerks[0]["name"].toString(), "clerk1");
    EXPECT_TRUE(clerks[0]["flags"].toArray().isEmpty());
    EXPECT_EQ(clerks[1]["name"].toString(), "clerk2");
    EXPECT_EQ(clerks[1]["hand_overs"].toInt(), 6);
    // The approvals were written into the database directly, with no manager's review on file.
    EXPECT_EQ(clerks[1]["approvals_without_review"].toInt(), 6);
    EXPECT_EQ(clerks[1]["flags"].toArray(),
              (QJsonArray{"retries", "hand_overs", "manual_approvals", "approvals_without_review"}))
        << report.out;
    EXPECT_EQ(report.out.find("ZZTESTNAME"), std::string::npos) << "nothing decrypted";
}

TEST_F(StoreCli, ReviewClerksNamesTheManagerWhoApprovesOneClerksHandOversAndCountsLateRegistrations)
{
    initAll();
    using namespace std::chrono;
    // The day in UTC; the shop is in UTC+8 and opens 09:00-21:00 there (01:00-13:00 UTC).
    const auto noonThere = sys_days{year{2026} / March / 2} + hours{4};
    const auto lateThere = sys_days{year{2026} / March / 2} + hours{15} + minutes{30}; // 23:30 there
    std::string ownHandOver;
    {
        auto direct = openDirect();
        ASSERT_TRUE(direct);
        store::StaffRepository staff(direct->db, crypto::ScryptParams{10, 8, 1});
        auto clerk2 = staff.add("clerk2", store::StaffRole::Clerk, "clerk password");
        auto managerA = staff.add("manager.a", store::StaffRole::Manager, "manager password");
        auto managerB = staff.add("manager.b", store::StaffRole::Manager, "manager password");
        ASSERT_TRUE(clerk2 && managerA && managerB);
        store::RegistrationRepository repo(direct->db, direct->keys);
        store::ReviewRepository reviews(direct->db);
        const auto add = [&](std::int64_t clerk, system_clock::time_point at, std::int64_t approver, int n) {
            for (int i = 0; i < n; ++i) {
                store::NewRegistration r = direct->registration("ZZTESTNAME Qwerty");
                r.clerkId = clerk;
                r.status = approver ? core::RegistrationState::ManualReview : core::RegistrationState::Recorded;
                r.outcome = approver ? std::nullopt : std::optional(core::Decision::Match);
                r.reasonCodes = approver
                                    ? std::vector<std::string>{"liveness_passed", "face_mismatch", "handed_to_manager"}
                                    : std::vector<std::string>{"liveness_passed", "face_match"};
                r.livenessSummary = "passed=1;face_checks=1";
                auto id = repo.insert(r, at);
                ASSERT_TRUE(id);
                if (approver) {
                    ASSERT_TRUE(reviews.record(*id, approver, core::ReviewDecision::ManualApproved,
                                               "documents_checked_in_person", at + minutes{5}));
                }
            }
        };
        add(direct->clerkId, noonThere, 0, 20);
        add(direct->clerkId, noonThere, managerA->id, 2); // manager A confirms clerk1's hand-overs
        add(clerk2->id, noonThere, 0, 10);
        add(clerk2->id, lateThere, 0, 4);            // clerk2 registers after closing
        add(clerk2->id, noonThere, managerB->id, 3); // and manager B confirms only clerk2's
        // The attack four eyes closes: manager A registers a customer and approves the hand-over.
        store::NewRegistration own = direct->registration("ZZTESTNAME Qwerty");
        own.clerkId = managerA->id;
        own.status = core::RegistrationState::ManualReview;
        own.reasonCodes = {"liveness_passed", "face_mismatch", "handed_to_manager"};
        auto ownId = repo.insert(own, noonThere);
        ASSERT_TRUE(ownId);
        ownHandOver = *ownId;
    }
    writeFile(m_work.path() / "managerpw", "manager password\n");
    const auto decide = [&](const std::string &manager, const std::string &passwordFile) {
        return run({"review", "decide", ownHandOver, "--decision", "manual_approved", "--reason",
                    "documents_checked_in_person", "--manager", manager, "--password-file", passwordFile,
                    "--passphrase-file", pass()});
    };
    const std::string managerPassword = (m_work.path() / "managerpw").string();
    auto self = decide("manager.a", managerPassword);
    EXPECT_EQ(self.exitCode, 2) << self.out << self.err;
    EXPECT_NE(self.out.find("four eyes"), std::string::npos) << self.out;
    // Naming a colleague takes the colleague's password, not the store passphrase alone.
    auto posing = decide("manager.b", (m_work.path() / "staffpw").string());
    EXPECT_EQ(posing.exitCode, 2) << posing.out;
    EXPECT_EQ(lastJson(posing.out)["error"].toString(), "wrong_credentials") << posing.out;
    auto other = decide("manager.b", managerPassword);
    EXPECT_EQ(other.exitCode, 0) << other.out << other.err;

    const fs::path conf = m_work.path() / "simkyc.conf";
    writeFile(conf, "[store]\nopening_hours = 09:00-21:00\n");
    const char *oldTz = std::getenv("TZ");
    const std::string savedTz = oldTz ? oldTz : "";
    ::setenv("TZ", "Asia/Shanghai", 1);
    auto report = run({"review", "clerks", "--date", "2026-03-02", "--days", "1", "--config", conf.string(),
                       "--passphrase-file", pass()});
    if (oldTz)
        ::setenv("TZ", savedTz.c_str(), 1);
    else
        ::unsetenv("TZ");
    EXPECT_EQ(report.exitCode, 1) << report.out << report.err;
    const QJsonObject r = QJsonDocument::fromJson(QByteArray::fromStdString(report.out)).object();
    EXPECT_EQ(r["opening_hours"].toString(), "09:00-21:00");
    const QJsonArray clerks = r["clerks"].toArray();
    ASSERT_EQ(clerks.size(), 3) << report.out; // clerk1, clerk2, and manager A at the counter
    EXPECT_EQ(clerks[0]["name"].toString(), "clerk1");
    EXPECT_EQ(clerks[0]["outside_hours"].toInt(), 0);
    EXPECT_TRUE(clerks[0]["flags"].toArray().isEmpty()) << report.out;
    EXPECT_EQ(clerks[1]["name"].toString(), "clerk2");
    EXPECT_EQ(clerks[1]["outside_hours"].toInt(), 4) << "read in the shop's time zone, not UTC";
    EXPECT_EQ(clerks[1]["flags"].toArray(), (QJsonArray{"outside_hours", "manager_pair"})) << report.out;
    const QJsonArray approvers = clerks[1]["approved_by"].toArray();
    ASSERT_EQ(approvers.size(), 1);
    EXPECT_EQ(approvers[0]["name"].toString(), "manager.b");
    EXPECT_EQ(approvers[0]["approvals"].toInt(), 3);
    EXPECT_TRUE(approvers[0]["paired"].toBool());
    EXPECT_EQ(clerks[2]["name"].toString(), "manager.a");
    EXPECT_EQ(clerks[2]["approved_by"].toArray().at(0).toObject()["name"].toString(), "manager.b");

    auto bad =
        run({"review", "clerks", "--config", (m_work.path() / "missing.conf").string(), "--passphrase-file", pass()});
    EXPECT_EQ(bad.exitCode, 2) << bad.out;
}

TEST_F(StoreCli, SimsReconcileListsWhatAColludingClerkLeavesBehindMasked)
{
    initAll();
    const auto reconciliationReads = [this]() -> std::int64_t {
        auto db = store::Database::open(fs::path(data()) / "simkyc.db");
        auto audit = db ? store::recentAudit(*db, 1000) : Result<std::vector<store::StoredAuditEntry>>(db.error());
        if (!audit)
            return -1;
        std::int64_t n = 0;
        for (const auto &e : *audit)
            n += e.entry.action == "customer.read" && e.entry.detail == "reason=sim_reconciliation" ? 1 : 0;
        return n;
    };
    {
        auto direct = openDirect();
        ASSERT_TRUE(direct);
        store::RegistrationRepository repo(direct->db, direct->keys);
        const auto add = [&](int sim, std::optional<core::Decision> outcome) {
            store::NewRegistration r = direct->registration("ZZTESTNAME Qwerty");
            r.customer.iccid = iccid(sim);
            r.outcome = outcome;
            r.status = outcome ? core::RegistrationState::Recorded : core::RegistrationState::ManualReview;
            ASSERT_TRUE(repo.insert(r));
        };
        add(1, core::Decision::Match);          // honest
        add(2, core::Decision::NoMatch);        // failed, yet activated below
        add(3, core::Decision::Match);          // one SIM, two identities
        add(3, core::Decision::ManualApproved); //
        add(4, core::Decision::Match);          // never activated
        add(5, core::Decision::NoMatch);        // failed and not activated: nothing to say
    }
    const std::string today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate).toStdString();
    const fs::path csv = m_work.path() / "activations.csv";
    // The carrier's export, as a spreadsheet saves it (byte-order mark, CRLF, extra columns).
    writeFile(csv, "\xEF\xBB\xBFiccid,activated_at,store_id\r\n" + iccid(1) + ",2026-12-07T09:00:00Z,s1\r\n" +
                       iccid(2) + ",2026-12-07T09:05:00Z,s1\r\n" + iccid(3) + ",2026-12-07T09:10:00Z,s1\r\n" +
                       iccid(9) + ",2026-12-07T09:20:00Z,s1\r\n");
    auto report =
        run({"sims", "reconcile", "--activations", csv.string(), "--date", today, "--passphrase-file", pass()});
    EXPECT_EQ(report.exitCode, 1) << "a day that does not reconcile: " << report.out << report.err;
    const QJsonObject r = QJsonDocument::fromJson(QByteArray::fromStdString(report.out)).object(); // one JSON line
    EXPECT_EQ(r["activations"].toInt(), 4);
    EXPECT_EQ(r["registrations"].toInt(), 6);
    const auto masked = [](const std::string &full) {
        return QString::fromStdString(full.substr(0, 6) + std::string(full.size() - 10, '*') +
                                      full.substr(full.size() - 4));
    };
    EXPECT_EQ(r["activated_without_registration"].toArray(), QJsonArray{masked(iccid(9))});
    ASSERT_EQ(r["activated_without_hand_over"].toArray().size(), 1);
    EXPECT_EQ(r["activated_without_hand_over"][0]["iccid"].toString(), masked(iccid(2)));
    ASSERT_EQ(r["registered_twice"].toArray().size(), 1);
    EXPECT_EQ(r["registered_twice"][0]["record_ids"].toArray().size(), 2);
    EXPECT_EQ(r["handed_over_not_activated"].toArray().size(), 1);
    for (int n : {1, 2, 3, 4, 9})
        EXPECT_EQ(report.out.find(iccid(n)), std::string::npos) << "an ICCID in clear";
    EXPECT_EQ(reconciliationReads(), 6) << "every registration's ICCID was read with an audit entry";

    // A damaged export is refused whole, naming the row, before anything is decrypted.
    writeFile(csv, "iccid\n" + iccid(1) + "\n8986001234\n");
    auto bad = run({"sims", "reconcile", "--activations", csv.string(), "--date", today, "--passphrase-file", pass()});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(lastJson(bad.out)["error"].toString(), "invalid_format") << bad.out << bad.err;
    EXPECT_NE(lastJson(bad.out)["message"].toString().indexOf("row 2: length"), -1) << bad.out;
    EXPECT_EQ(bad.out.find("8986001234"), std::string::npos);
    EXPECT_EQ(reconciliationReads(), 6) << "nothing decrypted for a refused export";
}

TEST_F(StoreCli, VerifyDecryptsASampleAndFindsTampering)
{
    initAll();
    {
        auto direct = openDirect();
        ASSERT_TRUE(direct);
        const store::NewRegistration r = direct->registration("ZZTESTNAME Qwerty");
        store::RegistrationRepository repo(direct->db, direct->keys);
        ASSERT_TRUE(repo.insert(r));
    }
    auto verify = run({"db", "verify", "--passphrase-file", pass()});
    ASSERT_EQ(verify.exitCode, 0) << verify.out << verify.err;
    EXPECT_EQ(lastJson(verify.out)["registrations"].toInt(), 1);
    EXPECT_EQ(lastJson(verify.out)["sample_decrypt"].toString(), "ok");
    EXPECT_EQ(verify.out.find("ZZTESTNAME"), std::string::npos);
    EXPECT_EQ(verify.err.find("ZZTESTNAME"), std::string::npos);
    {
        auto db = store::Database::open(fs::path(data()) / "simkyc.db");
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->exec("UPDATE audit_log SET actor = 'staff:9' WHERE id = 2"));
    }
    auto broken = run({"db", "verify", "--passphrase-file", pass()});
    EXPECT_EQ(broken.exitCode, 1) << broken.out << broken.err;
    EXPECT_EQ(lastJson(broken.out)["audit_chain"].toString(), "broken at 2");
    {
        auto db = store::Database::open(fs::path(data()) / "simkyc.db");
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->exec("UPDATE registrations SET name = phone"));
    }
    auto failed = run({"db", "verify", "--passphrase-file", pass()});
    EXPECT_EQ(failed.exitCode, 1);
    EXPECT_EQ(lastJson(failed.out)["sample_decrypt"].toString(), "failed");
}

TEST_F(StoreCli, BackupAndRestoreRoundTrip)
{
    initAll();
    {
        auto direct = openDirect();
        ASSERT_TRUE(direct);
        const store::NewRegistration r = direct->registration("ZZBACKUPNAME Qwerty");
        store::RegistrationRepository repo(direct->db, direct->keys);
        ASSERT_TRUE(repo.insert(r));
        ASSERT_TRUE(repo.insert(r));
    }
    const std::string backup = (m_work.path() / "kiosk.backup").string();
    auto made = run({"db", "backup", "--out", backup, "--passphrase-file", pass()});
    ASSERT_EQ(made.exitCode, 0) << made.out << made.err;
    EXPECT_EQ(lastJson(made.out)["registrations"].toInt(), 2);
    EXPECT_GT(lastJson(made.out)["bytes"].toInt(), 0);
    std::ifstream in(backup, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_EQ(bytes.find("ZZBACKUPNAME"), std::string::npos);
    EXPECT_EQ(bytes.find("SQLite format 3"), std::string::npos);
    EXPECT_EQ(run({"db", "backup", "--out", backup, "--passphrase-file", pass()}).exitCode, 2) << "no overwrite";

    auto refused = run({"db", "restore", "--from", backup, "--passphrase-file", pass()});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_EQ(lastJson(refused.out)["error"].toString(), "invalid_argument");

    auto restored = run({"db", "restore", "--from", backup, "--force", "--passphrase-file", pass()});
    ASSERT_EQ(restored.exitCode, 0) << restored.out << restored.err;
    const QJsonObject r = lastJson(restored.out);
    EXPECT_EQ(r["registrations"].toInt(), 2);
    EXPECT_EQ(r["integrity"].toString(), "ok");
    EXPECT_TRUE(fs::exists(r["previous_database"].toString().toStdString())) << "kept in quarantine";

    auto verify = run({"db", "verify", "--passphrase-file", pass()});
    ASSERT_EQ(verify.exitCode, 0) << verify.out << verify.err;
    EXPECT_EQ(lastJson(verify.out)["registrations"].toInt(), 2);
    EXPECT_EQ(lastJson(verify.out)["sample_decrypt"].toString(), "ok");
    EXPECT_EQ(lastJson(verify.out)["audit_chain"].toString(), "ok");
}

TEST_F(StoreCli, RestoreRefusesATamperedBackupOrAnotherKiosksKey)
{
    initAll();
    const std::string backup = (m_work.path() / "kiosk.backup").string();
    ASSERT_EQ(run({"db", "backup", "--out", backup, "--passphrase-file", pass()}).exitCode, 0);
    std::string bytes;
    {
        std::ifstream in(backup, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x40);
    const std::string tampered = (m_work.path() / "tampered.backup").string();
    std::ofstream(tampered, std::ios::binary) << bytes;
    fs::remove(fs::path(data()) / "simkyc.db");
    auto bad = run({"db", "restore", "--from", tampered, "--passphrase-file", pass()});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(lastJson(bad.out)["error"].toString(), "crypto_failure");
    EXPECT_FALSE(fs::exists(fs::path(data()) / "simkyc.db"));

    // Another kiosk (another store key) cannot open this kiosk's backup.
    const std::string other = (m_work.path() / "other").string();
    auto keys = runProcess(cli(), {"keys", "init", "--key-file", "--demo-carrier",
                                   (m_work.path() / "carrier2").string(), "--data-dir", other, "--json"});
    ASSERT_EQ(keys.exitCode, 0) << keys.err;
    auto foreign = runProcess(cli(), {"db", "restore", "--from", backup, "--data-dir", other, "--json"});
    EXPECT_EQ(foreign.exitCode, 2);
    EXPECT_EQ(lastJson(foreign.out)["error"].toString(), "crypto_failure");
    EXPECT_NE(lastJson(foreign.out)["message"].toString().indexOf("does not decrypt"), -1);

    EXPECT_EQ(run({"db", "backup", "--passphrase-file", pass()}).exitCode, 2);  // no --out
    EXPECT_EQ(run({"db", "restore", "--passphrase-file", pass()}).exitCode, 2); // no --from
}

TEST_F(StoreCli, UsageErrors)
{
    EXPECT_EQ(run({"keys", "init", "--key-file"}).exitCode, 2); // no carrier key
    EXPECT_EQ(run({"keys", "rotate"}).exitCode, 2);
    EXPECT_EQ(run({"db", "verify"}).exitCode, 2); // no keys
    EXPECT_EQ(run({"staff", "add"}).exitCode, 2);
    auto keys = run({"keys", "init", "--key-file", "--demo-carrier", (m_work.path() / "carrier").string()});
    ASSERT_EQ(keys.exitCode, 0) << keys.err;
    EXPECT_EQ(lastJson(keys.out)["protection"].toString(), "key-file");
    EXPECT_EQ(run({"db", "init"}).exitCode, 0); // the raw key file needs no passphrase
    auto again = run({"keys", "init", "--key-file", "--demo-carrier", (m_work.path() / "carrier2").string()});
    EXPECT_EQ(again.exitCode, 2);
}

// rotate-key and purge as an operator runs them: a new passphrase, the old one refused, every record
// still readable; purge (dry run, then for real) touches only what the upstream acknowledged.
TEST_F(StoreCli, RotateKeyThenPurge)
{
    initAll();
    std::vector<std::string> ids;
    const auto ackAt = std::chrono::system_clock::now();
    {
        auto direct = openDirect();
        ASSERT_TRUE(direct);
        store::RegistrationRepository repo(direct->db, direct->keys);
        for (const char *name : {"ZZROTATE Acked", "ZZROTATE Pending"}) {
            store::NewRegistration r = direct->registration(name);
            r.biometricsExpireAt = ackAt + std::chrono::hours(48);
            auto id = repo.insert(r, ackAt);
            ASSERT_TRUE(id);
            ids.push_back(*id);
        }
        store::OutboxRepository outbox(direct->db);
        ASSERT_TRUE(outbox.acknowledge({{ids[0], "accepted", 1, "{}"}}, ackAt));
    }
    writeFile(m_work.path() / "newpass", "a new manager passphrase\n");
    const std::string newPass = (m_work.path() / "newpass").string();
    auto rotated = run({"db", "rotate-key", "--passphrase-file", pass(), "--new-passphrase-file", newPass});
    ASSERT_EQ(rotated.exitCode, 0) << rotated.out << rotated.err;
    const QJsonObject r = lastJson(rotated.out);
    EXPECT_EQ(r["records_rewrapped"].toInt(), 2);
    EXPECT_EQ(r["protection"].toString(), "passphrase");
    std::printf("[ rotate-key ] %s", rotated.out.c_str());
    auto old = run({"db", "verify", "--passphrase-file", pass()});
    EXPECT_EQ(old.exitCode, 2);
    EXPECT_EQ(lastJson(old.out)["error"].toString(), "crypto_failure");
    auto verify = run({"db", "verify", "--passphrase-file", newPass});
    ASSERT_EQ(verify.exitCode, 0) << verify.out << verify.err;
    EXPECT_EQ(lastJson(verify.out)["sample_decrypt"].toString(), "ok");

    const auto later = ackAt + std::chrono::hours(24 * 31);
    const std::string when = store::utcTimestamp(later);
    auto dry = run({"db", "purge", "--now", when, "--dry-run"});
    ASSERT_EQ(dry.exitCode, 0) << dry.out << dry.err;
    EXPECT_TRUE(lastJson(dry.out)["dry_run"].toBool());
    EXPECT_EQ(lastJson(dry.out)["pii_purged"].toInt(), 1);
    auto purged = run({"db", "purge", "--now", when});
    ASSERT_EQ(purged.exitCode, 0) << purged.out << purged.err;
    const QJsonObject p = lastJson(purged.out);
    EXPECT_EQ(p["biometrics_deleted"].toInt(), 1);
    EXPECT_EQ(p["pii_purged"].toInt(), 1);
    EXPECT_EQ(p["skipped_not_acknowledged"].toInt(), 1) << "the pending record keeps everything";
    EXPECT_EQ(p["pii_days"].toInt(), 30);
    EXPECT_EQ(lastJson(run({"db", "purge", "--now", when}).out)["pii_purged"].toInt(), 0) << "once";

    auto after = run({"db", "verify", "--passphrase-file", newPass});
    ASSERT_EQ(after.exitCode, 0) << after.out << after.err;
    const QJsonObject v = lastJson(after.out);
    EXPECT_EQ(v["pii_purged"].toInt(), 1);
    EXPECT_EQ(v["purged_records"].toString(), "ok");
    EXPECT_EQ(v["sample_decrypt"].toString(), "ok");
    EXPECT_EQ(v["audit_chain"].toString(), "ok");
    for (const auto *out : {&rotated, &dry, &purged, &after})
        EXPECT_EQ(out->out.find("ZZROTATE"), std::string::npos);
    EXPECT_EQ(run({"db", "purge", "--now", "yesterday"}).exitCode, 2);
}

// A rotation cut short after its database commit (as a power cut would leave it): the next command
// that opens the store finishes it, and the records open under the new key.
TEST_F(StoreCli, AnInterruptedRotationIsFinishedByTheNextCommand)
{
    initAll();
    {
        auto direct = openDirect();
        ASSERT_TRUE(direct);
        const store::NewRegistration r = direct->registration("ZZCRASH Name");
        store::RegistrationRepository repo(direct->db, direct->keys);
        ASSERT_TRUE(repo.insert(r));
    }
    store::RotationOptions rotation;
    rotation.passphrase = crypto::SecureBytes(
        std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>("manager passphrase"), 18));
    rotation.stopAfterForTests = store::RotationOptions::StopAfter::Committed;
    ASSERT_TRUE(store::rotateStoreKey(data(), fs::path(data()) / "simkyc.db", std::move(rotation)));
    ASSERT_TRUE(fs::exists(fs::path(data()) / "keys" / "store.key.new"));
    auto verify = run({"db", "verify", "--passphrase-file", pass()});
    ASSERT_EQ(verify.exitCode, 0) << verify.out << verify.err;
    EXPECT_EQ(lastJson(verify.out)["sample_decrypt"].toString(), "ok");
    EXPECT_NE(verify.err.find("rotation completed"), std::string::npos) << verify.err;
    EXPECT_FALSE(fs::exists(fs::path(data()) / "keys" / "store.key.new"));
}

TEST_F(StoreCli, RotateKeyOfAKeyFileStore)
{
    auto keys = run({"keys", "init", "--key-file", "--demo-carrier", (m_work.path() / "carrier").string()});
    ASSERT_EQ(keys.exitCode, 0) << keys.err;
    ASSERT_EQ(run({"db", "init"}).exitCode, 0);
    const auto before = fs::file_size(fs::path(data()) / "keys" / "store-raw.key");
    auto rotated = run({"db", "rotate-key"});
    ASSERT_EQ(rotated.exitCode, 0) << rotated.out << rotated.err;
    EXPECT_EQ(lastJson(rotated.out)["protection"].toString(), "key-file");
    EXPECT_EQ(fs::file_size(fs::path(data()) / "keys" / "store-raw.key"), before);
    EXPECT_EQ(run({"db", "verify"}).exitCode, 0);
    auto refused = run({"db", "rotate-key", "--new-passphrase-file", pass()});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_EQ(lastJson(refused.out)["error"].toString(), "invalid_argument");
}

} // namespace
} // namespace simkyc::test

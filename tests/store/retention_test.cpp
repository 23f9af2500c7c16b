// Retention: nothing unacknowledged is ever purged; acknowledged biometrics go once expired (and their
// bytes leave the database file); customer PII is crypto-shredded N days after acknowledgement, the
// blind index deactivated, readCustomer says so; the policy's ranges; dry runs; the daily schedule.
#include "store/audit_log.h"
#include "store/bytes.h"
#include "store/outbox_repository.h"
#include "store/retention.h"
#include "store/settings.h"
#include "store_fixture.h"
#include "store_test_helpers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace simkyc::store {
namespace {

using std::chrono::hours;
using test::sampleRegistration;
constexpr hours kDay(24);

class RetentionTest : public test::StoreFixture {
protected:
    void SetUp() override
    {
        test::StoreFixture::SetUp();
        m_t0 = Clock::now();
    }

    // A record stored at t0 whose biometrics expire at t0 + 48 h (the default review window).
    std::string insert(std::string name = "ZZTESTNAME Qwerty", std::string idNumber = "11010519491231002X")
    {
        NewRegistration r = sampleRegistration(m_clerkId, std::move(name), std::move(idNumber));
        r.biometricsExpireAt = m_t0 + hours(48);
        auto id = repository().insert(r, m_t0);
        EXPECT_TRUE(id) << id.error().toString();
        return id ? *id : std::string();
    }

    // What the sync worker does on a verified receipt (outbox row deleted, receipt stored, state set).
    void acknowledge(const std::string &id, Clock::time_point at, std::string decision = "accepted")
    {
        OutboxRepository outbox(*m_db);
        ASSERT_TRUE(outbox.acknowledge({{id, std::move(decision), 1, "{\"receipt\":\"test\"}"}}, at));
    }

    std::vector<std::uint8_t> blob(const std::string &sql, const std::string &id)
    {
        auto s = m_db->prepare(sql);
        EXPECT_TRUE(s);
        EXPECT_TRUE(s->bindText(1, id));
        auto step = s->step();
        EXPECT_TRUE(step && *step == StepResult::Row);
        return fromBlob(s->columnBlob(0));
    }

    // True when (up to) 32 bytes from inside `secret` appear in the database file or its -wal.
    bool onDisk(const std::vector<std::uint8_t> &secret) const
    {
        const std::size_t start = secret.size() / 4;
        const std::size_t length = std::min<std::size_t>(32, secret.size() - start);
        const std::string needle(secret.begin() + static_cast<std::ptrdiff_t>(start),
                                 secret.begin() + static_cast<std::ptrdiff_t>(start + length));
        for (const std::filesystem::path &file : {dbFile(), std::filesystem::path(dbFile().string() + "-wal")}) {
            const std::vector<char> bytes = test::readBytes(file);
            if (std::string(bytes.begin(), bytes.end()).find(needle) != std::string::npos)
                return true;
        }
        return false;
    }

    std::int64_t count(const std::string &sql) { return *m_db->queryInt64(sql); }

    Clock::time_point m_t0;
};

TEST_F(RetentionTest, PendingAndParkedRecordsAreNeverPurged)
{
    const std::string pending = insert("ZZTESTNAME Pending");
    const std::string parked = insert("ZZTESTNAME Parked");
    OutboxRepository outbox(*m_db);
    ASSERT_TRUE(outbox.park(parked, "payload_refused", m_t0));
    // A receipt row without the acknowledged state (a half-written acknowledgement) is not enough either.
    ASSERT_TRUE(m_db->exec("INSERT INTO upstream_receipts VALUES ('" + pending +
                           "', 'accepted', 1, '{}', '2000-01-01T00:00:00.000Z')"));
    auto counts = runRetention(*m_db, {}, m_t0 + 400 * kDay);
    ASSERT_TRUE(counts) << counts.error().toString();
    EXPECT_EQ(counts->biometricsDeleted, 0);
    EXPECT_EQ(counts->piiPurged, 0);
    EXPECT_EQ(counts->skippedNotAcknowledged, 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM biometrics"), 2);
    for (const std::string &id : {pending, parked})
        EXPECT_TRUE(repository().readCustomer(id, "staff:1", "test")) << id;
}

TEST_F(RetentionTest, AcknowledgedBiometricsGoOnceExpiredAndLeaveTheFile)
{
    const std::string id = insert();
    const std::vector<std::uint8_t> sealed =
        blob("SELECT sealed_payload FROM biometrics WHERE registration_id = ?", id);
    ASSERT_GT(sealed.size(), 1024u);
    ASSERT_TRUE(m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    ASSERT_TRUE(onDisk(sealed)) << "the check must be able to see the payload";
    acknowledge(id, m_t0 + hours(1));

    auto early = runRetention(*m_db, {}, m_t0 + hours(47)); // acknowledged, but still in its review window
    ASSERT_TRUE(early);
    EXPECT_EQ(early->biometricsDeleted, 0);
    RetentionPolicy longer;
    longer.reviewExtraDays = 2;
    auto extra = runRetention(*m_db, longer, m_t0 + hours(49));
    ASSERT_TRUE(extra);
    EXPECT_EQ(extra->biometricsDeleted, 0) << "review window extended by the setting";

    auto due = runRetention(*m_db, {}, m_t0 + hours(48));
    ASSERT_TRUE(due) << due.error().toString();
    EXPECT_EQ(due->biometricsDeleted, 1);
    EXPECT_EQ(due->piiPurged, 0);
    EXPECT_TRUE(due->walTruncated);
    EXPECT_EQ(count("SELECT COUNT(*) FROM biometrics"), 0);
    EXPECT_FALSE(onDisk(sealed)) << "secure_delete + checkpoint: the sealed payload's bytes are gone";
    EXPECT_TRUE(repository().readCustomer(id, "staff:1", "test")) << "PII is kept for its own period";
    auto chain = verifyAuditChain(*m_db);
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.biometrics_delete' AND record_id = '" +
                    id + "'"),
              1);
}

TEST_F(RetentionTest, PiiIsShreddedNDaysAfterAcknowledgement)
{
    const std::string kept = insert("ZZTESTNAME Kept");
    const std::string gone = insert("ZZTESTNAME Gone");
    const std::vector<std::uint8_t> address = blob("SELECT address FROM registrations WHERE id = ?", gone);
    ASSERT_TRUE(m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    ASSERT_TRUE(onDisk(address)) << "the check must be able to see the ciphertext";
    const Clock::time_point ackAt = m_t0 + hours(2);
    acknowledge(gone, ackAt, "quota_exceeded");
    ASSERT_EQ(*repository().countActiveForIdNumber("11010519491231002X"), 2);

    auto before = runRetention(*m_db, {}, ackAt + 30 * kDay - hours(1));
    ASSERT_TRUE(before);
    EXPECT_EQ(before->piiPurged, 0);
    EXPECT_EQ(before->biometricsDeleted, 1) << "biometrics went after their review window";

    auto counts = runRetention(*m_db, {}, ackAt + 30 * kDay);
    ASSERT_TRUE(counts) << counts.error().toString();
    EXPECT_EQ(counts->piiPurged, 1);
    EXPECT_EQ(counts->skippedNotAcknowledged, 1) << kept;

    RegistrationRepository repo = repository();
    auto read = repo.readCustomer(gone, "staff:1", "manager_review");
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, ErrorCode::NotFound);
    EXPECT_NE(read.error().message.find("customer data purged by retention on"), std::string::npos)
        << read.error().message;
    EXPECT_TRUE(repo.readCustomer(kept, "staff:1", "manager_review"));
    EXPECT_EQ(*repo.countActiveForIdNumber("11010519491231002X"), 1) << "the purged record no longer counts";
    EXPECT_EQ(count("SELECT length(wrapped_data_key) + length(name) + length(id_number) + length(birth_date) + "
                    "length(address) + length(phone) + length(iccid) FROM registrations WHERE id = '" +
                    gone + "'"),
              0);
    EXPECT_FALSE(onDisk(address)) << "the shredded ciphertext is overwritten too";

    auto summary = repo.summary(gone);
    ASSERT_TRUE(summary);
    EXPECT_TRUE(summary->piiPurgedAt.has_value());
    EXPECT_EQ(summary->syncState, "quota_exceeded");
    auto day = repo.listDay(utcTimestamp(m_t0).substr(0, 10));
    ASSERT_TRUE(day);
    EXPECT_EQ(day->size(), 2u) << "metadata is kept";
    EXPECT_EQ(*repo.newestId(), std::optional<std::string>(kept)) << "verify samples a record it can decrypt";

    auto again = runRetention(*m_db, {}, ackAt + 31 * kDay);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->piiPurged, 0) << "a record is purged once";
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.pii_purge'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.purge'"), 3);
    auto chain = verifyAuditChain(*m_db);
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
}

TEST_F(RetentionTest, DryRunCountsWhatTheRunWouldDoAndWritesNothing)
{
    const std::string id = insert();
    const std::string early = insert("ZZTESTNAME Early"); // PII due before its biometrics expire
    acknowledge(id, m_t0);
    acknowledge(early, m_t0 - 40 * kDay);
    const std::int64_t audits = count("SELECT COUNT(*) FROM audit_log");
    for (Clock::time_point at : {m_t0 + hours(47), m_t0 + 60 * kDay}) {
        auto dry = runRetention(*m_db, {}, at, true);
        ASSERT_TRUE(dry);
        EXPECT_TRUE(dry->dryRun);
        EXPECT_EQ(dry->biometricsDeleted, at == m_t0 + hours(47) ? 1 : 2);
        EXPECT_EQ(dry->piiPurged, at == m_t0 + hours(47) ? 1 : 2);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audits);
    EXPECT_EQ(count("SELECT COUNT(*) FROM biometrics"), 2);
    EXPECT_TRUE(repository().readCustomer(id, "staff:1", "test"));
    auto real = runRetention(*m_db, {}, m_t0 + hours(47));
    ASSERT_TRUE(real);
    EXPECT_EQ(real->biometricsDeleted, 1);
    EXPECT_EQ(real->piiPurged, 1);
}

TEST_F(RetentionTest, PolicyRangesAreEnforced)
{
    auto defaults = loadRetentionPolicy(*m_db);
    ASSERT_TRUE(defaults);
    EXPECT_EQ(defaults->reviewExtraDays, 0);
    EXPECT_EQ(defaults->piiDays, 30);
    ASSERT_TRUE(saveRetentionPolicy(*m_db, {7, 365, 100}));
    auto saved = loadRetentionPolicy(*m_db);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->reviewExtraDays, 7);
    EXPECT_EQ(saved->piiDays, 365);
    for (RetentionPolicy bad : {RetentionPolicy{8, 30, 100}, RetentionPolicy{-1, 30, 100}, RetentionPolicy{0, 0, 100},
                                RetentionPolicy{0, 366, 100}, RetentionPolicy{0, 30, 0}}) {
        EXPECT_FALSE(saveRetentionPolicy(*m_db, bad));
        EXPECT_FALSE(runRetention(*m_db, bad, m_t0));
    }
    for (const char *value : {"0", "366", "30days", "", "-5"}) {
        ASSERT_TRUE(writeSetting(*m_db, kPiiDaysSetting, value));
        auto loaded = loadRetentionPolicy(*m_db);
        ASSERT_FALSE(loaded) << value;
        EXPECT_EQ(loaded.error().code, ErrorCode::InvalidArgument);
        EXPECT_FALSE(runRetentionIfDue(*m_db, m_t0)) << "a bad setting stops the job, it is never guessed";
    }
}

TEST_F(RetentionTest, RunsAtStartThenDaily)
{
    auto first = runRetentionIfDue(*m_db, m_t0);
    ASSERT_TRUE(first);
    EXPECT_TRUE(first->has_value());
    auto soon = runRetentionIfDue(*m_db, m_t0 + hours(23));
    ASSERT_TRUE(soon);
    EXPECT_FALSE(soon->has_value());
    auto nextDay = runRetentionIfDue(*m_db, m_t0 + hours(24));
    ASSERT_TRUE(nextDay);
    EXPECT_TRUE(nextDay->has_value());
}

TEST_F(RetentionTest, ManyRecordsInBatches)
{
    std::vector<std::string> ids;
    for (int i = 0; i < 250; ++i)
        ids.push_back(insert("ZZTESTNAME Batch" + std::to_string(i)));
    std::vector<Acknowledgement> acks;
    for (const std::string &id : ids)
        acks.push_back({id, "accepted", 1, "{}"});
    OutboxRepository outbox(*m_db);
    ASSERT_TRUE(outbox.acknowledge(acks, m_t0));
    RetentionPolicy policy;
    policy.batchSize = 100;
    const auto start = std::chrono::steady_clock::now();
    auto counts = runRetention(*m_db, policy, m_t0 + 31 * kDay);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(counts) << counts.error().toString();
    std::printf("[ retention ] purged %lld records (PII + biometrics) in %.1f ms\n",
                static_cast<long long>(counts->piiPurged), ms);
    EXPECT_EQ(counts->piiPurged, 250);
    EXPECT_EQ(counts->biometricsDeleted, 250);
    EXPECT_EQ(count("SELECT COUNT(*) FROM id_blind_index WHERE active = 1"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations"), 250);
}

} // namespace
} // namespace simkyc::store

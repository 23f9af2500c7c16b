// Encrypted online backup and restore with real keys.
#include "store/atomic_file.h"
#include "store/audit_log.h"
#include "store/backup.h"
#include "store/builtin_migrations.h"
#include "store/transaction.h"
#include "store_fixture.h"
#include "store_test_helpers.h"

#include <fstream>

namespace simkyc::store::test {
namespace {

namespace fs = std::filesystem;

class Backup : public StoreFixture {
protected:
    fs::path backupFile() const { return m_backupDir.path() / "simkyc.backup"; }
    fs::path restoredFile() const { return m_backupDir.path() / "restored" / "simkyc.db"; }
    simkyc::test::TempDir m_backupDir;
};

TEST_F(Backup, RoundTripKeepsRegistrationsThatStillDecrypt)
{
    RegistrationRepository repo = repository();
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        auto id = repo.insert(sampleRegistration(m_clerkId, "ZZBACKUP Name" + std::to_string(i)));
        ASSERT_TRUE(id) << id.error().toString();
        ids.push_back(*id);
    }
    ASSERT_TRUE(backupStore(*m_db, *m_keys, backupFile())) << "backup";
    EXPECT_EQ(fs::status(backupFile()).permissions() & fs::perms::all, kOwnerOnly);
    const std::vector<char> bytes = readBytes(backupFile());
    const std::string text(bytes.begin(), bytes.end());
    EXPECT_EQ(text.rfind(std::string(kBackupMagic), 0), 0u);
    EXPECT_EQ(text.find("SQLite format 3"), std::string::npos) << "the database is not in clear";
    EXPECT_EQ(text.find("registrations"), std::string::npos);
    EXPECT_FALSE(backupStore(*m_db, *m_keys, backupFile())) << "no silent overwrite";

    fs::create_directories(restoredFile().parent_path());
    auto report = restoreStore(backupFile(), *m_keys, restoredFile());
    ASSERT_TRUE(report) << report.error().toString();
    EXPECT_EQ(report->schemaVersion, builtInMigrations().back().version);
    EXPECT_FALSE(report->quarantinedAt);

    auto restored = openStore(restoredFile());
    ASSERT_TRUE(restored) << restored.error().toString();
    EXPECT_EQ(*restored->queryText("PRAGMA journal_mode"), "wal");
    RegistrationRepository restoredRepo(*restored, *m_keys);
    EXPECT_EQ(*restoredRepo.count(), 5);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto customer = restoredRepo.readCustomer(ids[i], "system", "backup_test");
        ASSERT_TRUE(customer) << customer.error().toString();
        EXPECT_EQ(customer->name, "ZZBACKUP Name" + std::to_string(i));
    }
    auto chain = verifyAuditChain(*restored);
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
}

TEST_F(Backup, RestoreRefusesAnExistingDatabaseUnlessForcedAndQuarantinesIt)
{
    ASSERT_TRUE(repository().insert(sampleRegistration(m_clerkId)));
    ASSERT_TRUE(backupStore(*m_db, *m_keys, backupFile()));
    ASSERT_TRUE(repository().insert(sampleRegistration(m_clerkId))); // after the backup
    m_db.reset();
    auto refused = restoreStore(backupFile(), *m_keys, dbFile());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    auto forced = restoreStore(backupFile(), *m_keys, dbFile(), true);
    ASSERT_TRUE(forced) << forced.error().toString();
    ASSERT_TRUE(forced->quarantinedAt);
    EXPECT_TRUE(fs::exists(*forced->quarantinedAt)) << "the replaced database is kept";
    auto db = openStore(dbFile());
    ASSERT_TRUE(db);
    EXPECT_EQ(*RegistrationRepository(*db, *m_keys).count(), 1);
}

TEST_F(Backup, AFlippedByteFailsWithCryptoFailureAndWritesNothing)
{
    ASSERT_TRUE(repository().insert(sampleRegistration(m_clerkId)));
    ASSERT_TRUE(backupStore(*m_db, *m_keys, backupFile()));
    std::vector<char> bytes = readBytes(backupFile());
    for (std::size_t offset : {kBackupMagic.size() + 3, bytes.size() / 2, bytes.size() - 1}) {
        std::vector<char> flipped = bytes;
        flipped[offset] = static_cast<char>(flipped[offset] ^ 0x01);
        writeBytes(backupFile(), flipped);
        auto restored = restoreStore(backupFile(), *m_keys, restoredFile());
        ASSERT_FALSE(restored) << "offset " << offset;
        EXPECT_EQ(restored.error().code, ErrorCode::CryptoFailure) << restored.error().toString();
        EXPECT_FALSE(fs::exists(restoredFile()));
    }
    std::vector<char> badMagic = bytes;
    badMagic[0] = 'X';
    writeBytes(backupFile(), badMagic);
    auto notBackup = restoreStore(backupFile(), *m_keys, restoredFile());
    ASSERT_FALSE(notBackup);
    EXPECT_EQ(notBackup.error().code, ErrorCode::InvalidFormat);
}

TEST_F(Backup, ABackupUnderAnotherStoreKeyFails)
{
    ASSERT_TRUE(repository().insert(sampleRegistration(m_clerkId)));
    ASSERT_TRUE(backupStore(*m_db, *m_keys, backupFile()));
    auto otherKey = crypto::SecureBytes::random(kStoreKeySize);
    ASSERT_TRUE(otherKey);
    Keyring other;
    other.storeKey = std::move(otherKey).value();
    auto restored = restoreStore(backupFile(), other, restoredFile());
    ASSERT_FALSE(restored);
    EXPECT_EQ(restored.error().code, ErrorCode::CryptoFailure);
    EXPECT_NE(restored.error().message.find("does not decrypt"), std::string::npos);
    EXPECT_FALSE(fs::exists(restoredFile()));
}

TEST_F(Backup, BackupWhileAnotherConnectionWrites)
{
    auto writer = openStore(dbFile());
    ASSERT_TRUE(writer);
    RegistrationRepository writerRepo(*writer, *m_keys);
    ASSERT_TRUE(writerRepo.insert(sampleRegistration(m_clerkId)));
    auto tx = Transaction::begin(*writer); // an open write transaction: the snapshot excludes it
    ASSERT_TRUE(tx);
    ASSERT_TRUE(writer->exec("DELETE FROM settings"));
    ASSERT_TRUE(backupStore(*m_db, *m_keys, backupFile()));
    ASSERT_TRUE(tx->commit());
    auto restored = restoreStore(backupFile(), *m_keys, restoredFile());
    ASSERT_TRUE(restored) << restored.error().toString();
}

} // namespace
} // namespace simkyc::store::test

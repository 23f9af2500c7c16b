// Store-key rotation: every record and wrapped setting opens under the new key and not the old one,
// the blind index survives (also for a store made before blind-index.key existed), both protections,
// a wrong passphrase changes nothing, and a crash after each step is resolved at the next start.
#include "crypto/key_wrap.h"
#include "store/audit_log.h"
#include "store/bytes.h"
#include "store/key_rotation.h"
#include "store/retention.h"
#include "store/settings.h"
#include "store_fixture.h"
#include "store_test_helpers.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

namespace simkyc::store {
namespace {

namespace fs = std::filesystem;
using test::sampleRegistration;
using StopAfter = RotationOptions::StopAfter;

crypto::SecureBytes secret(std::string_view text)
{
    return crypto::SecureBytes(textBytes(text));
}

class KeyRotationTest : public ::testing::Test {
protected:
    void init(bool passphrase, bool legacyBlindIndex = false)
    {
        KeyInitOptions o;
        o.protection = passphrase ? KeyInitOptions::Protection::Passphrase : KeyInitOptions::Protection::KeyFile;
        if (passphrase)
            o.passphrase = secret(kPassphrase);
        o.scrypt = test::kCheapScrypt;
        o.demoCarrierDir = m_carrier.path();
        ASSERT_TRUE(initKeys(data(), o));
        if (legacyBlindIndex) // a store made before blind-index.key: the key derived from the store key
            fs::remove(keysDir() / kBlindIndexKeyFileName);
        m_old = std::make_unique<Keyring>(unlock(passphrase ? std::optional<std::string>(kPassphrase) : std::nullopt));
        auto db = openStore(dbFile());
        ASSERT_TRUE(db);
        StaffRepository staff(*db, test::kCheapScrypt);
        auto clerk = staff.add("clerk1", StaffRole::Clerk, "clerk-password");
        ASSERT_TRUE(clerk);
        RegistrationRepository repo(*db, *m_old);
        for (int i = 0; i < kRecords; ++i) {
            auto id = repo.insert(sampleRegistration(clerk->id, "ZZROTATE Name" + std::to_string(i)));
            ASSERT_TRUE(id);
            m_ids.push_back(*id);
        }
        m_settingKey = crypto::generateDataKey().value();
        ASSERT_TRUE(
            writeSetting(*db, "sync.quota_key_wrapped", hexEncode(*crypto::wrapKey(m_old->storeKey, m_settingKey))));
    }

    Keyring unlock(const std::optional<std::string> &passphrase)
    {
        std::unique_ptr<KeyProvider> provider;
        if (passphrase)
            provider = std::make_unique<PassphraseKeyProvider>(keysDir() / kPassphraseKeyFileName, secret(*passphrase));
        else
            provider = std::make_unique<KeyFileProvider>(keysDir() / kRawKeyFileName);
        auto keys = unlockKeyring(data(), *provider);
        EXPECT_TRUE(keys) << keys.error().toString();
        return keys ? std::move(keys).value() : Keyring{};
    }

    RotationOptions options(std::optional<std::string> passphrase = std::string(kPassphrase),
                            std::optional<std::string> newPassphrase = std::nullopt)
    {
        RotationOptions o;
        if (passphrase)
            o.passphrase = secret(*passphrase);
        if (newPassphrase)
            o.newPassphrase = secret(*newPassphrase);
        return o;
    }

    // Every record (and the wrapped setting) opens under `keys`; none under the other key.
    void expectOpensWith(const Keyring &keys, const Keyring &other)
    {
        auto db = openStore(dbFile());
        ASSERT_TRUE(db);
        RegistrationRepository repo(*db, keys);
        RegistrationRepository wrong(*db, other);
        for (std::size_t i = 0; i < m_ids.size(); ++i) {
            auto customer = repo.readCustomer(m_ids[i], "staff:1", "rotation_test");
            ASSERT_TRUE(customer) << customer.error().toString();
            EXPECT_EQ(customer->name, "ZZROTATE Name" + std::to_string(i));
            auto refused = wrong.readCustomer(m_ids[i], "staff:1", "rotation_test");
            ASSERT_FALSE(refused);
            EXPECT_EQ(refused.error().code, ErrorCode::CryptoFailure);
        }
        EXPECT_EQ(*repo.countActiveForIdNumber("11010519491231002X"), kRecords) << "the blind index still matches";
        auto wrapped = hexDecode(**readSetting(*db, "sync.quota_key_wrapped"));
        ASSERT_TRUE(wrapped);
        auto setting = crypto::unwrapKey(keys.storeKey, *wrapped);
        ASSERT_TRUE(setting);
        EXPECT_TRUE(setting->equals(m_settingKey.span()));
        EXPECT_FALSE(crypto::unwrapKey(other.storeKey, *wrapped));
        auto chain = verifyAuditChain(*db);
        ASSERT_TRUE(chain);
        EXPECT_TRUE(chain->ok);
    }

    bool anyStaged() const
    {
        for (const auto &entry : fs::directory_iterator(keysDir()))
            if (entry.path().extension() == ".new")
                return true;
        return false;
    }

    fs::path data() const { return m_data.path(); }
    fs::path keysDir() const { return keysDirOf(data()); }
    fs::path dbFile() const { return data() / "simkyc.db"; }

    static constexpr const char *kPassphrase = "manager passphrase";
    static constexpr int kRecords = 5;
    simkyc::test::TempDir m_data;
    simkyc::test::TempDir m_carrier;
    std::unique_ptr<Keyring> m_old;
    std::vector<std::string> m_ids;
    crypto::SecureBytes m_settingKey;
};

TEST_F(KeyRotationTest, KeyFileStoreRewrapsEverythingWithoutReencrypting)
{
    init(false);
    std::string nameBefore;
    {
        auto db = openStore(dbFile());
        nameBefore = *db->queryText("SELECT hex(name) FROM registrations ORDER BY id LIMIT 1");
    }
    auto report = rotateStoreKey(data(), dbFile(), options(std::nullopt));
    ASSERT_TRUE(report) << report.error().toString();
    EXPECT_EQ(report->recordsRewrapped, kRecords);
    EXPECT_EQ(report->settingsRewrapped, 1);
    EXPECT_EQ(report->protection, "key-file");
    EXPECT_FALSE(report->blindIndexKeyPersisted);
    EXPECT_FALSE(anyStaged());
    Keyring fresh = unlock(std::nullopt);
    EXPECT_FALSE(fresh.storeKey.equals(m_old->storeKey.span()));
    EXPECT_TRUE(fresh.blindIndexKey.equals(m_old->blindIndexKey.span()));
    EXPECT_TRUE(fresh.devicePrivate.equals(m_old->devicePrivate.span()));
    expectOpensWith(fresh, *m_old);
    auto db = openStore(dbFile());
    EXPECT_EQ(*db->queryText("SELECT hex(name) FROM registrations ORDER BY id LIMIT 1"), nameBefore)
        << "envelope encryption: the field ciphertexts are untouched";
    EXPECT_EQ(*db->queryInt64("SELECT COUNT(*) FROM audit_log WHERE action = 'key.rotate'"), 1);
    EXPECT_EQ(**readSetting(*db, kKeyCheckSetting), *storeKeyCheck(fresh.storeKey));
}

TEST_F(KeyRotationTest, PassphraseStoreSameOrNewPassphrase)
{
    init(true);
    ASSERT_TRUE(rotateStoreKey(data(), dbFile(), options()));
    Keyring same = unlock(std::string(kPassphrase));
    EXPECT_FALSE(same.storeKey.equals(m_old->storeKey.span()));
    expectOpensWith(same, *m_old);

    auto changed = rotateStoreKey(data(), dbFile(), options(kPassphrase, "a new manager passphrase"));
    ASSERT_TRUE(changed) << changed.error().toString();
    PassphraseKeyProvider oldPass(keysDir() / kPassphraseKeyFileName, secret(kPassphrase));
    auto refused = unlockKeyring(data(), oldPass);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::CryptoFailure);
    Keyring fresh = unlock(std::string("a new manager passphrase"));
    expectOpensWith(fresh, same);
    EXPECT_FALSE(rotateStoreKey(data(), dbFile(), options(kPassphrase, "short"))) << "old passphrase no longer opens";
    auto tooShort = rotateStoreKey(data(), dbFile(), options("a new manager passphrase", "short"));
    ASSERT_FALSE(tooShort);
    EXPECT_EQ(tooShort.error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(anyStaged());
}

TEST_F(KeyRotationTest, WrongPassphraseChangesNothing)
{
    init(true);
    const auto keyFile = test::readBytes(keysDir() / kPassphraseKeyFileName);
    const auto deviceFile = test::readBytes(keysDir() / kDeviceKeyFileName);
    auto wrong = rotateStoreKey(data(), dbFile(), options("manager passphrasf"));
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, ErrorCode::CryptoFailure);
    EXPECT_EQ(test::readBytes(keysDir() / kPassphraseKeyFileName), keyFile);
    EXPECT_EQ(test::readBytes(keysDir() / kDeviceKeyFileName), deviceFile);
    EXPECT_FALSE(anyStaged());
    Keyring same = unlock(std::string(kPassphrase));
    EXPECT_TRUE(same.storeKey.equals(m_old->storeKey.span()));
    auto db = openStore(dbFile());
    EXPECT_EQ(*db->queryInt64("SELECT COUNT(*) FROM audit_log WHERE action = 'key.rotate'"), 0);
}

// A kiosk that has the store open would keep wrapping new records under the old key: refused.
TEST_F(KeyRotationTest, RefusedWhileAnotherProgramHasTheStoreOpen)
{
    init(false);
    const auto keyFile = test::readBytes(keysDir() / kRawKeyFileName);
    {
        auto kiosk = openStore(dbFile());
        ASSERT_TRUE(kiosk);
        auto refused = rotateStoreKey(data(), dbFile(), options(std::nullopt));
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::DatabaseError);
        EXPECT_NE(refused.error().message.find("another program has the store open"), std::string::npos);
        EXPECT_FALSE(anyStaged());
        EXPECT_EQ(test::readBytes(keysDir() / kRawKeyFileName), keyFile);
        EXPECT_TRUE(RegistrationRepository(*kiosk, *m_old).readCustomer(m_ids[0], "staff:1", "rotation_test"));
    }
    EXPECT_TRUE(rotateStoreKey(data(), dbFile(), options(std::nullopt))) << "alone with the store: rotates";
}

TEST_F(KeyRotationTest, LegacyStoreKeepsItsDerivedBlindIndexKey)
{
    init(false, true);
    auto report = rotateStoreKey(data(), dbFile(), options(std::nullopt));
    ASSERT_TRUE(report) << report.error().toString();
    EXPECT_TRUE(report->blindIndexKeyPersisted);
    EXPECT_TRUE(fs::exists(keysDir() / kBlindIndexKeyFileName));
    Keyring fresh = unlock(std::nullopt);
    EXPECT_TRUE(fresh.blindIndexKey.equals(m_old->blindIndexKey.span()));
    expectOpensWith(fresh, *m_old);
}

TEST_F(KeyRotationTest, PurgedRecordsHaveNothingToRewrap)
{
    init(false);
    {
        auto db = openStore(dbFile());
        ASSERT_TRUE(db->exec("UPDATE registrations SET sync_state = 'acknowledged'; DELETE FROM outbox; "
                             "INSERT INTO upstream_receipts SELECT id, 'accepted', 1, '{}', "
                             "'2000-01-01T00:00:00.000Z' FROM registrations"));
        auto purged = runRetention(*db, {}, Clock::now());
        ASSERT_TRUE(purged);
        ASSERT_EQ(purged->piiPurged, kRecords);
    }
    auto report = rotateStoreKey(data(), dbFile(), options(std::nullopt));
    ASSERT_TRUE(report) << report.error().toString();
    EXPECT_EQ(report->recordsRewrapped, 0);
    EXPECT_EQ(report->recordsPurged, kRecords);
}

// A crash after each step: the next start (resolveInterruptedRotation) leaves one consistent key.
TEST_F(KeyRotationTest, CrashAfterEachStepIsResolvedAtStart)
{
    init(true);
    struct Case {
        StopAfter stop;
        RecoveryOutcome expected;
    };
    for (const Case &c : {Case{StopAfter::Staged, RecoveryOutcome::RolledBack},
                          Case{StopAfter::Committed, RecoveryOutcome::RolledForward},
                          Case{StopAfter::FirstRename, RecoveryOutcome::RolledForward}}) {
        SCOPED_TRACE(static_cast<int>(c.stop));
        Keyring before = unlock(std::string(kPassphrase));
        RotationOptions o = options();
        o.stopAfterForTests = c.stop;
        ASSERT_TRUE(rotateStoreKey(data(), dbFile(), std::move(o)));
        ASSERT_TRUE(anyStaged());
        PassphraseKeyProvider provider(keysDir() / kPassphraseKeyFileName, secret(kPassphrase));
        auto blocked = unlockKeyring(data(), provider);
        ASSERT_FALSE(blocked) << "nothing unlocks while a rotation is unresolved";
        EXPECT_NE(blocked.error().message.find("interrupted"), std::string::npos);

        auto outcome = resolveInterruptedRotation(data(), dbFile(), secret(kPassphrase));
        ASSERT_TRUE(outcome) << outcome.error().toString();
        EXPECT_EQ(*outcome, c.expected);
        EXPECT_FALSE(anyStaged());
        Keyring after = unlock(std::string(kPassphrase));
        EXPECT_EQ(after.storeKey.equals(before.storeKey.span()), c.expected == RecoveryOutcome::RolledBack);
        if (c.expected == RecoveryOutcome::RolledForward)
            expectOpensWith(after, before);
        else
            expectOpensWith(after, Keyring{crypto::generateDataKey().value(), {}, {}, {}});
    }
    EXPECT_EQ(*resolveInterruptedRotation(data(), dbFile(), secret(kPassphrase)), RecoveryOutcome::NothingToDo);
}

TEST_F(KeyRotationTest, StagingCutShortIsRolledBack)
{
    init(false);
    fs::copy_file(keysDir() / kDeviceKeyFileName, keysDir() / "device.key.new");
    auto outcome = resolveInterruptedRotation(data(), dbFile(), std::nullopt);
    ASSERT_TRUE(outcome);
    EXPECT_EQ(*outcome, RecoveryOutcome::RolledBack);
    EXPECT_FALSE(anyStaged());
    expectOpensWith(unlock(std::nullopt), Keyring{crypto::generateDataKey().value(), {}, {}, {}});
}

// A new passphrase and a crash after the commit: the old passphrase cannot finish it (nothing
// changes), the new one can.
TEST_F(KeyRotationTest, InterruptedPassphraseChangeNeedsTheNewPassphrase)
{
    init(true);
    RotationOptions o = options(kPassphrase, "a new manager passphrase");
    o.stopAfterForTests = StopAfter::Committed;
    ASSERT_TRUE(rotateStoreKey(data(), dbFile(), std::move(o)));
    auto withOld = resolveInterruptedRotation(data(), dbFile(), secret(kPassphrase));
    ASSERT_FALSE(withOld);
    EXPECT_EQ(withOld.error().code, ErrorCode::CryptoFailure);
    EXPECT_TRUE(anyStaged()) << "nothing changed";
    auto withNew = resolveInterruptedRotation(data(), dbFile(), secret("a new manager passphrase"));
    ASSERT_TRUE(withNew) << withNew.error().toString();
    EXPECT_EQ(*withNew, RecoveryOutcome::RolledForward);
    expectOpensWith(unlock(std::string("a new manager passphrase")), *m_old);
}

TEST_F(KeyRotationTest, ManyRecordsTiming)
{
    init(false);
    {
        auto db = openStore(dbFile());
        RegistrationRepository repo(*db, *m_old);
        for (int i = 0; i < 995; ++i)
            ASSERT_TRUE(repo.insert(sampleRegistration(1, "ZZROTATE Bulk")));
    }
    const auto start = std::chrono::steady_clock::now();
    auto report = rotateStoreKey(data(), dbFile(), options(std::nullopt));
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(report) << report.error().toString();
    EXPECT_EQ(report->recordsRewrapped, 1000);
    std::printf("[ rotate ] %lld data keys re-wrapped in %.1f ms\n", static_cast<long long>(report->recordsRewrapped),
                ms);
}

} // namespace
} // namespace simkyc::store

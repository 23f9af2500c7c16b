// A data folder with real keys (raw key file provider, demo carrier outside it), an opened store with
// the built-in migrations and one clerk, for the repository tests. Thread-safety: one per test.
#pragma once

#include "crypto/password_hash.h"
#include "store/database.h"
#include "store/keyring.h"
#include "store/open_store.h"
#include "store/registration_repository.h"
#include "store/staff_repository.h"
#include "support/test_env.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>

namespace simkyc::store::test {

inline constexpr crypto::ScryptParams kCheapScrypt{10, 8, 1}; // tests only: ~1 ms

inline NewRegistration sampleRegistration(std::int64_t clerkId, std::string name = "ZZTESTNAME Qwerty",
                                          std::string idNumber = "11010519491231002X")
{
    NewRegistration r;
    r.clerkId = clerkId;
    r.status = core::RegistrationState::Recorded;
    r.outcome = core::Decision::Match;
    r.reasonCodes = {"liveness_ok", "match_ok"};
    r.matchDistance = 0.41;
    r.livenessSummary = "blinks=2 yaw=ok";
    r.customer = {std::move(name), std::move(idNumber),   "1949-12-31", "ZZTESTADDR 42 Nowhere Road",
                  "13912345678",   "89860012345678901234"};
    r.biometricPayload = std::vector<std::uint8_t>(2048, 0x5a);
    r.reviewThumbnail = std::vector<std::uint8_t>(512, 0x33);
    r.biometricsExpireAt = Clock::now() + std::chrono::hours(48);
    return r;
}

class StoreFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        KeyInitOptions options;
        options.protection = KeyInitOptions::Protection::KeyFile;
        options.demoCarrierDir = m_carrierDir.path();
        auto summary = initKeys(dataDir(), options);
        ASSERT_TRUE(summary) << summary.error().toString();
        KeyFileProvider provider(keysDirOf(dataDir()) / kRawKeyFileName);
        auto keys = unlockKeyring(dataDir(), provider);
        ASSERT_TRUE(keys) << keys.error().toString();
        m_keys = std::make_unique<Keyring>(std::move(keys).value());
        auto db = openStore(dbFile());
        ASSERT_TRUE(db) << db.error().toString();
        m_db = std::make_unique<Database>(std::move(db).value());
        StaffRepository staff(*m_db, kCheapScrypt);
        auto clerk = staff.add("clerk1", StaffRole::Clerk, "clerk-password");
        ASSERT_TRUE(clerk) << clerk.error().toString();
        m_clerkId = clerk->id;
    }

    [[nodiscard]] std::filesystem::path dataDir() const { return m_dataDir.path(); }
    [[nodiscard]] std::filesystem::path dbFile() const { return m_dataDir.path() / "simkyc.db"; }
    [[nodiscard]] std::filesystem::path carrierPrivateFile() const
    {
        return m_carrierDir.path() / "carrier-x25519.key";
    }
    RegistrationRepository repository() { return RegistrationRepository(*m_db, *m_keys); }

    simkyc::test::TempDir m_dataDir;
    simkyc::test::TempDir m_carrierDir;
    std::unique_ptr<Keyring> m_keys;
    std::unique_ptr<Database> m_db;
    std::int64_t m_clerkId = 0;
};

} // namespace simkyc::store::test

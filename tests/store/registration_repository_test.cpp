// Registrations: round trip, ciphertexts bound to row and column, sealed biometrics, blind index,
// day view, audited reads, all-or-nothing insert, wrong store key.
#include "crypto/aead.h"
#include "crypto/seal.h"
#include "store/atomic_file.h"
#include "store/audit_log.h"
#include "store/bytes.h"
#include "store/transaction.h"
#include "store_fixture.h"
#include "store_test_helpers.h"

#include <gtest/gtest.h>

namespace simkyc::store {
namespace {

using test::sampleRegistration;

class RegistrationTest : public test::StoreFixture {};

TEST_F(RegistrationTest, InsertAndReadRoundTrip)
{
    RegistrationRepository repo = repository();
    const NewRegistration in = sampleRegistration(m_clerkId, "ZZTESTNAME Qwerty", "11010519491231002x");
    auto id = repo.insert(in);
    ASSERT_TRUE(id) << id.error().toString();
    EXPECT_EQ(id->size(), 36u);
    EXPECT_EQ((*id)[14], '7'); // UUIDv7
    auto out = repo.readCustomer(*id, "staff:1", "manager_review");
    ASSERT_TRUE(out) << out.error().toString();
    EXPECT_EQ(out->name, "ZZTESTNAME Qwerty");
    EXPECT_EQ(out->idNumber, "11010519491231002X"); // normalised
    EXPECT_EQ(out->birthDate, in.customer.birthDate);
    EXPECT_EQ(out->address, in.customer.address);
    EXPECT_EQ(out->phone, in.customer.phone);
    EXPECT_EQ(out->iccid, in.customer.iccid);
    EXPECT_EQ(*m_db->queryInt64("SELECT COUNT(*) FROM outbox"), 1);
    EXPECT_EQ(*m_db->queryText("SELECT sync_state FROM registrations"), "pending");
}

TEST_F(RegistrationTest, EveryDecryptingReadIsAudited)
{
    RegistrationRepository repo = repository();
    auto id = repo.insert(sampleRegistration(m_clerkId));
    ASSERT_TRUE(id);
    ASSERT_TRUE(repo.readCustomer(*id, "staff:7", "manager_review"));
    auto s = m_db->prepare("SELECT actor, detail, at FROM audit_log WHERE action = 'customer.read' AND record_id = ?");
    ASSERT_TRUE(s);
    ASSERT_TRUE(s->bindText(1, *id));
    ASSERT_EQ(*s->step(), StepResult::Row);
    EXPECT_EQ(s->columnText(0), "staff:7");
    EXPECT_EQ(s->columnText(1), "reason=manager_review");
    EXPECT_FALSE(s->columnText(2).empty());
    EXPECT_FALSE(repo.readCustomer(*id, "staff:7", "")); // no reason, no data
    EXPECT_FALSE(repo.readCustomer(*id, "staff:7", "because I want to"));
    auto chain = verifyAuditChain(*m_db);
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
}

TEST_F(RegistrationTest, CiphertextMovedToAnotherRowOrFieldFailsToDecrypt)
{
    RegistrationRepository repo = repository();
    auto a = repo.insert(sampleRegistration(m_clerkId, "ZZTESTNAME Alpha", "11010519491231002X"));
    auto b = repo.insert(sampleRegistration(m_clerkId, "ZZTESTNAME Beta", "110105194912310021"));
    ASSERT_TRUE(a && b);
    // Another row: b's name ciphertext (and even its data key) copied into a.
    ASSERT_TRUE(m_db->exec("UPDATE registrations SET name = (SELECT name FROM registrations WHERE id = '" + *b +
                           "'), wrapped_data_key = (SELECT wrapped_data_key FROM registrations WHERE id = '" + *b +
                           "') WHERE id = '" + *a + "'"));
    auto moved = repo.readCustomer(*a, "staff:1", "test");
    ASSERT_FALSE(moved);
    EXPECT_EQ(moved.error().code, ErrorCode::CryptoFailure);
    EXPECT_EQ(moved.error().message.find("ZZTESTNAME"), std::string::npos);
    // Another field of the same row.
    ASSERT_TRUE(m_db->exec("UPDATE registrations SET address = phone WHERE id = '" + *b + "'"));
    auto swapped = repo.readCustomer(*b, "staff:1", "test");
    ASSERT_FALSE(swapped);
    EXPECT_NE(swapped.error().message.find("address"), std::string::npos);
}

TEST_F(RegistrationTest, BiometricsAreSealedToTheCarrierOnly)
{
    RegistrationRepository repo = repository();
    const NewRegistration in = sampleRegistration(m_clerkId);
    auto id = repo.insert(in);
    ASSERT_TRUE(id);
    auto s = m_db->prepare("SELECT sealed_payload FROM biometrics WHERE registration_id = ?");
    ASSERT_TRUE(s && s->bindText(1, *id));
    ASSERT_EQ(*s->step(), StepResult::Row);
    const std::vector<std::uint8_t> blob = fromBlob(s->columnBlob(0));
    auto hex = readSmallFile(carrierPrivateFile());
    ASSERT_TRUE(hex);
    auto raw = hexDecode(std::string(hex->begin(), hex->end() - 1));
    ASSERT_TRUE(raw);
    auto opened =
        crypto::openSealed(crypto::SecureBytes(*raw), blob, crypto::fieldAssociatedData(*id, "biometric_payload"));
    ASSERT_TRUE(opened) << opened.error().toString();
    EXPECT_TRUE(opened->equals(in.biometricPayload));
    // Not with the store key or under another record's binding.
    EXPECT_FALSE(crypto::openSealed(m_keys->storeKey, blob, crypto::fieldAssociatedData(*id, "biometric_payload")));
    EXPECT_FALSE(
        crypto::openSealed(crypto::SecureBytes(*raw), blob, crypto::fieldAssociatedData("x", "biometric_payload")));
}

TEST_F(RegistrationTest, FailedAttemptsDoNotUseUpThePersonsQuota)
{
    // The attack: an impostor with the victim's ID card fails the face check again and again (or a
    // colluding clerk hands the attempts over and the manager rejects them). Each attempt is stored,
    // for the audit, but none may take one of the victim's five numbers.
    RegistrationRepository repo = repository();
    const std::string victim = "11010519491231002X";
    for (int i = 0; i < 5; ++i) {
        NewRegistration failed = sampleRegistration(m_clerkId, "ZZTESTNAME Qwerty", victim);
        failed.outcome = i % 2 == 0 ? core::Decision::NoMatch : core::Decision::ManualRejected;
        failed.reasonCodes = {"face_mismatch"};
        ASSERT_TRUE(repo.insert(failed));
    }
    EXPECT_EQ(*repo.countActiveForIdNumber(victim), 0);
    NewRegistration handedOver = sampleRegistration(m_clerkId, "ZZTESTNAME Qwerty", victim);
    handedOver.status = core::RegistrationState::ManualReview;
    handedOver.outcome.reset();
    handedOver.reasonCodes = {"manual_check_requested"};
    auto pending = repo.insert(handedOver);
    ASSERT_TRUE(pending) << pending.error().toString();
    EXPECT_EQ(*repo.countActiveForIdNumber(victim), 1) << "a hand-over holds a slot until the manager decides";
    ASSERT_TRUE(repo.insert(sampleRegistration(m_clerkId, "ZZTESTNAME Qwerty", victim)));
    EXPECT_EQ(*repo.countActiveForIdNumber(victim), 2);
    EXPECT_EQ(*repo.count(), 7) << "every attempt is kept";
}

TEST_F(RegistrationTest, BlindIndexCountsActiveRegistrationsPerIdNumber)
{
    RegistrationRepository repo = repository();
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) {
        auto id = repo.insert(sampleRegistration(m_clerkId, "ZZTESTNAME Qwerty", "11010519491231002X"));
        ASSERT_TRUE(id);
        ids.push_back(*id);
    }
    ASSERT_TRUE(repo.insert(sampleRegistration(m_clerkId, "Other Person", "110105194912310021")));
    EXPECT_EQ(*repo.countActiveForIdNumber("11010519491231002x"), 3);
    EXPECT_EQ(*repo.countActiveForIdNumber(" 110105194912310021 "), 1);
    EXPECT_EQ(*repo.countActiveForIdNumber("110101199003070000"), 0);
    ASSERT_TRUE(m_db->exec("UPDATE id_blind_index SET active = 0 WHERE registration_id = '" + ids[0] + "'"));
    EXPECT_EQ(*repo.countActiveForIdNumber("11010519491231002X"), 2);
    // The index holds a keyed hash, not the number or its plain SHA-256.
    const std::vector<std::uint8_t> stored = fromBlob(*[&] {
        auto s = m_db->prepare("SELECT hmac FROM id_blind_index LIMIT 1");
        EXPECT_TRUE(s && s->step());
        return std::make_unique<std::vector<std::byte>>(s->columnBlob(0));
    }());
    EXPECT_EQ(stored.size(), 32u);
    EXPECT_EQ(*repo.count(), 4);
}

TEST_F(RegistrationTest, DayViewReadsClearMetadataOnly)
{
    RegistrationRepository repo = repository();
    const Clock::time_point day = Clock::time_point(std::chrono::sys_days(std::chrono::year{2025} / 3 / 14));
    ASSERT_TRUE(repo.insert(sampleRegistration(m_clerkId), day + std::chrono::hours(9)));
    ASSERT_TRUE(repo.insert(sampleRegistration(m_clerkId), day + std::chrono::hours(23)));
    ASSERT_TRUE(repo.insert(sampleRegistration(m_clerkId), day + std::chrono::hours(25)));
    const std::int64_t audits = *m_db->queryInt64("SELECT COUNT(*) FROM audit_log");
    auto list = repo.listDay("2025-03-14");
    ASSERT_TRUE(list) << list.error().toString();
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ(list->front().status, "recorded");
    EXPECT_EQ(list->front().outcome, "match");
    EXPECT_EQ(list->front().reasonCodes, (std::vector<std::string>{"liveness_ok", "match_ok"}));
    EXPECT_DOUBLE_EQ(*list->front().matchDistance, 0.41);
    EXPECT_LT(list->front().id, list->back().id);
    EXPECT_EQ(*m_db->queryInt64("SELECT COUNT(*) FROM audit_log"), audits); // no decryption, no audit
    EXPECT_FALSE(repo.listDay("2025-02-30"));
}

TEST_F(RegistrationTest, SummaryOfOneRecordMatchesTheDayView)
{
    RegistrationRepository repo = repository();
    const Clock::time_point day = Clock::time_point(std::chrono::sys_days(std::chrono::year{2025} / 3 / 14));
    auto id = repo.insert(sampleRegistration(m_clerkId), day + std::chrono::hours(9));
    ASSERT_TRUE(id) << id.error().toString();
    const std::int64_t audits = *m_db->queryInt64("SELECT COUNT(*) FROM audit_log");
    auto one = repo.summary(*id);
    ASSERT_TRUE(one) << one.error().toString();
    auto list = repo.listDay("2025-03-14");
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(one->id, *id);
    EXPECT_EQ(one->createdAt, list->front().createdAt);
    EXPECT_EQ(one->reasonCodes, list->front().reasonCodes);
    EXPECT_EQ(one->syncState, "pending");                                   // the outbox has not sent it
    EXPECT_EQ(*m_db->queryInt64("SELECT COUNT(*) FROM audit_log"), audits); // no decryption, no audit
    auto unknown = repo.summary("01000000-0000-7000-8000-000000000000");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
}

TEST_F(RegistrationTest, FailedInsertLeavesNothing)
{
    RegistrationRepository repo = repository();
    NewRegistration bad = sampleRegistration(9999); // no such clerk: the foreign key fails inside the transaction
    auto id = repo.insert(bad);
    ASSERT_FALSE(id);
    for (const char *table : {"registrations", "biometrics", "id_blind_index", "outbox"})
        EXPECT_EQ(*m_db->queryInt64(std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
    EXPECT_EQ(*m_db->queryInt64("SELECT COUNT(*) FROM audit_log WHERE action = 'registration.insert'"), 0);
    NewRegistration missing = sampleRegistration(m_clerkId);
    missing.customer.phone.clear();
    EXPECT_EQ(repo.insert(missing).error().code, ErrorCode::InvalidArgument);
}

TEST_F(RegistrationTest, WrongStoreKeyReadsNothingAndWritesNothing)
{
    RegistrationRepository repo = repository();
    auto id = repo.insert(sampleRegistration(m_clerkId));
    ASSERT_TRUE(id);
    const std::int64_t audits = *m_db->queryInt64("SELECT COUNT(*) FROM audit_log");
    Keyring wrong{crypto::SecureBytes(std::vector<std::uint8_t>(32, 7)), m_keys->blindIndexKey.clone(),
                  m_keys->devicePrivate.clone(), m_keys->publicKeys};
    RegistrationRepository wrongRepo(*m_db, wrong);
    auto read = wrongRepo.readCustomer(*id, "staff:1", "test");
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, ErrorCode::CryptoFailure);
    EXPECT_EQ(*m_db->queryInt64("SELECT COUNT(*) FROM audit_log"), audits);
}

TEST_F(RegistrationTest, PlantedPiiAppearsNowhereInClear)
{
    test::LogCapture logs;
    const log::Level previousLevel = log::minimumLevel();
    log::setMinimumLevel(log::Level::Debug);
    m_db->setCheckpointOnClose(false);
    RegistrationRepository repo = repository();
    for (int i = 0; i < 20; ++i)
        ASSERT_TRUE(repo.insert(sampleRegistration(m_clerkId)));
    auto id = repo.insert(sampleRegistration(m_clerkId));
    ASSERT_TRUE(id);
    ASSERT_TRUE(repo.readCustomer(*id, "staff:1", "manager_review"));
    const std::vector<std::string> planted = {"ZZTESTNAME", "Qwerty",      "11010519491231002X",
                                              "ZZTESTADDR", "13912345678", "89860012345678901234",
                                              "1949-12-31"};
    auto expectAbsent = [&](const std::filesystem::path &file) {
        const std::vector<char> bytes = test::readBytes(file);
        ASSERT_FALSE(bytes.empty()) << file;
        const std::string_view text(bytes.data(), bytes.size());
        for (const std::string &p : planted)
            EXPECT_EQ(text.find(p), std::string_view::npos) << p << " found in " << file;
    };
    const std::filesystem::path wal = dbFile().string() + "-wal";
    ASSERT_TRUE(std::filesystem::exists(wal));
    expectAbsent(wal); // before the checkpoint: the records are in the WAL
    ASSERT_TRUE(m_db->exec("PRAGMA wal_checkpoint(FULL)"));
    expectAbsent(dbFile()); // after it: in the main file
    for (const std::string &p : planted)
        EXPECT_EQ(logs.all().find(p), std::string::npos) << p << " found in logs";
    log::setMinimumLevel(previousLevel);
}

} // namespace
} // namespace simkyc::store

// The upstream payload built inside the insert transaction, and the outbox's states.
#include "crypto/aead.h"
#include "crypto/digest.h"
#include "protocol/protocol.h"
#include "store/atomic_file.h"
#include "store/outbox_repository.h"
#include "store/store_fixture.h"
#include "sync/sync_settings.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace simkyc::sync {
namespace {

class Outbox : public store::test::StoreFixture {
protected:
    crypto::SecureBytes carrierPrivate()
    {
        auto text = store::readSmallFile(carrierPrivateFile());
        EXPECT_TRUE(text);
        std::string hex(text->begin(), text->end());
        hex.erase(hex.find_last_not_of("\n") + 1);
        return crypto::SecureBytes(crypto::fromHex(hex).value());
    }

    std::string insert(const store::OutboxPayloadBuilder *builder, std::string idNumber = "11010519491231002X")
    {
        store::RegistrationRepository repo(*m_db, *m_keys, builder);
        auto id = repo.insert(store::test::sampleRegistration(m_clerkId, "ZZTESTNAME Qwerty", std::move(idNumber)));
        EXPECT_TRUE(id) << id.error().toString();
        return id ? *id : std::string();
    }
};

TEST_F(Outbox, InsertStoresAPayloadThatNamesTheSealedBlobsAndOnlyTheCarrierOpensThePii)
{
    auto builder = payloadBuilderFor(*m_db, *m_keys);
    ASSERT_TRUE(builder) << builder.error().toString();
    const std::string id = insert(&*builder);
    store::OutboxRepository outbox(*m_db);
    auto items = outbox.due(store::Clock::now() + std::chrono::seconds(1), 10);
    ASSERT_TRUE(items);
    ASSERT_EQ(items->size(), 1U);
    const store::OutboxItem &item = items->front();
    EXPECT_EQ(item.recordId, id);
    EXPECT_FALSE(item.quotaIndex) << "not enrolled: no quota key yet";
    auto payload = protocol::parsePayload(item.payload);
    ASSERT_TRUE(payload) << payload.error().toString();
    EXPECT_EQ(payload->recordId, id);
    EXPECT_EQ(payload->deviceId, protocol::deviceIdOf(m_keys->publicKeys.device));
    EXPECT_EQ(payload->storeId, kDefaultStoreId);
    EXPECT_EQ(payload->clerk, "staff:" + std::to_string(m_clerkId));
    EXPECT_EQ(payload->piiSha256, crypto::toHex(crypto::sha256(item.sealedPii)));
    ASSERT_TRUE(item.sealedBiometrics);
    EXPECT_EQ(payload->biometricsSha256, crypto::toHex(crypto::sha256(*item.sealedBiometrics)));
    const std::string text(item.payload.begin(), item.payload.end());
    EXPECT_EQ(text.find("ZZTESTNAME"), std::string::npos);
    EXPECT_EQ(text.find("11010519491231002X"), std::string::npos);

    auto clear =
        crypto::openSealed(carrierPrivate(), item.sealedPii, crypto::fieldAssociatedData(id, protocol::kPiiField));
    ASSERT_TRUE(clear) << clear.error().toString();
    const QJsonObject pii =
        QJsonDocument::fromJson(QByteArray(clear->view().data(), qsizetype(clear->size()))).object();
    EXPECT_EQ(pii.value("name").toString(), "ZZTESTNAME Qwerty");
    EXPECT_EQ(pii.value("id_number").toString(), "11010519491231002X");
    EXPECT_FALSE(crypto::openSealed(carrierPrivate(), item.sealedPii,
                                    crypto::fieldAssociatedData("another-record", protocol::kPiiField)));
}

TEST_F(Outbox, WithTheQuotaKeyTheIndexIsComputedAtInsert)
{
    UpstreamEnrolment e{"https://127.0.0.1:1", "2026-11-28T00:00:00.000Z", {}, crypto::SecureBytes(32)};
    e.quotaKey.data()[0] = 7;
    ASSERT_TRUE(saveEnrolment(*m_db, *m_keys, e));
    auto loaded = loadEnrolment(*m_db, *m_keys);
    ASSERT_TRUE(loaded && *loaded);
    EXPECT_TRUE((*loaded)->quotaKey.equals(e.quotaKey.span()));
    auto builder = payloadBuilderFor(*m_db, *m_keys);
    ASSERT_TRUE(builder);
    insert(&*builder, "11010519491231002x");
    auto items = store::OutboxRepository(*m_db).pending(10);
    ASSERT_TRUE(items);
    ASSERT_EQ(items->size(), 1U);
    EXPECT_EQ(items->front().quotaIndex, protocol::quotaIndexOf(e.quotaKey, "11010519491231002X").value());
    const auto settings = m_db->queryText("SELECT group_concat(value) FROM settings");
    ASSERT_TRUE(settings);
    EXPECT_EQ(settings->find(crypto::toHex(e.quotaKey.span())), std::string::npos) << "the quota key is wrapped";
}

TEST_F(Outbox, AcknowledgeRetryAndParkMoveRecordsBetweenStates)
{
    auto builder = payloadBuilderFor(*m_db, *m_keys);
    ASSERT_TRUE(builder);
    const std::string a = insert(&*builder);
    const std::string b = insert(&*builder);
    const std::string c = insert(&*builder);
    store::OutboxRepository outbox(*m_db);
    const auto now = store::Clock::now() + std::chrono::seconds(1);
    ASSERT_TRUE(outbox.acknowledge({{a, "accepted", 1, R"({"v":1})"}}, now));
    ASSERT_TRUE(outbox.retryLater(b, "network: Connection refused", now + std::chrono::minutes(5)));
    ASSERT_TRUE(outbox.park(c, "conflict: another body under this record id", now));

    auto counts = outbox.counts();
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->acknowledged, 1);
    EXPECT_EQ(counts->pending, 1);
    EXPECT_EQ(counts->retrying, 1);
    EXPECT_EQ(counts->parked, 1);
    ASSERT_TRUE(counts->lastSuccess);
    auto due = outbox.due(now, 10);
    ASSERT_TRUE(due);
    EXPECT_TRUE(due->empty()) << "b waits for its next attempt, c is parked";
    due = outbox.due(now + std::chrono::minutes(6), 10);
    ASSERT_TRUE(due);
    ASSERT_EQ(due->size(), 1U);
    EXPECT_EQ(due->front().recordId, b);
    EXPECT_EQ(due->front().attempts, 1);
    auto parked = outbox.parked();
    ASSERT_TRUE(parked);
    ASSERT_EQ(parked->size(), 1U);
    EXPECT_EQ(parked->front().reason, "conflict: another body under this record id");
    EXPECT_EQ(*m_db->queryInt64("SELECT COUNT(*) FROM outbox WHERE registration_id = '" + a + "'"), 0)
        << "the acknowledged record's sealed PII copy is gone";
    EXPECT_EQ(*m_db->queryText("SELECT sync_state FROM registrations WHERE id = '" + a + "'"), "acknowledged");
}

TEST_F(Outbox, WithoutABuilderTheRowHasNoPayload)
{
    insert(nullptr);
    auto items = store::OutboxRepository(*m_db).pending(10);
    ASSERT_TRUE(items);
    ASSERT_EQ(items->size(), 1U);
    EXPECT_TRUE(items->front().payload.empty());
}

TEST_F(Outbox, StoreIdIsValidated)
{
    EXPECT_EQ(storeIdOf(*m_db).value(), kDefaultStoreId);
    EXPECT_TRUE(setStoreId(*m_db, "shop-0042"));
    EXPECT_EQ(storeIdOf(*m_db).value(), "shop-0042");
    EXPECT_FALSE(setStoreId(*m_db, ""));
    EXPECT_FALSE(setStoreId(*m_db, "shop 42; DROP"));
}

TEST(UtcTimestamp, ParsesWhatItFormats)
{
    const auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(store::Clock::now());
    const auto back = store::parseUtcTimestamp(store::utcTimestamp(now));
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, now);
    EXPECT_FALSE(store::parseUtcTimestamp("2026-11-28 02:00:00"));
}

} // namespace
} // namespace simkyc::sync

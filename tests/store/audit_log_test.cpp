// The audit hash chain: intact chains verify; an edited, deleted or reordered row is found and named
// (the rows are changed with plain SQL, as an attacker with the file would).
#include "store/audit_log.h"
#include "store/builtin_migrations.h"
#include "store/open_store.h"
#include "support/test_env.h"

#include <gtest/gtest.h>

namespace simkyc::store {
namespace {

class AuditLogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = openStore(m_dir.path() / "simkyc.db");
        ASSERT_TRUE(db) << db.error().toString();
        m_db = std::make_unique<Database>(std::move(db).value());
        for (int i = 1; i <= 5; ++i) {
            auto id = appendAudit(*m_db, {"staff:1", "customer.read", "rec-" + std::to_string(i), "reason=test"});
            ASSERT_TRUE(id) << id.error().toString();
            EXPECT_EQ(*id, i);
        }
    }

    AuditChainReport verify()
    {
        auto report = verifyAuditChain(*m_db);
        EXPECT_TRUE(report) << report.error().toString();
        return report ? *report : AuditChainReport{};
    }

    simkyc::test::TempDir m_dir;
    std::unique_ptr<Database> m_db;
};

TEST_F(AuditLogTest, IntactChainVerifies)
{
    const AuditChainReport r = verify();
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(r.entries, 5);
    EXPECT_EQ(r.firstBadId, 0);
}

TEST_F(AuditLogTest, EditedFieldIsFound)
{
    ASSERT_TRUE(m_db->exec("UPDATE audit_log SET actor = 'staff:2' WHERE id = 3"));
    const AuditChainReport r = verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.firstBadId, 3);
    EXPECT_NE(r.problem.find("hash mismatch"), std::string::npos);
}

TEST_F(AuditLogTest, EditedTimestampIsFound)
{
    ASSERT_TRUE(m_db->exec("UPDATE audit_log SET at = '2000-01-01T00:00:00.000Z' WHERE id = 2"));
    EXPECT_EQ(verify().firstBadId, 2);
}

TEST_F(AuditLogTest, DeletedRowIsFound)
{
    ASSERT_TRUE(m_db->exec("DELETE FROM audit_log WHERE id = 2"));
    const AuditChainReport r = verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.firstBadId, 3);
    EXPECT_NE(r.problem.find("prev_hash"), std::string::npos);
}

TEST_F(AuditLogTest, DeletedFirstRowIsFound)
{
    ASSERT_TRUE(m_db->exec("DELETE FROM audit_log WHERE id = 1"));
    EXPECT_EQ(verify().firstBadId, 2);
}

TEST_F(AuditLogTest, ReorderedRowsAreFound)
{
    // Swap rows 2 and 4 wholesale (every column but the id).
    ASSERT_TRUE(m_db->exec("UPDATE audit_log SET id = -2 WHERE id = 2;"
                           "UPDATE audit_log SET id = 2 WHERE id = 4;"
                           "UPDATE audit_log SET id = 4 WHERE id = -2;"));
    const AuditChainReport r = verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.firstBadId, 2);
}

TEST_F(AuditLogTest, RecomputedHashStillBreaksTheNextLink)
{
    // Editing a row and its own hash (copied from another row) is caught at the next row's link.
    ASSERT_TRUE(m_db->exec("UPDATE audit_log SET hash = (SELECT hash FROM audit_log WHERE id = 1) WHERE id = 3"));
    const AuditChainReport r = verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.firstBadId, 3);
}

TEST_F(AuditLogTest, FreeTextIsRefused)
{
    auto id = appendAudit(*m_db, {"staff:1", "customer.read", std::nullopt, "name=Zhang San (customer)"});
    ASSERT_FALSE(id);
    EXPECT_EQ(id.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(*m_db->queryInt64("SELECT COUNT(*) FROM audit_log"), 5);
}

} // namespace
} // namespace simkyc::store

// Transaction: commit keeps, everything else rolls back.
#include "store/database.h"
#include "store/transaction.h"
#include "support/test_env.h"

#include <gtest/gtest.h>

#include <memory>

namespace simkyc::store {
namespace {

class TransactionTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        Result<Database> db = Database::open(m_dir.path() / "tx.db");
        ASSERT_TRUE(db) << db.error().toString();
        m_db = std::make_unique<Database>(std::move(db).value());
        ASSERT_TRUE(m_db->exec("CREATE TABLE t (k TEXT PRIMARY KEY NOT NULL);"));
    }

    Status insert(std::string_view key)
    {
        Result<CachedStatement> statement = m_db->cached("INSERT INTO t (k) VALUES (?1)");
        if (!statement)
            return statement.error();
        if (Status bound = (*statement)->bindText(1, key); !bound)
            return bound;
        const Result<StepResult> step = (*statement)->step();
        return step ? Status() : Status(step.error());
    }
    std::int64_t rows() { return *m_db->queryInt64("SELECT count(*) FROM t"); }

    simkyc::test::TempDir m_dir;
    std::unique_ptr<Database> m_db;
};

TEST_F(TransactionTest, CommitKeepsTheChanges)
{
    Result<Transaction> tx = Transaction::begin(*m_db);
    ASSERT_TRUE(tx) << tx.error().toString();
    EXPECT_TRUE(m_db->inTransaction());
    ASSERT_TRUE(insert("a"));
    ASSERT_TRUE(tx->commit());
    EXPECT_FALSE(tx->isActive());
    EXPECT_FALSE(m_db->inTransaction());
    EXPECT_EQ(rows(), 1);
    EXPECT_FALSE(tx->commit()); // a second commit is an error, not a crash
}

TEST_F(TransactionTest, RollsBackWhenNotCommitted)
{
    {
        Result<Transaction> tx = Transaction::begin(*m_db);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(insert("a"));
        ASSERT_TRUE(insert("b"));
        EXPECT_EQ(rows(), 2);
    }
    EXPECT_FALSE(m_db->inTransaction());
    EXPECT_EQ(rows(), 0);
}

TEST_F(TransactionTest, RollsBackOnDestructionAfterAnError)
{
    {
        Result<Transaction> tx = Transaction::begin(*m_db);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(insert("a"));
        const Status duplicate = insert("a");
        ASSERT_FALSE(duplicate);
        EXPECT_EQ(duplicate.error().code, ErrorCode::DatabaseError);
        EXPECT_TRUE(tx->isActive()); // the statement failed, the transaction did not
        // the caller returns early with the error; the Transaction goes out of scope
    }
    EXPECT_FALSE(m_db->inTransaction());
    EXPECT_EQ(rows(), 0);
}

TEST_F(TransactionTest, RollsBackAfterDiskFullEvenWhenSqliteAlreadyDid)
{
    ASSERT_TRUE(m_db->exec("CREATE TABLE big (b BLOB);"));
    const std::int64_t pages = *m_db->queryInt64("PRAGMA page_count");
    ASSERT_TRUE(m_db->exec("PRAGMA max_page_count = " + std::to_string(pages + 2) + ";"));
    {
        Result<Transaction> tx = Transaction::begin(*m_db);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(insert("a"));
        Result<Statement> fill = m_db->prepare("INSERT INTO big (b) VALUES (zeroblob(1000000))");
        ASSERT_TRUE(fill);
        const Result<StepResult> step = fill->step();
        ASSERT_FALSE(step);
        EXPECT_EQ(step.error().code, ErrorCode::IoError);
    }
    EXPECT_FALSE(m_db->inTransaction());
    EXPECT_EQ(rows(), 0);
}

TEST_F(TransactionTest, ExplicitRollbackAndMoves)
{
    Result<Transaction> tx = Transaction::begin(*m_db);
    ASSERT_TRUE(tx);
    ASSERT_TRUE(insert("a"));
    Transaction moved = std::move(tx).value();
    EXPECT_TRUE(moved.isActive());
    ASSERT_TRUE(moved.rollback());
    EXPECT_FALSE(moved.isActive());
    EXPECT_TRUE(moved.rollback()); // no-op
    EXPECT_EQ(rows(), 0);
}

TEST_F(TransactionTest, DoesNotNest)
{
    Result<Transaction> outer = Transaction::begin(*m_db);
    ASSERT_TRUE(outer);
    const Result<Transaction> inner = Transaction::begin(*m_db);
    ASSERT_FALSE(inner);
    EXPECT_EQ(inner.error().code, ErrorCode::DatabaseError);
    EXPECT_NE(inner.error().message.find("within a transaction"), std::string::npos) << inner.error().message;
    EXPECT_TRUE(outer->isActive());
}

TEST_F(TransactionTest, ABusyDatabaseFailsAtBeginNotHalfway)
{
    Result<Database> second = Database::open(m_dir.path() / "tx.db");
    ASSERT_TRUE(second);
    Result<Transaction> holder = Transaction::begin(*m_db);
    ASSERT_TRUE(holder);
    const Result<Transaction> blocked = Transaction::begin(*second); // busy_timeout 0 here: fails at once
    ASSERT_FALSE(blocked);
    EXPECT_NE(blocked.error().message.find("SQLITE_BUSY"), std::string::npos) << blocked.error().message;
}

} // namespace
} // namespace simkyc::store

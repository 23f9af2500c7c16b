// Database and Statement: binding and reading every type, the statement cache, error shape.
#include "store/database.h"
#include "store_test_helpers.h"
#include "support/test_env.h"

#include <gtest/gtest.h>

#include <limits>

namespace simkyc::store {
namespace {

class StatementTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        Result<Database> db = Database::open(m_dir.path() / "test.db");
        ASSERT_TRUE(db) << db.error().toString();
        m_db = std::make_unique<Database>(std::move(db).value());
        ASSERT_TRUE(m_db->exec("CREATE TABLE t (i INTEGER, d REAL, s TEXT, b BLOB, n);"));
    }

    simkyc::test::TempDir m_dir;
    std::unique_ptr<Database> m_db;
};

TEST_F(StatementTest, BindsAndReadsEveryTypeByIndex)
{
    const std::vector<std::byte> blob = test::bytesOf({0x00, 0x01, 0x00, 0xff, 0x00});
    const std::string text("a\0b\xc3\xa9", 5); // embedded NUL and UTF-8
    {
        Result<Statement> insert = m_db->prepare("INSERT INTO t (i, d, s, b, n) VALUES (?1, ?2, ?3, ?4, ?5)");
        ASSERT_TRUE(insert) << insert.error().toString();
        ASSERT_TRUE(insert->bindInt64(1, std::numeric_limits<std::int64_t>::min()));
        ASSERT_TRUE(insert->bindDouble(2, -1.5e300));
        ASSERT_TRUE(insert->bindText(3, text));
        ASSERT_TRUE(insert->bindBlob(4, blob));
        ASSERT_TRUE(insert->bindNull(5));
        const Result<StepResult> step = insert->step();
        ASSERT_TRUE(step) << step.error().toString();
        EXPECT_EQ(*step, StepResult::Done);
    }
    Result<Statement> select = m_db->prepare("SELECT i, d, s, b, n FROM t");
    ASSERT_TRUE(select);
    ASSERT_EQ(*select->step(), StepResult::Row);
    ASSERT_EQ(select->columnCount(), 5);
    EXPECT_EQ(select->columnName(3), "b");
    EXPECT_EQ(select->columnType(0), ColumnType::Integer);
    EXPECT_EQ(select->columnType(1), ColumnType::Float);
    EXPECT_EQ(select->columnType(2), ColumnType::Text);
    EXPECT_EQ(select->columnType(3), ColumnType::Blob);
    EXPECT_TRUE(select->columnIsNull(4));
    EXPECT_EQ(select->columnInt64(0), std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(select->columnDouble(1), -1.5e300);
    EXPECT_EQ(select->columnText(2), text);
    EXPECT_EQ(select->columnBlob(3), blob);
    EXPECT_EQ(*select->step(), StepResult::Done);
}

TEST_F(StatementTest, BindsByNameAndKeepsEmptyBlobDistinctFromNull)
{
    Result<Statement> insert = m_db->prepare("INSERT INTO t (i, d, s, b, n) VALUES (:i, @d, $s, :b, :n)");
    ASSERT_TRUE(insert);
    ASSERT_TRUE(insert->bindInt64(":i", 42));
    ASSERT_TRUE(insert->bindDouble("@d", 0.25));
    ASSERT_TRUE(insert->bindText("$s", ""));
    ASSERT_TRUE(insert->bindBlob(":b", std::span<const std::byte>()));
    ASSERT_TRUE(insert->bindNull(":n"));
    ASSERT_TRUE(insert->step());

    Result<Statement> select = m_db->prepare("SELECT i, d, typeof(s), typeof(b), length(b), n FROM t");
    ASSERT_TRUE(select);
    ASSERT_EQ(*select->step(), StepResult::Row);
    EXPECT_EQ(select->columnInt64(0), 42);
    EXPECT_EQ(select->columnDouble(1), 0.25);
    EXPECT_EQ(select->columnText(2), "text");
    EXPECT_EQ(select->columnText(3), "blob");
    EXPECT_EQ(select->columnInt64(4), 0);
    EXPECT_TRUE(select->columnIsNull(5));
}

TEST_F(StatementTest, BindErrorsNameTheParameterButNotTheValue)
{
    Result<Statement> insert = m_db->prepare("INSERT INTO t (s) VALUES (:s)");
    ASSERT_TRUE(insert);
    const Status unknown = insert->bindText(":missing", "Jane Secret");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::DatabaseError);
    EXPECT_NE(unknown.error().message.find(":missing"), std::string::npos);
    EXPECT_EQ(unknown.error().message.find("Jane Secret"), std::string::npos);

    const Status range = insert->bindText(7, "Jane Secret");
    ASSERT_FALSE(range);
    EXPECT_NE(range.error().message.find("SQLITE_RANGE"), std::string::npos) << range.error().message;
    EXPECT_EQ(range.error().message.find("Jane Secret"), std::string::npos);
}

TEST_F(StatementTest, ResetRunsAgainWithBindingsCleared)
{
    Result<Statement> echo = m_db->prepare("SELECT ?1");
    ASSERT_TRUE(echo);
    ASSERT_TRUE(echo->bindInt64(1, 7));
    ASSERT_EQ(*echo->step(), StepResult::Row);
    EXPECT_EQ(echo->columnInt64(0), 7);
    echo->reset();
    ASSERT_EQ(*echo->step(), StepResult::Row);
    EXPECT_TRUE(echo->columnIsNull(0));
}

TEST_F(StatementTest, CacheReturnsTheSameStatementResetAndRefusesNestedUse)
{
    const std::string sql = "SELECT ?1 + 1";
    Statement *first = nullptr;
    {
        Result<CachedStatement> a = m_db->cached(sql);
        ASSERT_TRUE(a) << a.error().toString();
        first = a->get();
        ASSERT_TRUE((*a)->bindInt64(1, 41));
        ASSERT_EQ(*(*a)->step(), StepResult::Row);
        EXPECT_EQ((*a)->columnInt64(0), 42);

        const Result<CachedStatement> nested = m_db->cached(sql);
        ASSERT_FALSE(nested);
        EXPECT_EQ(nested.error().code, ErrorCode::DatabaseError);
    }
    Result<CachedStatement> b = m_db->cached(sql);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->get(), first);
    ASSERT_EQ(*(*b)->step(), StepResult::Row); // reset on return: runs from the start, binding cleared
    EXPECT_TRUE((*b)->columnIsNull(0));

    Result<CachedStatement> other = m_db->cached("SELECT 2");
    ASSERT_TRUE(other);
    EXPECT_NE(other->get(), first);
    EXPECT_EQ(m_db->cachedStatementCount(), 2u);
}

TEST_F(StatementTest, CachedStatementsSurviveAMoveOfTheDatabase)
{
    Statement *before = nullptr;
    {
        Result<CachedStatement> a = m_db->cached("SELECT 5");
        ASSERT_TRUE(a);
        before = a->get();
    }
    Database moved = std::move(*m_db);
    Result<CachedStatement> b = moved.cached("SELECT 5");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->get(), before);
    ASSERT_EQ(*(*b)->step(), StepResult::Row);
    EXPECT_EQ((*b)->columnInt64(0), 5);
    EXPECT_FALSE(m_db->isOpen());
}

TEST_F(StatementTest, PrepareErrorsCarryTheSqliteMessageAndCodeName)
{
    const Result<Statement> bad = m_db->prepare("SELEC 1");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::DatabaseError);
    EXPECT_NE(bad.error().message.find("syntax error"), std::string::npos) << bad.error().message;
    EXPECT_NE(bad.error().message.find("(SQLITE_ERROR"), std::string::npos) << bad.error().message;

    const Result<Statement> two = m_db->prepare("SELECT 1; SELECT 2");
    ASSERT_FALSE(two);
    EXPECT_NE(two.error().message.find("more than one statement"), std::string::npos);
    EXPECT_FALSE(m_db->prepare("  -- only a comment"));
}

TEST_F(StatementTest, ConstraintErrorNamesTheConstraintNeverTheValue)
{
    test::LogCapture capture;
    ASSERT_TRUE(m_db->exec("CREATE TABLE person (phone TEXT UNIQUE);"));
    for (int attempt = 0; attempt < 2; ++attempt) {
        Result<CachedStatement> insert = m_db->cached("INSERT INTO person (phone) VALUES (?1)");
        ASSERT_TRUE(insert);
        ASSERT_TRUE((*insert)->bindText(1, "+254712345678"));
        const Result<StepResult> step = (*insert)->step();
        if (attempt == 0) {
            ASSERT_TRUE(step);
            continue;
        }
        ASSERT_FALSE(step);
        EXPECT_EQ(step.error().code, ErrorCode::DatabaseError);
        EXPECT_NE(step.error().message.find("SQLITE_CONSTRAINT_UNIQUE"), std::string::npos) << step.error().message;
        EXPECT_NE(step.error().message.find("person.phone"), std::string::npos);
        EXPECT_EQ(step.error().message.find("712345678"), std::string::npos) << step.error().message;
    }
    EXPECT_EQ(capture.all().find("712345678"), std::string::npos) << capture.all();
}

TEST_F(StatementTest, DiskFullIsAnIoErrorNamedSqliteFull)
{
    ASSERT_TRUE(m_db->exec("PRAGMA max_page_count = 8;")); // a tiny "disk"
    const std::vector<std::byte> big(64 * 1024, std::byte{0x5a});
    Result<Statement> insert = m_db->prepare("INSERT INTO t (b) VALUES (?1)");
    ASSERT_TRUE(insert);
    ASSERT_TRUE(insert->bindBlob(1, big));
    const Result<StepResult> step = insert->step();
    ASSERT_FALSE(step);
    EXPECT_EQ(step.error().code, ErrorCode::IoError);
    EXPECT_NE(step.error().message.find("SQLITE_FULL"), std::string::npos) << step.error().message;
}

TEST_F(StatementTest, QueryHelpersAndOpenFailure)
{
    EXPECT_EQ(*m_db->queryInt64("SELECT 6 * 7"), 42);
    EXPECT_EQ(*m_db->queryText("SELECT 'x' || 'y'"), "xy");
    EXPECT_FALSE(m_db->queryInt64("SELECT 1 WHERE 0"));

    const Result<Database> missing = Database::open(m_dir.path() / "no" / "such" / "dir.db");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::IoError);
    EXPECT_NE(missing.error().message.find("SQLITE_CANTOPEN"), std::string::npos) << missing.error().message;
}

} // namespace
} // namespace simkyc::store

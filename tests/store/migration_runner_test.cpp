// Applying migrations: from empty, from every earlier version, refusal of newer schemas, atomic failure.
#include "store/builtin_migrations.h"
#include "store/database.h"
#include "store/migration_runner.h"
#include "store/open_store.h"
#include "store_test_helpers.h"
#include "support/test_env.h"

#include <gtest/gtest.h>

namespace simkyc::store {
namespace {

bool hasTable(Database &db, const std::string &name)
{
    Result<Statement> query = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    if (!query || !query->bindText(1, name))
        return false;
    const Result<StepResult> step = query->step();
    return step && *step == StepResult::Row;
}

class MigrationRunnerTest : public ::testing::Test {
protected:
    std::filesystem::path file() const { return m_dir.path() / "store.db"; }
    int versionOnDisk() const
    {
        Result<Database> db = Database::open(file());
        return db ? *schemaVersion(*db) : -1;
    }
    simkyc::test::TempDir m_dir;
};

TEST_F(MigrationRunnerTest, FromEmptyAppliesAllAndSetsUserVersion)
{
    Result<Database> db = openDatabase(file(), test::threeVersions());
    ASSERT_TRUE(db) << db.error().toString();
    EXPECT_EQ(*schemaVersion(*db), 3);
    EXPECT_TRUE(hasTable(*db, "customer"));
    EXPECT_TRUE(hasTable(*db, "device"));
    EXPECT_EQ(*db->queryInt64("SELECT count(*) FROM device"), 1);
}

TEST_F(MigrationRunnerTest, AMigrationWithANulByteFailsInsteadOfHanging)
{
    // Found by tests/fuzz/store_migrations_fuzz.cpp: Database::exec looped forever on SQL holding a
    // NUL byte (a corrupt migration file), so opening the store hung (this test then times out).
    Result<Database> db = Database::open(file());
    ASSERT_TRUE(db) << db.error().toString();
    const std::string sql("CREATE TABLE a (x);\0CREATE TABLE b (y);", 39);
    const Result<MigrationSummary> applied = applyMigrations(*db, {Migration{1, "nul", sql}});
    ASSERT_FALSE(applied);
    EXPECT_NE(applied.error().message.find("NUL byte"), std::string::npos) << applied.error().message;
    EXPECT_EQ(*schemaVersion(*db), 0);
    EXPECT_FALSE(hasTable(*db, "a")) << "the migration's transaction was rolled back";
    EXPECT_FALSE(db->exec(std::string_view("SELECT 1;\0", 10))) << "exec refuses a NUL byte anywhere";
}

TEST_F(MigrationRunnerTest, ReopeningIsANoOp)
{
    ASSERT_TRUE(openDatabase(file(), test::threeVersions()));
    const std::vector<char> before = test::readBytes(file());
    Result<Database> db = openDatabase(file(), test::threeVersions());
    ASSERT_TRUE(db);
    const Result<MigrationSummary> again = applyMigrations(*db, test::threeVersions());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->fromVersion, 3);
    EXPECT_EQ(again->toVersion, 3);
    EXPECT_EQ(*db->queryInt64("SELECT count(*) FROM device"), 1); // the seed ran once
    db->close();
    EXPECT_EQ(test::readBytes(file()), before);
}

TEST_F(MigrationRunnerTest, UpgradesFromEveryEarlierVersion)
{
    for (std::size_t start = 0; start < 3; ++start) {
        SCOPED_TRACE("from version " + std::to_string(start));
        std::filesystem::remove(file());
        {
            Result<Database> old = openDatabase(file(), test::threeVersions(start));
            ASSERT_TRUE(old) << old.error().toString();
            EXPECT_EQ(*schemaVersion(*old), static_cast<int>(start));
            if (start >= 1) {
                ASSERT_TRUE(old->exec("INSERT INTO customer (id, name) VALUES (1, 'kept');"));
            }
        }
        Result<Database> db = openDatabase(file(), test::threeVersions());
        ASSERT_TRUE(db) << db.error().toString();
        EXPECT_EQ(*schemaVersion(*db), 3);
        EXPECT_TRUE(hasTable(*db, "device"));
        EXPECT_EQ(*db->queryInt64("SELECT count(*) FROM customer"), start >= 1 ? 1 : 0);
        EXPECT_EQ(*db->queryInt64("SELECT count(*) FROM sqlite_schema WHERE name = 'customer_phone'"), 1);
    }
}

TEST_F(MigrationRunnerTest, NewerDatabaseIsRefusedAndLeftByteIdentical)
{
    ASSERT_TRUE(openDatabase(file(), test::threeVersions()));
    const std::vector<char> before = test::readBytes(file());
    const Result<Database> db = openDatabase(file(), test::threeVersions(1));
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::Unsupported);
    EXPECT_EQ(db.error().message, "database schema version 3 is newer than this program supports (1); upgrade SimKYC");
    EXPECT_EQ(test::readBytes(file()), before);
}

TEST_F(MigrationRunnerTest, NewerRollbackJournalDatabaseIsNotSwitchedToWal)
{
    {
        Result<Database> raw = Database::open(file());
        ASSERT_TRUE(raw);
        ASSERT_TRUE(raw->exec("CREATE TABLE future (x); PRAGMA user_version = 99;"));
    }
    const std::vector<char> before = test::readBytes(file());
    const Result<Database> db = openStore(file());
    ASSERT_FALSE(db);
    EXPECT_NE(db.error().message.find("schema version 99 is newer"), std::string::npos) << db.error().message;
    EXPECT_EQ(test::readBytes(file()), before);
    EXPECT_FALSE(std::filesystem::exists(file().string() + "-wal"));
}

TEST_F(MigrationRunnerTest, NewerDatabaseWithALiveWalKeepsBothFilesUntouched)
{
    const std::filesystem::path live = m_dir.path() / "live.db";
    Result<Database> writer = openDatabase(live, test::threeVersions());
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->exec("INSERT INTO customer (id, name) VALUES (1, 'only in the wal');"));
    const std::vector<char> main = test::readBytes(live); // as if the program crashed now
    const std::vector<char> wal = test::readBytes(live.string() + "-wal");
    ASSERT_FALSE(wal.empty());
    test::writeBytes(file(), main);
    test::writeBytes(file().string() + "-wal", wal);

    const Result<Database> db = openDatabase(file(), test::threeVersions(2));
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::Unsupported);
    EXPECT_EQ(test::readBytes(file()), main);
    EXPECT_EQ(test::readBytes(file().string() + "-wal"), wal);
}

TEST_F(MigrationRunnerTest, FailingMigrationRollsBackCompletely)
{
    ASSERT_TRUE(openDatabase(file(), test::threeVersions(1)));
    std::vector<Migration> broken = test::threeVersions(1);
    broken.push_back({2, "broken",
                      "CREATE TABLE partial (x);\nINSERT INTO customer (id, name) VALUES (9, 'x');\n"
                      "CREATE TABLE oops x;"});
    const Result<Database> db = openDatabase(file(), broken);
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::DatabaseError);
    EXPECT_NE(db.error().message.find("migration 0002_broken failed"), std::string::npos) << db.error().message;
    EXPECT_NE(db.error().message.find("syntax error"), std::string::npos) << db.error().message;

    Result<Database> after = Database::open(file());
    ASSERT_TRUE(after);
    EXPECT_EQ(*schemaVersion(*after), 1);
    EXPECT_FALSE(hasTable(*after, "partial"));
    EXPECT_EQ(*after->queryInt64("SELECT count(*) FROM customer"), 0);
}

TEST_F(MigrationRunnerTest, FailingFirstMigrationLeavesAnEmptySchema)
{
    const Result<Database> db = openDatabase(file(), {{1, "bad", "CREATE TABLE a (x); CREATE TABLE a (y);"}});
    ASSERT_FALSE(db);
    EXPECT_NE(db.error().message.find("already exists"), std::string::npos) << db.error().message;
    EXPECT_EQ(versionOnDisk(), 0);
    Result<Database> after = Database::open(file());
    ASSERT_TRUE(after);
    EXPECT_EQ(*after->queryInt64("SELECT count(*) FROM sqlite_schema"), 0);
}

TEST_F(MigrationRunnerTest, AMigrationCannotEndItsTransactionOrSetTheVersion)
{
    for (const char *sql : {"CREATE TABLE a (x); COMMIT; CREATE TABLE b (x);", "CREATE TABLE a (x); BEGIN;",
                            "CREATE TABLE a (x); PRAGMA user_version = 5;"}) {
        SCOPED_TRACE(sql);
        const Result<Database> db = openDatabase(file(), {{1, "sneaky", sql}});
        ASSERT_FALSE(db);
        EXPECT_NE(db.error().message.find("not authorized"), std::string::npos) << db.error().message;
        Result<Database> after = Database::open(file());
        ASSERT_TRUE(after);
        EXPECT_EQ(*schemaVersion(*after), 0);
        EXPECT_FALSE(hasTable(*after, "a"));
    }
}

TEST_F(MigrationRunnerTest, InvalidListIsRejectedBeforeAnythingRuns)
{
    Result<Database> db = Database::open(file());
    ASSERT_TRUE(db);
    const Result<MigrationSummary> applied = applyMigrations(*db, {{2, "two", "CREATE TABLE a (x);"}});
    ASSERT_FALSE(applied);
    EXPECT_EQ(applied.error().code, ErrorCode::InvalidFormat);
    EXPECT_FALSE(hasTable(*db, "a"));
}

TEST_F(MigrationRunnerTest, BuiltInSchemaHasSettingsAndAuditLog)
{
    Result<Database> db = openStore(file());
    ASSERT_TRUE(db) << db.error().toString();
    EXPECT_EQ(*schemaVersion(*db), builtInMigrations().back().version);
    EXPECT_TRUE(hasTable(*db, "settings"));
    EXPECT_TRUE(hasTable(*db, "audit_log"));
    EXPECT_TRUE(db->exec("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', '2025-01-01T00:00:00Z');"));
    EXPECT_FALSE(db->exec("INSERT INTO settings (key, value, updated_at) VALUES (NULL, 'v', 't');"));
    EXPECT_TRUE(db->exec("INSERT INTO audit_log (at, actor, action, prev_hash, hash) "
                         "VALUES ('t', 'operator-1', 'open', zeroblob(32), zeroblob(32));"));
    EXPECT_FALSE(db->exec("INSERT INTO audit_log (at, actor, action, hash) VALUES ('t', 'a', 'b', x'00');"));
}

} // namespace
} // namespace simkyc::store

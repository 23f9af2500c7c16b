// The open sequence: pragmas in effect, start-up log, quarantine of damaged files.
#include "store/builtin_migrations.h"
#include "store/migration_runner.h"
#include "store/open_store.h"
#include "store/quarantine.h"
#include "store_test_helpers.h"
#include "support/test_env.h"

#include <gtest/gtest.h>

#include <random>

namespace simkyc::store {
namespace {

namespace fs = std::filesystem;

std::vector<char> randomBytes(std::size_t count, unsigned seed)
{
    std::mt19937 random(seed);
    std::vector<char> out(count);
    for (char &c : out)
        c = static_cast<char>(random() & 0xff);
    return out;
}

std::vector<fs::path> filesIn(const fs::path &dir)
{
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir, ec))
        out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

class OpenStoreTest : public ::testing::Test {
protected:
    fs::path file() const { return m_dir.path() / "simkyc.db"; }
    fs::path quarantineDir() const { return m_dir.path() / "quarantine"; }

    // A valid store with enough rows to span many pages, closed cleanly (WAL checkpointed).
    void writeValidStore()
    {
        Result<Database> db = openStore(file());
        ASSERT_TRUE(db) << db.error().toString();
        ASSERT_TRUE(db->exec("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT);"
                             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
                             "INSERT INTO filler (text) SELECT printf('%.200c', 'x') FROM n;"));
    }

    // Opens the damaged file and checks it was quarantined whole, with an error that says where.
    void expectQuarantined(const std::vector<char> &damaged)
    {
        const Result<Database> db = openStore(file());
        ASSERT_FALSE(db);
        EXPECT_EQ(db.error().code, ErrorCode::DatabaseError);
        EXPECT_FALSE(fs::exists(file()));
        const std::vector<fs::path> held = filesIn(quarantineDir());
        ASSERT_FALSE(held.empty());
        const fs::path &moved = held.front();
        EXPECT_TRUE(moved.filename().string().ends_with("-simkyc.db")) << moved;
        EXPECT_NE(db.error().message.find(moved.string()), std::string::npos) << db.error().message;
        EXPECT_NE(db.error().message.find("failed its integrity check"), std::string::npos);
        EXPECT_NE(db.error().message.find(".recover"), std::string::npos);
        EXPECT_EQ(test::readBytes(moved), damaged); // moved, never rewritten
    }

    simkyc::test::TempDir m_dir;
};

TEST_F(OpenStoreTest, PragmasAreInEffectAfterOpen)
{
    Result<Database> db = openStore(file());
    ASSERT_TRUE(db) << db.error().toString();
    EXPECT_EQ(*db->queryText("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(*db->queryInt64("PRAGMA synchronous"), 2);
    EXPECT_EQ(*db->queryInt64("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(*db->queryInt64("PRAGMA secure_delete"), 1);
    EXPECT_EQ(*db->queryInt64("PRAGMA busy_timeout"), kBusyTimeoutMs);
    EXPECT_GE(*schemaVersion(*db), 1);
}

TEST_F(OpenStoreTest, LogsTheEffectivePragmasOnce)
{
    test::LogCapture capture;
    ASSERT_TRUE(openStore(file()));
    const std::string schema =
        "schema version " + std::to_string(builtInMigrations().back().version) + " (migrated from 0)";
    int opened = 0;
    for (const std::string &line : capture.lines()) {
        if (line.find("simkyc.store|info|opened '") != 0)
            continue;
        ++opened;
        for (const std::string expected : {"journal_mode=wal", "synchronous=2", "foreign_keys=1", "secure_delete=1",
                                           "busy_timeout=5000", schema.c_str()})
            EXPECT_NE(line.find(expected), std::string::npos) << expected << " in " << line;
    }
    EXPECT_EQ(opened, 1) << capture.all();
}

TEST_F(OpenStoreTest, CorruptPagesAreQuarantined)
{
    writeValidStore();
    std::vector<char> bytes = test::readBytes(file());
    constexpr std::size_t kPage = 4096;
    ASSERT_GT(bytes.size(), 8 * kPage);
    const std::vector<char> noise = randomBytes(3 * kPage, 1);
    std::copy(noise.begin(), noise.end(), bytes.begin() + kPage + kPage / 2); // middle of page 2 to page 5
    test::writeBytes(file(), bytes);
    expectQuarantined(bytes);
}

TEST_F(OpenStoreTest, CorruptHeaderIsQuarantined)
{
    writeValidStore();
    std::vector<char> bytes = test::readBytes(file());
    const std::vector<char> noise = randomBytes(16, 2);
    std::copy(noise.begin(), noise.end(), bytes.begin()); // the "SQLite format 3" magic
    test::writeBytes(file(), bytes);
    expectQuarantined(bytes);
}

TEST_F(OpenStoreTest, CorruptStoreWithALiveWalKeepsTheWalUntouched)
{
    writeValidStore(); // closed cleanly: the filler pages are in the main file only
    const fs::path live = m_dir.path() / "live.db";
    fs::copy_file(file(), live);
    fs::remove(file());
    Result<Database> db = openStore(live);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 't');"));
    // A crash now: the committed settings row exists only in the -wal.
    std::vector<char> bytes = test::readBytes(live);
    const std::vector<char> wal = test::readBytes(live.string() + "-wal");
    ASSERT_FALSE(wal.empty());
    constexpr std::size_t kPage = 4096;
    const std::vector<char> noise = randomBytes(2 * kPage, 6);
    std::copy(noise.begin(), noise.end(), bytes.begin() + 10 * kPage); // filler pages, not in the -wal
    test::writeBytes(file(), bytes);
    test::writeBytes(file().string() + "-wal", wal);

    expectQuarantined(bytes);
    const std::vector<fs::path> held = filesIn(quarantineDir());
    ASSERT_EQ(held.size(), 3u); // main, -shm (rebuilt by the check: only an index of the -wal) and -wal
    EXPECT_EQ(held[2].string(), held[0].string() + "-wal");
    EXPECT_EQ(test::readBytes(held[2]), wal); // neither checkpointed into the file nor deleted
}

TEST_F(OpenStoreTest, NonDatabaseFileIsQuarantinedWithItsSidecars)
{
    const std::vector<char> junk = randomBytes(10000, 3);
    test::writeBytes(file(), junk);
    test::writeBytes(file().string() + "-wal", randomBytes(100, 4));
    test::writeBytes(file().string() + "-shm", randomBytes(100, 5));
    expectQuarantined(junk);
    const std::vector<fs::path> held = filesIn(quarantineDir());
    ASSERT_EQ(held.size(), 3u);
    EXPECT_EQ(held[1].string(), held[0].string() + "-shm");
    EXPECT_EQ(held[2].string(), held[0].string() + "-wal");
    EXPECT_FALSE(fs::exists(file().string() + "-wal"));
    EXPECT_FALSE(fs::exists(file().string() + "-shm"));

    // The next open starts a fresh store; the quarantined copy stays.
    Result<Database> fresh = openStore(file());
    ASSERT_TRUE(fresh) << fresh.error().toString();
    EXPECT_EQ(filesIn(quarantineDir()).size(), 3u);
}

TEST_F(OpenStoreTest, RepeatedQuarantinesNeverOverwrite)
{
    for (int round = 0; round < 3; ++round) {
        test::writeBytes(file(), randomBytes(5000, 10 + round));
        ASSERT_FALSE(openStore(file()));
    }
    EXPECT_EQ(filesIn(quarantineDir()).size(), 3u);
}

TEST_F(OpenStoreTest, QuickCheckReportsOkOnAHealthyStore)
{
    writeValidStore();
    Result<Database> db = Database::open(file());
    ASSERT_TRUE(db);
    const Result<IntegrityReport> report = quickCheck(*db);
    ASSERT_TRUE(report) << report.error().toString();
    EXPECT_TRUE(report->ok);
    EXPECT_EQ(report->detail, "ok");
}

TEST_F(OpenStoreTest, UnopenableLocationIsAnIoErrorAndQuarantinesNothing)
{
    const Result<Database> db = openStore(m_dir.path() / "missing" / "simkyc.db");
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::IoError);
    EXPECT_FALSE(fs::exists(m_dir.path() / "missing"));
}

} // namespace
} // namespace simkyc::store

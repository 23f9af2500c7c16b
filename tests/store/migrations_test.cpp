// Migration file names, folder loading and list validation.
#include "store/builtin_migrations.h"
#include "store/migrations.h"
#include "store_test_helpers.h"
#include "support/test_env.h"

#include <gtest/gtest.h>

namespace simkyc::store {
namespace {

namespace fs = std::filesystem;

TEST(MigrationNames, ParsesWellFormedNames)
{
    const Result<Migration> first = parseMigrationFileName("0001_initial.sql");
    ASSERT_TRUE(first) << first.error().toString();
    EXPECT_EQ(first->version, 1);
    EXPECT_EQ(first->name, "initial");
    EXPECT_EQ(migrationLabel(*first), "0001_initial");

    const Result<Migration> later = parseMigrationFileName("0123_add_outbox_v2.sql");
    ASSERT_TRUE(later);
    EXPECT_EQ(later->version, 123);
    EXPECT_EQ(later->name, "add_outbox_v2");
}

TEST(MigrationNames, RejectsMalformedNamesWithTheReason)
{
    for (const char *name :
         {"1_initial.sql", "001_initial.sql", "00001_initial.sql", "0000_initial.sql", "0001initial.sql", "0001_.sql",
          "0001-initial.sql", "0001_Initial.sql", "0001_in itial.sql", "0001_initial.SQL", "0001_initial.sql.orig",
          "abcd_initial.sql", "0001_initial", ".sql"}) {
        const Result<Migration> parsed = parseMigrationFileName(name);
        ASSERT_FALSE(parsed) << name;
        EXPECT_EQ(parsed.error().code, ErrorCode::InvalidFormat) << name;
        EXPECT_NE(parsed.error().message.find(name), std::string::npos) << parsed.error().message;
        EXPECT_NE(parsed.error().message.find("NNNN_name.sql"), std::string::npos) << parsed.error().message;
    }
}

TEST(MigrationList, ValidationRequiresOneTwoThreeWithoutGaps)
{
    EXPECT_TRUE(validateMigrations({}));
    EXPECT_TRUE(validateMigrations(test::threeVersions()));

    std::vector<Migration> gap = test::threeVersions();
    gap.erase(gap.begin() + 1);
    const Status gapStatus = validateMigrations(gap);
    ASSERT_FALSE(gapStatus);
    EXPECT_EQ(gapStatus.error().code, ErrorCode::InvalidFormat);
    EXPECT_NE(gapStatus.error().message.find("expected 0002 but found 0003_index_and_seed"), std::string::npos)
        << gapStatus.error().message;

    std::vector<Migration> notFromOne = test::threeVersions();
    notFromOne.erase(notFromOne.begin());
    EXPECT_FALSE(validateMigrations(notFromOne));

    std::vector<Migration> duplicate = test::threeVersions(2);
    duplicate[1].version = 1;
    EXPECT_FALSE(validateMigrations(duplicate));

    std::vector<Migration> badName = test::threeVersions(1);
    badName[0].name = "Bad Name";
    EXPECT_FALSE(validateMigrations(badName));
}

TEST(MigrationFolder, LoadsSortedAndIgnoresOtherFiles)
{
    simkyc::test::TempDir dir;
    test::writeText(dir.path() / "0002_second.sql", "CREATE TABLE b (x);");
    test::writeText(dir.path() / "0001_first.sql", "CREATE TABLE a (x);");
    test::writeText(dir.path() / "README.md", "notes");
    test::writeText(dir.path() / ".0003_editor_swap.sql", "junk");
    fs::create_directory(dir.path() / "old");

    const Result<std::vector<Migration>> loaded = loadMigrations(dir.path());
    ASSERT_TRUE(loaded) << loaded.error().toString();
    ASSERT_EQ(loaded->size(), 2u);
    EXPECT_EQ((*loaded)[0].version, 1);
    EXPECT_EQ((*loaded)[0].sql, "CREATE TABLE a (x);");
    EXPECT_EQ((*loaded)[1].name, "second");
}

TEST(MigrationFolder, RejectsAMalformedNameAGapAndAMissingFolder)
{
    {
        simkyc::test::TempDir dir;
        test::writeText(dir.path() / "0001_first.sql", "SELECT 1;");
        test::writeText(dir.path() / "2_second.sql", "SELECT 1;");
        const Result<std::vector<Migration>> loaded = loadMigrations(dir.path());
        ASSERT_FALSE(loaded);
        EXPECT_EQ(loaded.error().code, ErrorCode::InvalidFormat);
        EXPECT_NE(loaded.error().message.find("'2_second.sql'"), std::string::npos) << loaded.error().message;
    }
    {
        simkyc::test::TempDir dir;
        test::writeText(dir.path() / "0001_first.sql", "SELECT 1;");
        test::writeText(dir.path() / "0002_second.sql.orig", "SELECT 1;"); // digits first: a typo, not a note
        EXPECT_FALSE(loadMigrations(dir.path()));
    }
    {
        simkyc::test::TempDir dir;
        test::writeText(dir.path() / "0001_first.sql", "SELECT 1;");
        test::writeText(dir.path() / "0003_third.sql", "SELECT 1;");
        const Result<std::vector<Migration>> loaded = loadMigrations(dir.path());
        ASSERT_FALSE(loaded);
        EXPECT_NE(loaded.error().message.find("expected 0002"), std::string::npos) << loaded.error().message;
    }
    simkyc::test::TempDir dir;
    const Result<std::vector<Migration>> missing = loadMigrations(dir.path() / "nope");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST(BuiltInMigrations, MatchTheRepositoryFolderAndAreValid)
{
    const std::vector<Migration> &builtIn = builtInMigrations();
    ASSERT_FALSE(builtIn.empty());
    EXPECT_TRUE(validateMigrations(builtIn));
    EXPECT_EQ(builtIn.front().name, "initial");

    const Result<std::vector<Migration>> onDisk = loadMigrations(SIMKYC_TEST_MIGRATIONS_DIR);
    ASSERT_TRUE(onDisk) << onDisk.error().toString();
    ASSERT_EQ(onDisk->size(), builtIn.size());
    for (std::size_t i = 0; i < builtIn.size(); ++i) {
        EXPECT_EQ((*onDisk)[i].version, builtIn[i].version);
        EXPECT_EQ((*onDisk)[i].name, builtIn[i].name);
        EXPECT_EQ((*onDisk)[i].sql, builtIn[i].sql) << "the embedded copy is stale: rebuild";
    }
}

} // namespace
} // namespace simkyc::store

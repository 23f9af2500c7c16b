// The migrations runner (store::applyMigrations) on odd SQL, in an in-memory database.
// The first byte picks the scenario:
//   even: the rest, split at NUL bytes, is a list of migrations 1..N (the runner's authorizer must
//         keep every one inside its transaction, and user_version must end where the runner says);
//   odd:  the rest is run as plain SQL first (an odd existing schema, perhaps a user_version), then
//         the project's built-in migrations are applied to it.
// The harness keeps the SQL off the file system: ATTACH is limited to zero databases (so no file
// can be opened or created by name), inputs naming VACUUM (VACUUM INTO writes a file) are skipped,
// and load_extension() stays disabled (SQLite's default, which Database keeps).
#include "fuzz_util.h"
#include "store/builtin_migrations.h"
#include "store/database.h"
#include "store/migration_runner.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <string>

using namespace simkyc;

namespace {

bool namesVacuum(std::string_view sql)
{
    std::string lower(sql);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find("vacuum") != std::string::npos;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0 || size > 8192)
        return 0;
    const std::string_view sql = fuzz::text(data + 1, size - 1);
    if (namesVacuum(sql))
        return 0;
    auto db = store::Database::open(":memory:");
    FUZZ_CHECK(db.ok());
    sqlite3_limit(db->handle(), SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db->handle(), SQLITE_LIMIT_LENGTH, 1 << 20);

    if ((data[0] & 1) == 0) {
        std::vector<store::Migration> migrations;
        std::size_t start = 0;
        while (start <= sql.size() && migrations.size() < 8) {
            const std::size_t nul = std::min(sql.find('\0', start), sql.size());
            const int version = static_cast<int>(migrations.size()) + 1;
            migrations.push_back({version, "m" + std::to_string(version), std::string(sql.substr(start, nul - start))});
            start = nul + 1;
        }
        auto summary = store::applyMigrations(*db, migrations);
        auto version = store::schemaVersion(*db);
        FUZZ_CHECK(version.ok());
        if (summary)
            FUZZ_CHECK(summary->toVersion == static_cast<int>(migrations.size()) && *version == summary->toVersion);
        FUZZ_CHECK(!db->inTransaction());
    } else {
        (void)db->exec(sql);
        if (db->inTransaction())
            (void)db->exec("ROLLBACK");
        auto summary = store::applyMigrations(*db, store::builtInMigrations());
        if (summary)
            FUZZ_CHECK(summary->toVersion == store::builtInMigrations().back().version);
        FUZZ_CHECK(!db->inTransaction());
    }
    return 0;
}

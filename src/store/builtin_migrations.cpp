#include "store/builtin_migrations.h"

#include "core/log.h"
#include "store_migrations_embedded.h"

namespace simkyc::store {

const std::vector<Migration> &builtInMigrations()
{
    static const std::vector<Migration> migrations = [] {
        std::vector<Migration> list;
        for (const embedded::MigrationFile &file : embedded::migrationFiles()) {
            Result<Migration> migration = parseMigrationFileName(file.fileName);
            if (!migration) {
                // The build checks the names, so this is a bug; the gap it leaves fails validation.
                log::critical(log::kStore, "built-in " + migration.error().message);
                continue;
            }
            migration->sql = std::string(file.sql);
            list.push_back(std::move(migration).value());
        }
        return list;
    }();
    return migrations;
}

} // namespace simkyc::store

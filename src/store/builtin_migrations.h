// The migrations shipped with this build: the repository's migrations/*.sql, embedded at build time
// (src/store/embed_migrations.cmake), so no migrations folder is needed at run time.
// Guarantees: in version order; file names were checked at build time (gaps are caught by
// validateMigrations when applied). Thread-safety: built once on first call (thread-safe), then read-only.
#pragma once

#include "store/migrations.h"

#include <vector>

namespace simkyc::store {

const std::vector<Migration> &builtInMigrations();

} // namespace simkyc::store

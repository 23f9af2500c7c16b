// Internal to the store: turns an SQLite result code into our Error. Messages carry
// sqlite3_errmsg and the extended code name (e.g. "SQLITE_IOERR_WRITE"), never bound values.
// Thread-safety: call on the thread that owns the connection, right after the failing call.
#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

struct sqlite3;

namespace simkyc::store {

// "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_FULL", ...; an extended code unknown to this build gives its
// primary code's name, a wholly unknown code "SQLITE_UNKNOWN".
std::string_view sqliteCodeName(int extendedCode);

// IoError for SQLITE_FULL, SQLITE_IOERR* and SQLITE_CANTOPEN*, DatabaseError for everything else.
ErrorCode errorCodeForSqlite(int resultCode);

// "<context>: <sqlite3_errmsg> (SQLITE_XXX, code N)". db may be null (then sqlite3_errstr is used).
Error sqliteError(sqlite3 *db, int resultCode, std::string_view context);

// A short single-line excerpt of SQL text for error context: leading blanks and "--" comments
// skipped, whitespace collapsed, cut at 80 characters. Only ever given SQL text with placeholders
// (sqlite3_sql), never sqlite3_expanded_sql, so no bound value can appear.
std::string sqlExcerpt(std::string_view sql);

} // namespace simkyc::store

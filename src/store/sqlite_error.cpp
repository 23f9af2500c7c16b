#include "store/sqlite_error.h"

#include <sqlite3.h>

#include <string>

namespace simkyc::store {

std::string_view sqliteCodeName(int extendedCode)
{
#define SIMKYC_SQLITE_CODE(code)                                                                                       \
    case code: return #code;
    switch (extendedCode) {
        SIMKYC_SQLITE_CODE(SQLITE_OK)
        SIMKYC_SQLITE_CODE(SQLITE_ERROR)
        SIMKYC_SQLITE_CODE(SQLITE_INTERNAL)
        SIMKYC_SQLITE_CODE(SQLITE_PERM)
        SIMKYC_SQLITE_CODE(SQLITE_ABORT)
        SIMKYC_SQLITE_CODE(SQLITE_BUSY)
        SIMKYC_SQLITE_CODE(SQLITE_LOCKED)
        SIMKYC_SQLITE_CODE(SQLITE_NOMEM)
        SIMKYC_SQLITE_CODE(SQLITE_READONLY)
        SIMKYC_SQLITE_CODE(SQLITE_INTERRUPT)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR)
        SIMKYC_SQLITE_CODE(SQLITE_CORRUPT)
        SIMKYC_SQLITE_CODE(SQLITE_NOTFOUND)
        SIMKYC_SQLITE_CODE(SQLITE_FULL)
        SIMKYC_SQLITE_CODE(SQLITE_CANTOPEN)
        SIMKYC_SQLITE_CODE(SQLITE_PROTOCOL)
        SIMKYC_SQLITE_CODE(SQLITE_EMPTY)
        SIMKYC_SQLITE_CODE(SQLITE_SCHEMA)
        SIMKYC_SQLITE_CODE(SQLITE_TOOBIG)
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT)
        SIMKYC_SQLITE_CODE(SQLITE_MISMATCH)
        SIMKYC_SQLITE_CODE(SQLITE_MISUSE)
        SIMKYC_SQLITE_CODE(SQLITE_NOLFS)
        SIMKYC_SQLITE_CODE(SQLITE_AUTH)
        SIMKYC_SQLITE_CODE(SQLITE_FORMAT)
        SIMKYC_SQLITE_CODE(SQLITE_RANGE)
        SIMKYC_SQLITE_CODE(SQLITE_NOTADB)
        SIMKYC_SQLITE_CODE(SQLITE_NOTICE)
        SIMKYC_SQLITE_CODE(SQLITE_WARNING)
        SIMKYC_SQLITE_CODE(SQLITE_ROW)
        SIMKYC_SQLITE_CODE(SQLITE_DONE)
        SIMKYC_SQLITE_CODE(SQLITE_ERROR_MISSING_COLLSEQ)
        SIMKYC_SQLITE_CODE(SQLITE_ERROR_RETRY)
        SIMKYC_SQLITE_CODE(SQLITE_ERROR_SNAPSHOT)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_READ)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_SHORT_READ)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_WRITE)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_FSYNC)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_DIR_FSYNC)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_TRUNCATE)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_FSTAT)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_UNLOCK)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_RDLOCK)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_DELETE)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_BLOCKED)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_NOMEM)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_ACCESS)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_CHECKRESERVEDLOCK)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_LOCK)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_CLOSE)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_DIR_CLOSE)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_SHMOPEN)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_SHMSIZE)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_SHMLOCK)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_SHMMAP)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_SEEK)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_DELETE_NOENT)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_MMAP)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_GETTEMPPATH)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_CONVPATH)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_VNODE)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_AUTH)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_BEGIN_ATOMIC)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_COMMIT_ATOMIC)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_ROLLBACK_ATOMIC)
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_DATA)
#ifdef SQLITE_IOERR_CORRUPTFS
        SIMKYC_SQLITE_CODE(SQLITE_IOERR_CORRUPTFS)
#endif
        SIMKYC_SQLITE_CODE(SQLITE_LOCKED_SHAREDCACHE)
        SIMKYC_SQLITE_CODE(SQLITE_LOCKED_VTAB)
        SIMKYC_SQLITE_CODE(SQLITE_BUSY_RECOVERY)
        SIMKYC_SQLITE_CODE(SQLITE_BUSY_SNAPSHOT)
#ifdef SQLITE_BUSY_TIMEOUT
        SIMKYC_SQLITE_CODE(SQLITE_BUSY_TIMEOUT)
#endif
        SIMKYC_SQLITE_CODE(SQLITE_CANTOPEN_NOTEMPDIR)
        SIMKYC_SQLITE_CODE(SQLITE_CANTOPEN_ISDIR)
        SIMKYC_SQLITE_CODE(SQLITE_CANTOPEN_FULLPATH)
        SIMKYC_SQLITE_CODE(SQLITE_CANTOPEN_CONVPATH)
        SIMKYC_SQLITE_CODE(SQLITE_CANTOPEN_DIRTYWAL)
        SIMKYC_SQLITE_CODE(SQLITE_CANTOPEN_SYMLINK)
        SIMKYC_SQLITE_CODE(SQLITE_CORRUPT_VTAB)
        SIMKYC_SQLITE_CODE(SQLITE_CORRUPT_SEQUENCE)
        SIMKYC_SQLITE_CODE(SQLITE_CORRUPT_INDEX)
        SIMKYC_SQLITE_CODE(SQLITE_READONLY_RECOVERY)
        SIMKYC_SQLITE_CODE(SQLITE_READONLY_CANTLOCK)
        SIMKYC_SQLITE_CODE(SQLITE_READONLY_ROLLBACK)
        SIMKYC_SQLITE_CODE(SQLITE_READONLY_DBMOVED)
        SIMKYC_SQLITE_CODE(SQLITE_READONLY_CANTINIT)
        SIMKYC_SQLITE_CODE(SQLITE_READONLY_DIRECTORY)
        SIMKYC_SQLITE_CODE(SQLITE_ABORT_ROLLBACK)
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT_CHECK)
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT_COMMITHOOK)
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT_FOREIGNKEY)
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT_FUNCTION)
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT_NOTNULL)
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT_PRIMARYKEY)
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT_TRIGGER)
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT_UNIQUE)
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT_VTAB)
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT_ROWID)
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT_PINNED)
#ifdef SQLITE_CONSTRAINT_DATATYPE
        SIMKYC_SQLITE_CODE(SQLITE_CONSTRAINT_DATATYPE)
#endif
        SIMKYC_SQLITE_CODE(SQLITE_NOTICE_RECOVER_WAL)
        SIMKYC_SQLITE_CODE(SQLITE_NOTICE_RECOVER_ROLLBACK)
        SIMKYC_SQLITE_CODE(SQLITE_WARNING_AUTOINDEX)
        SIMKYC_SQLITE_CODE(SQLITE_AUTH_USER)
        SIMKYC_SQLITE_CODE(SQLITE_OK_LOAD_PERMANENTLY)
        SIMKYC_SQLITE_CODE(SQLITE_OK_SYMLINK)
    default: break;
    }
#undef SIMKYC_SQLITE_CODE
    // Not in our table (a newer SQLite): name the primary code, which every version knows.
    const int primary = extendedCode & 0xff;
    return primary != extendedCode ? sqliteCodeName(primary) : std::string_view("SQLITE_UNKNOWN");
}

ErrorCode errorCodeForSqlite(int resultCode)
{
    switch (resultCode & 0xff) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: return ErrorCode::IoError;
    default: return ErrorCode::DatabaseError;
    }
}

Error sqliteError(sqlite3 *db, int resultCode, std::string_view context)
{
    // sqlite3_errmsg describes the most recent failure on this connection; it names tables,
    // columns and constraints but never the values bound to a statement.
    const char *text = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(resultCode);
    std::string message(context);
    message += ": ";
    message += text != nullptr ? text : "unknown error";
    message += " (";
    message += sqliteCodeName(resultCode);
    message += ", code ";
    message += std::to_string(resultCode);
    message += ")";
    return Error{errorCodeForSqlite(resultCode), std::move(message)};
}

std::string sqlExcerpt(std::string_view sql)
{
    constexpr std::size_t kMaxChars = 80;
    constexpr std::string_view kBlank = " \t\r\n";
    for (;;) { // skip blanks and line comments before the statement
        const std::size_t start = sql.find_first_not_of(kBlank);
        sql.remove_prefix(start == std::string_view::npos ? sql.size() : start);
        if (!sql.starts_with("--"))
            break;
        const std::size_t newline = sql.find('\n');
        sql.remove_prefix(newline == std::string_view::npos ? sql.size() : newline);
    }
    std::string out;
    std::size_t used = 0;
    for (; used < sql.size() && out.size() < kMaxChars; ++used) {
        const bool blank = kBlank.find(sql[used]) != std::string_view::npos;
        if (!blank || (!out.empty() && out.back() != ' '))
            out.push_back(blank ? ' ' : sql[used]);
    }
    if (sql.substr(used).find_first_not_of(kBlank) != std::string_view::npos)
        out += "...";
    return out;
}

} // namespace simkyc::store

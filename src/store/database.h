// Database: one SQLite connection (RAII over sqlite3), move-only, with a cache of prepared statements
// keyed by SQL text. Guarantees: every failure is a Result (DatabaseError, or IoError for disk full,
// I/O and cannot-open errors) whose message never holds bound values; extended result codes are on,
// double-quoted string literals are off and SQLITE_DBCONFIG_DEFENSIVE is on. Database::open only opens
// the file; the checked open sequence (quick_check, pragmas, migrations) is openDatabase() in open_store.h.
// Thread-safety: one thread at a time (opened with SQLITE_OPEN_NOMUTEX); to work in parallel open one
// Database per thread (WAL lets readers run beside the single writer).
#pragma once

#include "core/result.h"
#include "store/statement.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;

namespace simkyc::store {

struct OpenOptions {
    bool createIfMissing = true; // SQLITE_OPEN_CREATE
    bool readOnly = false;       // SQLITE_OPEN_READONLY (implies no create)
};

class CachedStatement;

class Database {
public:
    static Result<Database> open(const std::filesystem::path &file, const OpenOptions &options = {});

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Exactly one statement; trailing SQL other than whitespace is an error.
    Result<Statement> prepare(std::string_view sql);
    // The cached statement for this SQL text (prepared on first use), reset with bindings cleared.
    // The handle resets it again when it goes out of scope; using the same SQL while a handle for it
    // is alive is an error. Handles must not outlive the Database.
    Result<CachedStatement> cached(std::string_view sql);
    // One or more statements without parameters, run in order; result rows are discarded.
    Status exec(std::string_view sql);
    // First column of the first row of a one-statement query; no row is an error.
    Result<std::int64_t> queryInt64(std::string_view sql);
    Result<std::string> queryText(std::string_view sql);

    [[nodiscard]] std::int64_t lastInsertRowId() const;
    [[nodiscard]] std::int64_t changes() const;
    [[nodiscard]] bool inTransaction() const; // false in autocommit mode
    [[nodiscard]] bool isOpen() const { return m_db != nullptr; }
    [[nodiscard]] const std::filesystem::path &path() const { return m_path; }
    [[nodiscard]] std::size_t cachedStatementCount() const { return m_cache.size(); }
    [[nodiscard]] sqlite3 *handle() const { return m_db; }

    // On by default: the last connection to close copies the -wal into the database file and deletes
    // it. Off keeps the -wal and -shm files as they are (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE).
    void setCheckpointOnClose(bool enabled);

    // Finalizes the cached statements and closes the connection. Idempotent; the destructor calls it.
    void close();

private:
    struct CacheEntry {
        explicit CacheEntry(Statement s) : statement(std::move(s)) {}
        Statement statement;
        bool inUse = false;
    };

    Database(sqlite3 *db, std::filesystem::path path) : m_db(db), m_path(std::move(path)) {}
    Result<Statement> prepareOne(std::string_view sql, unsigned int flags);
    // The statement stepped to its first row; DatabaseError when the query returns none.
    Result<Statement> firstRow(std::string_view sql);

    sqlite3 *m_db = nullptr;
    std::filesystem::path m_path;
    std::map<std::string, std::unique_ptr<CacheEntry>, std::less<>> m_cache;
};

// A checked-out cached statement; resets it (bindings cleared) and returns it to the cache on
// destruction. Move-only. Thread-safety: that of its Database.
class CachedStatement {
public:
    CachedStatement(CachedStatement &&other) noexcept;
    CachedStatement &operator=(CachedStatement &&other) noexcept;
    CachedStatement(const CachedStatement &) = delete;
    CachedStatement &operator=(const CachedStatement &) = delete;
    ~CachedStatement();

    [[nodiscard]] Statement *get() const { return m_statement; }
    Statement *operator->() const { return m_statement; }
    Statement &operator*() const { return *m_statement; }

private:
    friend class Database;
    CachedStatement(Statement *statement, bool *inUse) : m_statement(statement), m_inUse(inUse) {}
    void release();

    Statement *m_statement = nullptr;
    bool *m_inUse = nullptr;
};

// Steps a checked-out statement once (a write, or the first row of a read, which stays readable):
// the preparation's or the step's error, else ok.
[[nodiscard]] Status stepOnce(Result<CachedStatement> &statement);
// Steps a checked-out statement through all its rows, calling onRow with each; the preparation's
// or a step's error, else ok.
[[nodiscard]] Status forEachRow(Result<CachedStatement> &statement,
                                const std::function<void(const Statement &)> &onRow);
// The first failed binding of a list, else ok.
[[nodiscard]] Status firstFailure(std::initializer_list<Status> results);

} // namespace simkyc::store

#include "store/database.h"

#include "store/sqlite_error.h"

#include <sqlite3.h>

#include <utility>

namespace simkyc::store {
namespace {

constexpr std::size_t kMaxSqlBytes = 100'000'000; // below INT_MAX and SQLite's own default limit

bool onlyWhitespace(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace

Result<Database> Database::open(const std::filesystem::path &file, const OpenOptions &options)
{
    int flags = SQLITE_OPEN_NOMUTEX; // multi-thread mode: the connection is ours alone (see header)
    if (options.readOnly)
        flags |= SQLITE_OPEN_READONLY;
    else
        flags |= SQLITE_OPEN_READWRITE | (options.createIfMissing ? SQLITE_OPEN_CREATE : 0);

    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error error = sqliteError(db, rc, "cannot open database '" + file.string() + "'");
        sqlite3_close_v2(db); // a handle is returned even on failure (null only when out of memory)
        return error;
    }
    sqlite3_extended_result_codes(db, 1);
    // Hardening that costs nothing: no schema-corrupting writes, no "string" taken as a literal.
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    return Database(db, file);
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)), m_cache(std::move(other.m_cache))
{
    other.m_cache.clear();
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_cache = std::move(other.m_cache);
        other.m_cache.clear();
    }
    return *this;
}

Database::~Database()
{
    close();
}

void Database::close()
{
    m_cache.clear(); // finalizes the cached statements
    // close_v2 defers the close until any statement a caller still holds is finalized.
    sqlite3_close_v2(m_db);
    m_db = nullptr;
}

Result<Statement> Database::prepareOne(std::string_view sql, unsigned int flags)
{
    if (m_db == nullptr)
        return Error{ErrorCode::DatabaseError, "database is closed"};
    if (sql.size() > kMaxSqlBytes)
        return Error{ErrorCode::DatabaseError, "prepare: SQL text too long"};
    sqlite3_stmt *stmt = nullptr;
    const char *tail = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), flags, &stmt, &tail);
    Statement statement(stmt); // finalizes on every early return below
    if (rc != SQLITE_OK)
        return sqliteError(m_db, rc, "prepare \"" + sqlExcerpt(sql) + "\"");
    if (stmt == nullptr)
        return Error{ErrorCode::DatabaseError, "prepare: the SQL text holds no statement"};
    const auto consumed = static_cast<std::size_t>(tail - sql.data());
    if (!onlyWhitespace(sql.substr(consumed)))
        return Error{ErrorCode::DatabaseError,
                     "prepare: more than one statement in \"" + sqlExcerpt(sql) + "\" (use exec)"};
    return statement;
}

Result<Statement> Database::prepare(std::string_view sql)
{
    return prepareOne(sql, 0);
}

Result<CachedStatement> Database::cached(std::string_view sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        Result<Statement> statement = prepareOne(sql, SQLITE_PREPARE_PERSISTENT);
        if (!statement)
            return statement.error();
        it = m_cache.emplace(std::string(sql), std::make_unique<CacheEntry>(std::move(statement).value())).first;
    }
    CacheEntry &entry = *it->second;
    if (entry.inUse)
        return Error{ErrorCode::DatabaseError, "cached statement \"" + sqlExcerpt(sql) + "\" is already in use"};
    entry.statement.reset();
    entry.inUse = true;
    return CachedStatement(&entry.statement, &entry.inUse);
}

Status Database::exec(std::string_view sql)
{
    if (m_db == nullptr)
        return Error{ErrorCode::DatabaseError, "database is closed"};
    if (sql.size() > kMaxSqlBytes)
        return Error{ErrorCode::DatabaseError, "exec: SQL text too long"};
    // sqlite3_prepare_v2 stops at a NUL byte and returns no statement without consuming it, so the
    // loop below would never end (found by tests/fuzz/store_migrations_fuzz.cpp).
    if (sql.find('\0') != std::string_view::npos)
        return Error{ErrorCode::DatabaseError, "exec: SQL text contains a NUL byte"};
    while (!onlyWhitespace(sql)) {
        sqlite3_stmt *stmt = nullptr;
        const char *tail = nullptr;
        const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
        Statement statement(stmt);
        if (rc != SQLITE_OK)
            return sqliteError(m_db, rc, "prepare \"" + sqlExcerpt(sql) + "\"");
        sql.remove_prefix(static_cast<std::size_t>(tail - sql.data()));
        if (stmt == nullptr)
            continue; // a comment or a lone semicolon
        Result<StepResult> step = statement.step();
        while (step && *step == StepResult::Row)
            step = statement.step();
        if (!step)
            return step.error();
    }
    return {};
}

Result<Statement> Database::firstRow(std::string_view sql)
{
    Result<Statement> statement = prepare(sql);
    if (!statement)
        return statement.error();
    const Result<StepResult> step = statement->step();
    if (!step)
        return step.error();
    if (*step != StepResult::Row)
        return Error{ErrorCode::DatabaseError, "query returned no row: \"" + sqlExcerpt(sql) + "\""};
    return statement;
}

Result<std::int64_t> Database::queryInt64(std::string_view sql)
{
    Result<Statement> row = firstRow(sql);
    if (!row)
        return row.error();
    return row->columnInt64(0);
}

Result<std::string> Database::queryText(std::string_view sql)
{
    Result<Statement> row = firstRow(sql);
    if (!row)
        return row.error();
    return row->columnText(0);
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}
std::int64_t Database::changes() const
{
    return sqlite3_changes(m_db);
}
void Database::setCheckpointOnClose(bool enabled)
{
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, enabled ? 0 : 1, nullptr);
}

bool Database::inTransaction() const
{
    return m_db != nullptr && sqlite3_get_autocommit(m_db) == 0;
}

CachedStatement::CachedStatement(CachedStatement &&other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)), m_inUse(std::exchange(other.m_inUse, nullptr))
{
}

CachedStatement &CachedStatement::operator=(CachedStatement &&other) noexcept
{
    if (this != &other) {
        release();
        m_statement = std::exchange(other.m_statement, nullptr);
        m_inUse = std::exchange(other.m_inUse, nullptr);
    }
    return *this;
}

CachedStatement::~CachedStatement()
{
    release();
}

void CachedStatement::release()
{
    // Resetting ends the statement's implicit read transaction, so a forgotten handle cannot hold
    // back WAL checkpoints, and clears the bound (possibly customer) values.
    if (m_statement != nullptr)
        m_statement->reset();
    if (m_inUse != nullptr)
        *m_inUse = false;
    m_statement = nullptr;
    m_inUse = nullptr;
}

Status stepOnce(Result<CachedStatement> &statement)
{
    if (!statement)
        return statement.error();
    auto step = (*statement)->step();
    if (!step)
        return step.error();
    return {};
}

Status forEachRow(Result<CachedStatement> &statement, const std::function<void(const Statement &)> &onRow)
{
    if (!statement)
        return statement.error();
    for (;;) {
        auto step = (*statement)->step();
        if (!step)
            return step.error();
        if (*step == StepResult::Done)
            return {};
        onRow(**statement);
    }
}

Status firstFailure(std::initializer_list<Status> results)
{
    for (const Status &r : results)
        if (!r)
            return r;
    return {};
}

} // namespace simkyc::store

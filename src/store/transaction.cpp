#include "store/transaction.h"

#include "core/log.h"
#include "store/database.h"
#include "store/sqlite_error.h"

#include <sqlite3.h>

#include <utility>

namespace simkyc::store {

Result<Transaction> Transaction::begin(Database &database)
{
    sqlite3 *db = database.handle();
    if (db == nullptr)
        return Error{ErrorCode::DatabaseError, "begin transaction: database is closed"};
    const int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(db, rc, "begin transaction");
    return Transaction(db);
}

Transaction::Transaction(Transaction &&other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Transaction &Transaction::operator=(Transaction &&other) noexcept
{
    if (this != &other) {
        rollbackQuietly();
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Transaction::~Transaction()
{
    rollbackQuietly();
}

Status Transaction::commit()
{
    if (m_db == nullptr)
        return Error{ErrorCode::DatabaseError, "commit: the transaction is no longer active"};
    const int rc = sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) {
        m_db = nullptr;
        return {};
    }
    Error error = sqliteError(m_db, rc, "commit");
    // SQLite rolls back by itself after some errors (disk full, I/O); otherwise we still own it.
    if (sqlite3_get_autocommit(m_db) != 0)
        m_db = nullptr;
    return error;
}

Status Transaction::rollback()
{
    if (m_db == nullptr)
        return {};
    sqlite3 *db = std::exchange(m_db, nullptr);
    if (sqlite3_get_autocommit(db) != 0)
        return {}; // SQLite already rolled back after an error
    const int rc = sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(db, rc, "rollback");
    return {};
}

void Transaction::rollbackQuietly()
{
    const Status status = rollback();
    if (!status)
        log::warning(log::kStore, "transaction rollback failed: " + status.error().message);
}

} // namespace simkyc::store

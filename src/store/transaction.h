// Transaction: a short RAII write transaction (BEGIN IMMEDIATE, so the write lock is taken up front and
// a busy database fails here, not halfway through). Guarantees: unless commit() succeeded, the
// destructor rolls back everything done since begin; a failed commit leaves it active (rolled back on
// destruction). Not nestable. Must not outlive its Database (it may follow a move of it).
// Thread-safety: that of its Database.
#pragma once

#include "core/result.h"

struct sqlite3;

namespace simkyc::store {

class Database;

class [[nodiscard]] Transaction {
public:
    static Result<Transaction> begin(Database &database);

    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&other) noexcept;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    Status commit();
    Status rollback(); // explicit rollback; a no-op when already finished
    [[nodiscard]] bool isActive() const { return m_db != nullptr; }

private:
    explicit Transaction(sqlite3 *db) : m_db(db) {}
    void rollbackQuietly();

    sqlite3 *m_db = nullptr; // the connection handle: stable across moves of the Database object
};

} // namespace simkyc::store

// The upstream server's database through Qt SQL: SQLite (one file, the default) or PostgreSQL
// (QPSQL), one schema for both, migrations embedded in the program and tracked in
// schema_migrations (each in its own transaction; a database newer than the program is refused).
// Guarantees: SQLite is opened with busy_timeout, WAL and synchronous=FULL; write transactions
// take the database's write lock up front (BEGIN IMMEDIATE) so decisions made inside them are
// serialised; on PostgreSQL, migrations run under an advisory lock so instances starting together
// on one database migrate once. Errors never contain the connection password.
// Thread-safety: one instance per thread (Qt SQL connections are per thread).
#pragma once

#include "core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace simkyc::upstream {

enum class Dialect { Sqlite, Postgres };

// "sqlite:FILE" (or a bare path), or "postgresql://[user[:password]@][host][:port]/dbname[?host=DIR&port=N]"
// (host may be a unix-socket folder, as in libpq).
struct DbLocation {
    Dialect dialect = Dialect::Sqlite;
    QString sqliteFile;
    QString host;
    int port = -1;
    QString user;
    QString password;
    QString name;
    [[nodiscard]] std::string display() const; // no password
};

[[nodiscard]] Result<DbLocation> parseDbLocation(std::string_view text);

inline constexpr int kSchemaVersion = 4;

class Database {
public:
    // Opens (creating an SQLite file if needed) and migrates to kSchemaVersion.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const DbLocation &location);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    [[nodiscard]] Dialect dialect() const { return m_dialect; }
    [[nodiscard]] std::string_view dialectName() const
    {
        return m_dialect == Dialect::Sqlite ? "sqlite" : "postgresql";
    }
    [[nodiscard]] QSqlDatabase connection() const { return QSqlDatabase::database(m_name, false); }

    // One statement without parameters.
    [[nodiscard]] Status exec(const QString &sql);
    // A prepared statement, prepared once per connection and reused (bind, then run()).
    [[nodiscard]] Result<QSqlQuery *> prepared(const QString &sql);
    // Runs a prepared query; DatabaseError with the driver's text on failure.
    [[nodiscard]] static Status run(QSqlQuery &query);

    // A write transaction: BEGIN IMMEDIATE on SQLite, BEGIN on PostgreSQL.
    [[nodiscard]] Status begin();
    [[nodiscard]] Status commit();
    void rollback();

    // Closes and reopens the connection (after the server restarted or the network broke);
    // prepared statements are dropped and prepared again on first use.
    [[nodiscard]] Status reconnect();

    // PostgreSQL: pg_advisory_xact_lock(key) (held to the end of the transaction); SQLite: nothing
    // (the write transaction already holds the database lock).
    [[nodiscard]] Status lockForTransaction(std::int64_t key);

private:
    Database(QString name, Dialect dialect) : m_name(std::move(name)), m_dialect(dialect) {}
    [[nodiscard]] Status configure();
    [[nodiscard]] Status migrate();

    QString m_name; // the Qt SQL connection name, unique per instance
    Dialect m_dialect;
    QHash<QString, QSqlQuery *> m_statements;
    bool m_inTransaction = false;
};

// Rolls back unless committed.
class Transaction {
public:
    explicit Transaction(Database &db) : m_db(db) {}
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    [[nodiscard]] Status begin()
    {
        Status s = m_db.begin();
        m_open = s.ok();
        return s;
    }
    [[nodiscard]] Status commit()
    {
        m_open = false;
        return m_db.commit();
    }

private:
    Database &m_db;
    bool m_open = false;
};

} // namespace simkyc::upstream

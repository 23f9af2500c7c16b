#include "upstream/database.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

#include <array>

namespace simkyc::upstream {
namespace {

// pg_advisory_xact_lock key for migrations ("simkyc-m" in ASCII).
constexpr std::int64_t kMigrationLockKey = 0x73696d6b79632d6d;

struct Migration {
    int version;
    const char *name;
    const char *sql; // statements separated by ";\n"; {BLOB} and {SERIAL} are dialect-specific
};

// Append only: a released migration never changes.
constexpr std::array kMigrations{
    Migration{1, "initial", R"SQL(
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL,
    signing_key TEXT NOT NULL,
    cert_sha256 TEXT NOT NULL,
    enrolled_at TEXT NOT NULL
);
CREATE TABLE registrations (
    record_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    device_key TEXT NOT NULL,
    store_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    payload_sha256 TEXT NOT NULL,
    payload {BLOB} NOT NULL,
    pii {BLOB} NOT NULL,
    biometrics {BLOB},
    quota_index TEXT,
    signature {BLOB} NOT NULL,
    decision TEXT NOT NULL,
    receipt TEXT NOT NULL
);
CREATE INDEX registrations_quota ON registrations (quota_index, decision);
CREATE INDEX registrations_device ON registrations (device_id);
CREATE INDEX registrations_received ON registrations (received_at);
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE receipt_keys (
    key_id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    first_used TEXT NOT NULL
);
CREATE TABLE open_audit (
    id {SERIAL},
    opened_at TEXT NOT NULL,
    record_id TEXT NOT NULL,
    operator TEXT NOT NULL,
    host TEXT NOT NULL,
    reason TEXT NOT NULL
)
)SQL"},
    // The store manager's decisions (POST /v1/reviews): the signed bytes as received, their hash, the
    // device's signature and the receipt exactly as first sent.
    Migration{2, "reviews", R"SQL(
CREATE TABLE reviews (
    review_id TEXT PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES registrations (record_id),
    device_id TEXT NOT NULL,
    review {BLOB} NOT NULL,
    review_sha256 TEXT NOT NULL,
    signature {BLOB} NOT NULL,
    decision TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    receipt TEXT NOT NULL
);
CREATE INDEX reviews_record ON reviews (record_id)
)SQL"},
    // Whether a registration holds one of its person's quota slots (core::holdsQuotaSlot): a match, a
    // manual approval or an undecided hand-over; a failed attempt does not, and a manual rejection
    // frees the slot. Rows received before this migration keep counting as they did (1).
    Migration{3, "quota_slots", R"SQL(
ALTER TABLE registrations ADD COLUMN holds_slot INTEGER NOT NULL DEFAULT 1
)SQL"},
    // The 1:N face search (src/upstream/face_search.h), run in the back office with the carrier key.
    // face_index: one row per registration searched; its live-face embedding (128 float32)
    // AES-256-GCM under the face index key, bound to the record id, or NULL (no live face, or the
    // record no longer holds a quota place: the embedding is deleted then). duplicate_faces: what the
    // search found, the later record first; ids and a distance, no biometric data.
    Migration{4, "face_search", R"SQL(
CREATE TABLE face_index (
    id {SERIAL},
    record_id TEXT NOT NULL UNIQUE REFERENCES registrations (record_id),
    quota_index TEXT,
    sealed_embedding {BLOB},
    indexed_at TEXT NOT NULL
);
CREATE TABLE duplicate_faces (
    record_id TEXT NOT NULL REFERENCES registrations (record_id),
    other_record_id TEXT NOT NULL REFERENCES registrations (record_id),
    distance DOUBLE PRECISION NOT NULL,
    found_at TEXT NOT NULL,
    PRIMARY KEY (record_id, other_record_id)
);
CREATE INDEX duplicate_faces_other ON duplicate_faces (other_record_id)
)SQL"},
};

QString dialectSql(const char *sql, Dialect dialect)
{
    QString out = QString::fromUtf8(sql);
    const bool pg = dialect == Dialect::Postgres;
    out.replace(QStringLiteral("{BLOB}"), pg ? QStringLiteral("BYTEA") : QStringLiteral("BLOB"));
    out.replace(QStringLiteral("{SERIAL}"), pg ? QStringLiteral("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
                                               : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"));
    return out;
}

Error dbError(const QString &what, const QSqlError &error)
{
    return Error{ErrorCode::DatabaseError, what.toStdString() + ": " + error.text().toStdString()};
}

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("simkyc-upstream-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

std::string DbLocation::display() const
{
    if (dialect == Dialect::Sqlite)
        return "sqlite:" + sqliteFile.toStdString();
    return "postgresql://" + (user.isEmpty() ? std::string() : user.toStdString() + "@") + host.toStdString() +
           (port > 0 ? ":" + std::to_string(port) : std::string()) + "/" + name.toStdString();
}

Result<DbLocation> parseDbLocation(std::string_view text)
{
    const QString s = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    DbLocation out;
    if (s.startsWith(QStringLiteral("postgresql://")) || s.startsWith(QStringLiteral("postgres://"))) {
        const QUrl url(s, QUrl::StrictMode);
        const QUrlQuery query(url);
        out.dialect = Dialect::Postgres;
        out.host =
            query.hasQueryItem(QStringLiteral("host")) ? query.queryItemValue(QStringLiteral("host")) : url.host();
        out.port = query.hasQueryItem(QStringLiteral("port")) ? query.queryItemValue(QStringLiteral("port")).toInt()
                                                              : url.port(-1);
        out.user = url.userName();
        out.password = url.password();
        out.name = url.path().mid(1);
        if (!url.isValid() || out.name.isEmpty())
            return Error{ErrorCode::InvalidArgument, "--db: expected postgresql://[user@]host[:port]/dbname"};
        return out;
    }
    out.sqliteFile = s.startsWith(QStringLiteral("sqlite:")) ? s.mid(7) : s;
    if (out.sqliteFile.isEmpty())
        return Error{ErrorCode::InvalidArgument, "--db: expected sqlite:FILE or postgresql://..."};
    return out;
}

Result<std::unique_ptr<Database>> Database::open(const DbLocation &location)
{
    const QString name = nextConnectionName();
    const bool pg = location.dialect == Dialect::Postgres;
    QSqlDatabase db = QSqlDatabase::addDatabase(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    std::unique_ptr<Database> out(new Database(name, location.dialect));
    if (!db.isValid())
        return Error{ErrorCode::Unsupported, pg ? "the Qt PostgreSQL driver (QPSQL) is not installed"
                                                : "the Qt SQLite driver (QSQLITE) is not installed"};
    if (pg) {
        db.setHostName(location.host);
        if (location.port > 0)
            db.setPort(location.port);
        db.setUserName(location.user);
        db.setPassword(location.password);
        db.setDatabaseName(location.name);
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    } else {
        db.setDatabaseName(location.sqliteFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.open())
        return dbError(QStringLiteral("cannot open the database %1").arg(QString::fromStdString(location.display())),
                       db.lastError());
    if (Status s = out->configure(); !s)
        return s.error();
    if (Status s = out->migrate(); !s)
        return s.error();
    return out;
}

Database::~Database()
{
    qDeleteAll(m_statements);
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

Status Database::reconnect()
{
    qDeleteAll(m_statements);
    m_statements.clear();
    m_inTransaction = false;
    QSqlDatabase db = connection();
    db.close();
    if (!db.open())
        return dbError(QStringLiteral("cannot reopen the database"), db.lastError());
    return configure();
}

Status Database::configure()
{
    if (m_dialect == Dialect::Postgres) {
        // Notices ("relation ... already exists, skipping") would reach stderr through libpq.
        if (Status s = exec(QStringLiteral("SET client_min_messages = warning")); !s)
            return s;
        return exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    }
    for (const char *pragma : {"PRAGMA busy_timeout = 10000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                               "PRAGMA foreign_keys = ON"})
        if (Status s = exec(QString::fromLatin1(pragma)); !s)
            return s;
    return {};
}

Status Database::exec(const QString &sql)
{
    QSqlQuery q(connection());
    if (!q.exec(sql))
        return dbError(QStringLiteral("query failed"), q.lastError());
    return {};
}

Result<QSqlQuery *> Database::prepared(const QString &sql)
{
    if (auto it = m_statements.find(sql); it != m_statements.end())
        return it.value();
    auto *q = new QSqlQuery(connection());
    if (!q->prepare(sql)) {
        Error e = dbError(QStringLiteral("prepare failed"), q->lastError());
        delete q;
        return e;
    }
    m_statements.insert(sql, q);
    return q;
}

Status Database::run(QSqlQuery &query)
{
    if (!query.exec())
        return dbError(QStringLiteral("query failed"), query.lastError());
    return {};
}

Status Database::begin()
{
    if (m_inTransaction)
        return Error{ErrorCode::Internal, "nested transaction"};
    Status s = exec(m_dialect == Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    m_inTransaction = s.ok();
    return s;
}

Status Database::commit()
{
    Status s = exec(QStringLiteral("COMMIT"));
    if (!s)
        rollback();
    m_inTransaction = false;
    return s;
}

void Database::rollback()
{
    for (QSqlQuery *q : std::as_const(m_statements))
        q->finish();
    (void)exec(QStringLiteral("ROLLBACK"));
    m_inTransaction = false;
}

Status Database::lockForTransaction(std::int64_t key)
{
    if (m_dialect == Dialect::Sqlite)
        return {};
    auto q = prepared(QStringLiteral("SELECT pg_advisory_xact_lock(?)"));
    if (!q)
        return q.error();
    (*q)->bindValue(0, static_cast<qlonglong>(key));
    Status s = run(**q);
    (*q)->finish();
    return s;
}

Status Database::migrate()
{
    for (const Migration &m : kMigrations) {
        Transaction tx(*this);
        if (Status s = tx.begin(); !s)
            return s;
        if (Status s = lockForTransaction(kMigrationLockKey); !s)
            return s;
        if (Status s = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                           "name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
            !s)
            return s;
        QSqlQuery q(connection());
        if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) || !q.next())
            return dbError(QStringLiteral("cannot read schema_migrations"), q.lastError());
        const int current = q.value(0).toInt();
        q.finish();
        if (current > kSchemaVersion)
            return Error{ErrorCode::Unsupported, "the database schema (version " + std::to_string(current) +
                                                     ") is newer than this program (version " +
                                                     std::to_string(kSchemaVersion) + "); refusing to use it"};
        if (current >= m.version)
            continue; // the transaction rolls back: nothing was changed
        for (const QString &statement : dialectSql(m.sql, m_dialect).split(QStringLiteral(";\n"), Qt::SkipEmptyParts))
            if (Status s = exec(statement); !s)
                return Error{ErrorCode::DatabaseError,
                             "migration " + std::to_string(m.version) + " failed: " + s.error().message};
        QSqlQuery record(connection());
        record.prepare(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
        record.addBindValue(m.version);
        record.addBindValue(QString::fromLatin1(m.name));
        record.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (Status s = run(record); !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
    return {};
}

} // namespace simkyc::upstream

-- SimKYC schema 0001: settings and the audit log.
-- Applied in one transaction together with PRAGMA user_version = 1 (src/store/migration_runner.cpp);
-- must not contain BEGIN/COMMIT/ROLLBACK or PRAGMA user_version. Times are UTC ISO 8601 text.

-- NOT NULL on the key: SQLite otherwise accepts NULL in a non-INTEGER primary key.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Append-only, hash-chained: each row's hash covers its fields and prev_hash, the previous row's hash.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    record_id TEXT,
    detail    TEXT,
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL
);

CREATE INDEX audit_log_by_record ON audit_log (record_id) WHERE record_id IS NOT NULL;

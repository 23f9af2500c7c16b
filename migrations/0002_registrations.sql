-- SimKYC schema 0002: staff, registrations with encrypted customer fields, sealed biometrics,
-- the ID-number blind index and the outbox. Times are UTC ISO 8601 text ("2025-01-31T14:25:01.042Z").
-- Customer data is never stored in clear: every customer column (name .. iccid) is nonce || AES-256-GCM ciphertext || tag
-- under the record's data key (wrapped_data_key, AES-KW under the store key), bound to (record, field).

CREATE TABLE staff (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    role            TEXT NOT NULL CHECK (role IN ('clerk', 'manager')),
    password_hash   TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    created_at      TEXT NOT NULL
);

-- id: UUIDv7 text, so ids sort by creation time.
CREATE TABLE registrations (
    id               TEXT PRIMARY KEY NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    clerk_id         INTEGER NOT NULL REFERENCES staff (id),
    status           TEXT NOT NULL,
    outcome          TEXT,
    reason_codes     TEXT NOT NULL DEFAULT '',
    match_distance   REAL,
    liveness_summary TEXT,
    sync_state       TEXT NOT NULL DEFAULT 'pending',
    wrapped_data_key BLOB NOT NULL,
    name             BLOB NOT NULL,
    id_number        BLOB NOT NULL,
    birth_date       BLOB NOT NULL,
    address          BLOB NOT NULL,
    phone            BLOB NOT NULL,
    iccid            BLOB NOT NULL
) WITHOUT ROWID;

CREATE INDEX registrations_by_created ON registrations (created_at);

-- sealed_payload: sealed to the carrier's X25519 key; the kiosk cannot open it.
-- review_thumbnail: encrypted under the record's data key, deleted after expires_at.
CREATE TABLE biometrics (
    registration_id  TEXT PRIMARY KEY NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    sealed_payload   BLOB,
    review_thumbnail BLOB,
    expires_at       TEXT NOT NULL
);

-- hmac: HMAC-SHA256(blind-index key derived from the store key, normalised ID number).
CREATE TABLE id_blind_index (
    registration_id TEXT NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    hmac            BLOB NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    PRIMARY KEY (registration_id)
);

CREATE INDEX id_blind_index_by_hmac ON id_blind_index (hmac);

-- error_class: NULL until an attempt failed, then 'retryable' or 'fatal'.
CREATE TABLE outbox (
    registration_id TEXT PRIMARY KEY NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    error_class     TEXT CHECK (error_class IS NULL OR error_class IN ('retryable', 'fatal')),
    created_at      TEXT NOT NULL
);

CREATE INDEX outbox_by_next_attempt ON outbox (next_attempt_at);

-- SimKYC schema 0003: what the upstream sync needs (docs/upstream-api.md).
-- outbox.payload: the registration payload, serialised ONCE at insert; retries send these exact
--   bytes (the payload is signed and hashed, and sealing is randomised, so it is never rebuilt).
--   NULL only for records stored before this migration: the worker parks them.
-- outbox.sealed_pii: the customer data sealed to the carrier (field "upstream_pii"); the outbox
--   row, and with it this copy, is deleted when the carrier's receipt is verified.
-- outbox.quota_index: HMAC-SHA256(carrier quota key, ID number), hex, when the kiosk had the key at
--   insert; else computed (an audited read of the ID number) when the record is sent.
-- registrations.sync_state: 'pending' (in the outbox), 'acknowledged' (receipt verified, decision
--   accepted or unchecked), 'quota_exceeded' (receipt verified, the carrier refused the number),
--   'parked' (the carrier refused the record; outbox.last_error says why).
ALTER TABLE outbox ADD COLUMN payload BLOB;
ALTER TABLE outbox ADD COLUMN sealed_pii BLOB;
ALTER TABLE outbox ADD COLUMN quota_index TEXT;

-- The carrier's signed receipt, as received, once verified.
CREATE TABLE upstream_receipts (
    registration_id TEXT PRIMARY KEY NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    decision        TEXT NOT NULL CHECK (decision IN ('accepted', 'quota_exceeded', 'unchecked')),
    active_count    INTEGER NOT NULL,
    receipt         TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX registrations_by_sync_state ON registrations (sync_state);

-- SimKYC schema 0004: retention (src/store/retention.h) and store-key rotation (src/store/key_rotation.h).
-- registrations.pii_purged_at: NULL while the record's customer data is held; otherwise when the
--   retention job crypto-shredded it: wrapped_data_key and every customer column (name .. iccid) were
--   replaced by a zero-length blob (secure_delete is on, so the freed bytes are zeroed), the record's
--   biometrics row was deleted and its blind-index row deactivated. Metadata and audit stay.
-- settings "store.key_check": hex(HKDF(store key, "simkyc/key-check/v1", 16 bytes)), written by every
--   key rotation in its transaction, so an interrupted rotation can tell which key the database is under.
-- settings "retention.review_extra_days" (0-7, default 0), "retention.pii_days" (1-365, default 30):
--   read by the retention job; absent means the default.
ALTER TABLE registrations ADD COLUMN pii_purged_at TEXT;

CREATE INDEX upstream_receipts_by_acknowledged ON upstream_receipts (acknowledged_at);

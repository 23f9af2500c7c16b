-- SimKYC schema 0008: what the carrier found about this kiosk's registrations (GET
-- /v1/devices/{device_id}/findings, docs/upstream-api.md "Duplicate faces"), fetched by the sync
-- worker and shown in the manager's day view. One row per registration and kind:
--   kind: 'duplicate_face' (the record's live face matches a registration under another ID number,
--         found by the carrier's 1:N search);
--   found_at: the carrier's time; received_at: when this kiosk verified it;
--   signed: the carrier's finding exactly as received (JSON, signed with its receipt key).
-- No customer data, and nothing about the other registration.
CREATE TABLE carrier_findings (
    registration_id TEXT NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('duplicate_face')),
    found_at        TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    signed          TEXT NOT NULL,
    PRIMARY KEY (registration_id, kind)
) WITHOUT ROWID;

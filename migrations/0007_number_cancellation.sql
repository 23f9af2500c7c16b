-- SimKYC schema 0007: a store manager may record that a registration's number was cancelled
-- (reviews.decision 'cancelled', src/core/review.h; sent as a deactivation, POST /v1/deactivations in
-- docs/upstream-api.md). A cancelled number no longer holds its person's quota place (core/quota.h).
-- SQLite cannot change a CHECK constraint, so the reviews table is rebuilt with the same columns,
-- rows, index and trigger. Dropping it would delete the review_uploads rows through their foreign
-- key (ON DELETE CASCADE), so they are kept aside in review_uploads_kept and put back.
CREATE TABLE review_uploads_kept AS SELECT * FROM review_uploads;
DELETE FROM review_uploads;

CREATE TABLE reviews_0007 (
    id              INTEGER PRIMARY KEY,
    review_id       TEXT NOT NULL UNIQUE,
    registration_id TEXT NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    decided_at      TEXT NOT NULL,
    reviewer_id     INTEGER NOT NULL REFERENCES staff (id),
    decision        TEXT NOT NULL
                    CHECK (decision IN ('approved', 'flagged', 'manual_approved', 'manual_rejected', 'cancelled')),
    reason          TEXT NOT NULL
);
INSERT INTO reviews_0007 (id, review_id, registration_id, decided_at, reviewer_id, decision, reason)
    SELECT id, review_id, registration_id, decided_at, reviewer_id, decision, reason FROM reviews;
DROP TABLE reviews;
ALTER TABLE reviews_0007 RENAME TO reviews;

CREATE INDEX reviews_by_registration ON reviews (registration_id, id);

CREATE TRIGGER reviews_are_append_only BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;

-- A number is cancelled once.
CREATE UNIQUE INDEX reviews_one_cancellation ON reviews (registration_id) WHERE decision = 'cancelled';

INSERT INTO review_uploads (review_id, state, attempts, next_attempt_at, last_error, receipt, acknowledged_at)
    SELECT review_id, state, attempts, next_attempt_at, last_error, receipt, acknowledged_at FROM review_uploads_kept;
DROP TABLE review_uploads_kept;

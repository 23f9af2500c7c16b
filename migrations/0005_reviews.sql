-- SimKYC schema 0005: the store manager's review of registrations (src/store/review_repository.h).
-- reviews: append-only (triggers refuse UPDATE; rows go only with their registration); one row per
--   decision, the newest counts. No customer data: codes only.
--   decision: 'approved' | 'flagged' for a record the kiosk decided (the end-of-day check);
--             'manual_approved' | 'manual_rejected' for a record handed to the manager
--             (status 'manual_review'): that registration moves to status 'recorded' with that outcome
--             in the same transaction.
--   reason: a code from the list in docs/operator-guide.md ("documents_checked", "photo_mismatch", ...).
--   review_id: UUIDv7, the review's identity upstream (POST /v1/reviews, docs/upstream-api.md).
-- review_uploads: one row per review, written with it: 'pending' until the carrier's signed review
--   receipt verified ('acknowledged', receipt kept), or 'parked' when the carrier refused it
--   (last_error says why). The sync worker sends a review once its registration is acknowledged.
CREATE TABLE reviews (
    id              INTEGER PRIMARY KEY,
    review_id       TEXT NOT NULL UNIQUE,
    registration_id TEXT NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    decided_at      TEXT NOT NULL,
    reviewer_id     INTEGER NOT NULL REFERENCES staff (id),
    decision        TEXT NOT NULL
                    CHECK (decision IN ('approved', 'flagged', 'manual_approved', 'manual_rejected')),
    reason          TEXT NOT NULL
);

CREATE INDEX reviews_by_registration ON reviews (registration_id, id);

CREATE TRIGGER reviews_are_append_only BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;

CREATE TABLE review_uploads (
    review_id       TEXT PRIMARY KEY NOT NULL REFERENCES reviews (review_id) ON DELETE CASCADE,
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acknowledged', 'parked')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    receipt         TEXT,
    acknowledged_at TEXT
) WITHOUT ROWID;

CREATE INDEX review_uploads_by_state ON review_uploads (state, next_attempt_at);

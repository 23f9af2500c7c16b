-- SimKYC schema 0006: the staff's own faces (src/store/staff_face_repository.h), so a registration
-- fronted with a clerk's or manager's face is refused (reason staff_face).
-- sealed_embedding: the staff member's face embedding (128 little-endian float32), AES-256-GCM under
--   the staff-face key (setting staff.face_key_wrapped, wrapped under the store key, so key rotation
--   re-wraps it), bound to (staff id, "face_embedding"). Never sent to the carrier, never exported.
-- enrolled_by: who enrolled it ("staff:3", "cli"). One face per account; deleted with the account.
CREATE TABLE staff_faces (
    staff_id         INTEGER PRIMARY KEY NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    sealed_embedding BLOB NOT NULL,
    enrolled_at      TEXT NOT NULL,
    enrolled_by      TEXT NOT NULL
);

// StaffFaceRepository: the face of each staff member (clerk or manager), enrolled when the account
// is set up, so that the kiosk can refuse a registration whose live face is a staff member's
// (a clerk fronting registrations with their own face or an accomplice's against a look-alike ID).
// Guarantees: an embedding is stored only encrypted (AES-256-GCM under the staff-face key, itself
// wrapped under the store key in the setting staff.face_key_wrapped, created at the first enrolment),
// bound to its staff id: a row copied to another account does not decrypt. Every write and every
// decrypting read is audited ("staff.face_enrol", "staff.face_remove", "staff.face_read" with the
// reason), codes only. The embeddings never leave the kiosk (not in the payload, not exported).
// Thread-safety: one instance per thread (that of its Database); the Keyring must outlive it.
#pragma once

#include "core/result.h"
#include "store/keyring.h"
#include "store/record_id.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace simkyc::store {

class Database;

inline constexpr std::size_t kStaffFaceDimensions = 128; // dlib ResNet embeddings

struct StaffFace {
    std::int64_t staffId = 0;
    std::vector<float> embedding; // kStaffFaceDimensions values
};

class StaffFaceRepository {
public:
    StaffFaceRepository(Database &db, const Keyring &keys) : m_db(db), m_keys(keys) {}

    // Stores (or replaces) the staff member's face; `how` is added to the audit entry's detail
    // (codes only, e.g. "source=camera"). InvalidArgument for a wrong size or a value that is not
    // finite; NotFound for an unknown staff id.
    [[nodiscard]] Status enrol(std::int64_t staffId, std::span<const float> embedding, std::string_view actor,
                               std::string_view how = {}, Clock::time_point now = Clock::now());
    // True when a face was removed.
    [[nodiscard]] Result<bool> remove(std::int64_t staffId, std::string_view actor,
                                      Clock::time_point now = Clock::now());
    // The ids of the staff with an enrolled face (nothing decrypted, not audited).
    [[nodiscard]] Result<std::vector<std::int64_t>> enrolled();
    // Every enrolled face, decrypted, after one audit entry (actor, "staff.face_read", reason).
    // CryptoFailure when a row does not decrypt (moved, damaged, or another store's key).
    [[nodiscard]] Result<std::vector<StaffFace>> all(std::string_view actor, std::string_view reason,
                                                     Clock::time_point now = Clock::now());

private:
    Database &m_db;
    const Keyring &m_keys;
};

} // namespace simkyc::store

// The carrier's 1:N face search: "one face under several ID numbers" (docs/upstream-api.md,
// "Duplicate faces"). A back-office run with the carrier's private key (simkyc-upstream
// face-search), never the serving instances: they cannot open biometrics at all.
// Each run:
//   1. deletes the stored embeddings of records that hold no quota place (a failed attempt, a
//      rejected hand-over, a cancelled number) once they are older than keepReleasedDays: a number
//      cancelled before the run, or a failed try with someone else's card, is still compared;
//   2. loads every stored embedding (AES-256-GCM under the face index key, derived from the carrier
//      key, bound to its record id) into a FaceIndex;
//   3. takes the registrations with biometrics not searched yet (every outcome), in chunks: an
//      open_audit row per record (reason "face_search") is committed before its biometrics are
//      opened; the live-face embedding the kiosk sealed in them ("live_embedding", 128 numbers) is
//      searched against the index and the rest of the chunk; a face within the threshold under
//      another quota index (another ID number) is a finding (duplicate_faces); the embedding is
//      stored sealed.
// Guarantees: a record is searched once, by one run; step 3's writes take a database-wide lock
// (PostgreSQL advisory lock, SQLite's write lock) and first load what other runs committed, so two
// runs at once still compare their new faces with each other. A record whose biometrics hold no live
// face is marked searched without an embedding. One whose biometrics do not open under this key is
// left unsearched and counted (`unreadable`), so a run with a wrong key changes nothing and the next
// run with the right one searches it. A stored embedding that does not open (another carrier key,
// or the row was altered) stops the run.
// Thread-safety: one run per thread, with its Database.
#pragma once

#include "core/result.h"
#include "crypto/secure_bytes.h"
#include "upstream/database.h"
#include "upstream/face_index.h"
#include "upstream/face_repository.h"

#include <cstdint>
#include <string>
#include <vector>

namespace simkyc::upstream {

// A finding at or under this distance between two live faces. Far stricter than the 1:1 match
// (0.55): a gallery of N faces turns a false-match rate f into N x f false findings per search
// (docs/accuracy.md, "The 1:N face search").
inline constexpr float kDuplicateFaceDistance = 0.40F;

struct FaceSearchOptions {
    float threshold = kDuplicateFaceDistance;
    int chunk = 500;           // records searched per transaction
    int neighbours = 16;       // nearest faces looked at per search (a person holds at most 5 places)
    int keepReleasedDays = 90; // how long the face of a record holding no place stays comparable
    FaceIndex::Options index;
    std::string operatorName; // for the open_audit rows
    std::string host;
};

struct FaceSearchReport {
    std::int64_t purged = 0;      // embeddings deleted (no place held, older than keepReleasedDays)
    std::int64_t searched = 0;    // records searched in this run
    std::int64_t withoutFace = 0; // of them: no live face (a manual check), stored without an embedding
    std::int64_t unreadable = 0;  // not searched: biometrics that do not open under this carrier key
    std::size_t gallery = 0;      // faces in the index at the end
    bool approximate = false;     // the index had passed FaceIndex::Options::exactUpTo (HNSW)
    std::vector<DuplicateFaceRow> found;
};

// carrierPrivate: the carrier's X25519 private key (32 bytes).
[[nodiscard]] Result<FaceSearchReport> runFaceSearch(Database &db, const crypto::SecureBytes &carrierPrivate,
                                                     const FaceSearchOptions &options);

} // namespace simkyc::upstream

// Typed access to the 1:N face search's tables (face_index, duplicate_faces; migration 4 of
// src/upstream/database.cpp) over prepared statements. Nothing is cached in memory.
// Guarantees: a registration is searched once (face_index.record_id is unique; insertSearched()
// reports whether this call wrote the row, so two runs learn who won); a finding is stored once per
// pair. Embeddings come and go sealed (the caller seals and opens them); nothing here decrypts.
// Thread-safety: one instance per thread, with its Database.
#pragma once

#include "core/result.h"
#include "upstream/database.h"

#include <QByteArray>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::upstream {

struct IndexedFace {
    std::int64_t id = 0;
    std::string recordId;
    std::optional<std::string> quotaIndex;
    QByteArray sealedEmbedding;
};

struct FaceCandidate {
    std::string receivedAt; // with recordId, the run's cursor
    std::string recordId;
    std::optional<std::string> quotaIndex;
    QByteArray biometrics; // sealed to the carrier
};

struct DuplicateFaceRow {
    std::string recordId;      // the record searched (the later one)
    std::string otherRecordId; // the indexed record it matched
    double distance = 0.0;
    std::string foundAt;
};

class FaceRepository {
public:
    explicit FaceRepository(Database &db) : m_db(db) {}

    // Searched records with an embedding, id > after, in id order.
    [[nodiscard]] Result<std::vector<IndexedFace>> indexedAfter(std::int64_t after);
    // Registrations with biometrics not searched yet (every outcome: a failed attempt with someone
    // else's card is a lead too), after the cursor (received_at, record_id), in that order, at most
    // `limit`.
    [[nodiscard]] Result<std::vector<FaceCandidate>> unsearched(int limit, const std::string &afterReceivedAt,
                                                                const std::string &afterRecordId);
    // Marks the record searched, with its sealed embedding or none (no live face). False when
    // another run searched it first (nothing written).
    [[nodiscard]] Result<bool> insertSearched(const std::string &recordId, const std::optional<std::string> &quotaIndex,
                                              const std::optional<QByteArray> &sealedEmbedding);
    [[nodiscard]] Status insertDuplicate(const DuplicateFaceRow &row);
    // Deletes the embeddings of searched records that hold no quota place (a failed attempt, a
    // rejected hand-over, a cancelled number) and were received before `receivedBefore`; the rows
    // stay, so they are not searched again. Returns how many.
    [[nodiscard]] Result<std::int64_t> purgeReleased(const std::string &receivedBefore);
    // Findings, newest first, at most `limit`; of one record when recordId is set.
    [[nodiscard]] Result<std::vector<DuplicateFaceRow>> duplicates(int limit,
                                                                   const std::optional<std::string> &recordId = {});
    // The records of one device with a finding (as either side of a match), each with its first
    // finding's time; newest first, at most `limit`. No other record is named.
    [[nodiscard]] Result<std::vector<std::pair<std::string, std::string>>> findingsOfDevice(const std::string &deviceId,
                                                                                            int limit);
    // Searched records, and those of them with an embedding now.
    [[nodiscard]] Result<std::pair<std::int64_t, std::int64_t>> counts();

private:
    Database &m_db;
};

} // namespace simkyc::upstream

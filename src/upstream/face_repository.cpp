#include "upstream/face_repository.h"

#include "upstream/sql_steps.h"

namespace simkyc::upstream {

using namespace sql;

Result<std::vector<IndexedFace>> FaceRepository::indexedAfter(std::int64_t after)
{
    auto q = query(m_db,
                   QStringLiteral("SELECT id, record_id, quota_index, sealed_embedding FROM face_index WHERE id > ? "
                                  "AND sealed_embedding IS NOT NULL ORDER BY id"),
                   {static_cast<qlonglong>(after)});
    if (!q)
        return q.error();
    std::vector<IndexedFace> out;
    while ((*q)->next()) {
        IndexedFace f;
        f.id = (*q)->value(0).toLongLong();
        f.recordId = text(**q, 1);
        if (!(*q)->isNull(2))
            f.quotaIndex = text(**q, 2);
        f.sealedEmbedding = (*q)->value(3).toByteArray();
        out.push_back(std::move(f));
    }
    (*q)->finish();
    return out;
}

Result<std::vector<FaceCandidate>> FaceRepository::unsearched(int limit, const std::string &afterReceivedAt,
                                                              const std::string &afterRecordId)
{
    auto q = query(m_db,
                   QStringLiteral("SELECT r.received_at, r.record_id, r.quota_index, r.biometrics FROM registrations r "
                                  "LEFT JOIN face_index f ON f.record_id = r.record_id WHERE f.record_id IS NULL AND "
                                  "r.biometrics IS NOT NULL AND (r.received_at > ? OR (r.received_at = ? AND "
                                  "r.record_id > ?)) ORDER BY r.received_at, r.record_id LIMIT ?"),
                   {qs(afterReceivedAt), qs(afterReceivedAt), qs(afterRecordId), limit});
    if (!q)
        return q.error();
    std::vector<FaceCandidate> out;
    while ((*q)->next()) {
        FaceCandidate c;
        c.receivedAt = text(**q, 0);
        c.recordId = text(**q, 1);
        if (!(*q)->isNull(2))
            c.quotaIndex = text(**q, 2);
        c.biometrics = (*q)->value(3).toByteArray();
        out.push_back(std::move(c));
    }
    (*q)->finish();
    return out;
}

Result<bool> FaceRepository::insertSearched(const std::string &recordId, const std::optional<std::string> &quotaIndex,
                                            const std::optional<QByteArray> &sealedEmbedding)
{
    auto q = query(m_db,
                   QStringLiteral("INSERT INTO face_index (record_id, quota_index, sealed_embedding, indexed_at) "
                                  "VALUES (?, ?, ?, ?) ON CONFLICT (record_id) DO NOTHING"),
                   {qs(recordId), nullableText(quotaIndex), nullableBlob(sealedEmbedding), now()});
    if (!q)
        return q.error();
    return (*q)->numRowsAffected() == 1;
}

Status FaceRepository::insertDuplicate(const DuplicateFaceRow &row)
{
    return write(m_db,
                 QStringLiteral("INSERT INTO duplicate_faces (record_id, other_record_id, distance, found_at) "
                                "VALUES (?, ?, ?, ?) ON CONFLICT (record_id, other_record_id) DO NOTHING"),
                 {qs(row.recordId), qs(row.otherRecordId), row.distance, qs(row.foundAt)});
}

Result<std::int64_t> FaceRepository::purgeReleased(const std::string &receivedBefore)
{
    auto q = query(m_db,
                   QStringLiteral("UPDATE face_index SET sealed_embedding = NULL WHERE sealed_embedding IS NOT NULL "
                                  "AND record_id IN (SELECT record_id FROM registrations WHERE holds_slot = 0 AND "
                                  "received_at < ?)"),
                   {qs(receivedBefore)});
    if (!q)
        return q.error();
    return static_cast<std::int64_t>((*q)->numRowsAffected());
}

Result<std::vector<DuplicateFaceRow>> FaceRepository::duplicates(int limit, const std::optional<std::string> &recordId)
{
    auto q = recordId ? query(m_db,
                              QStringLiteral("SELECT record_id, other_record_id, distance, found_at FROM "
                                             "duplicate_faces WHERE record_id = ? OR other_record_id = ? ORDER BY "
                                             "found_at DESC, record_id LIMIT ?"),
                              {qs(*recordId), qs(*recordId), limit})
                      : query(m_db,
                              QStringLiteral("SELECT record_id, other_record_id, distance, found_at FROM "
                                             "duplicate_faces ORDER BY found_at DESC, record_id LIMIT ?"),
                              {limit});
    if (!q)
        return q.error();
    std::vector<DuplicateFaceRow> out;
    while ((*q)->next())
        out.push_back({text(**q, 0), text(**q, 1), (*q)->value(2).toDouble(), text(**q, 3)});
    (*q)->finish();
    return out;
}

Result<std::vector<std::pair<std::string, std::string>>> FaceRepository::findingsOfDevice(const std::string &deviceId,
                                                                                          int limit)
{
    auto q = query(m_db,
                   QStringLiteral("SELECT record_id, MIN(found_at) FROM (SELECT d.record_id AS record_id, d.found_at "
                                  "AS found_at FROM duplicate_faces d JOIN registrations r ON r.record_id = "
                                  "d.record_id WHERE r.device_id = ? UNION ALL SELECT d.other_record_id, d.found_at "
                                  "FROM duplicate_faces d JOIN registrations r ON r.record_id = d.other_record_id "
                                  "WHERE r.device_id = ?) x GROUP BY record_id ORDER BY MIN(found_at) DESC, record_id "
                                  "LIMIT ?"),
                   {qs(deviceId), qs(deviceId), limit});
    if (!q)
        return q.error();
    std::vector<std::pair<std::string, std::string>> out;
    while ((*q)->next())
        out.emplace_back(text(**q, 0), text(**q, 1));
    (*q)->finish();
    return out;
}

Result<std::pair<std::int64_t, std::int64_t>> FaceRepository::counts()
{
    auto q = query(m_db, QStringLiteral("SELECT COUNT(*), COUNT(sealed_embedding) FROM face_index"), {});
    if (!q)
        return q.error();
    std::pair<std::int64_t, std::int64_t> out{0, 0};
    if ((*q)->next())
        out = {(*q)->value(0).toLongLong(), (*q)->value(1).toLongLong()};
    (*q)->finish();
    return out;
}

} // namespace simkyc::upstream

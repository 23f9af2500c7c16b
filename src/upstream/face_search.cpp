#include "upstream/face_search.h"

#include "crypto/aead.h"
#include "crypto/hmac.h"
#include "crypto/seal.h"
#include "protocol/protocol.h"
#include "upstream/repository.h"
#include "upstream/sql_steps.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstring>
#include <optional>

namespace simkyc::upstream {
namespace {

// The advisory lock of the search's writes: "SIMKFACE" in ASCII, apart from the quota indexes'
// keys (HMAC outputs) and the records' (SHA-256 of "simkyc/review-lock/...").
constexpr std::int64_t kFaceSearchLock = 0x53494D4B46414345;
constexpr std::string_view kEmbeddingField = "face_index_embedding";

std::span<const std::uint8_t> bytesOf(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

std::span<const std::uint8_t> bytesOf(const QByteArray &bytes)
{
    return {reinterpret_cast<const std::uint8_t *>(bytes.constData()), static_cast<std::size_t>(bytes.size())};
}

// The key the stored embeddings are sealed under: HMAC-SHA256(carrier private key, label). Only the
// holder of the carrier key can read the index, as only they can open the biometrics it comes from.
Result<crypto::SecureBytes> indexKeyOf(const crypto::SecureBytes &carrierPrivate)
{
    auto mac = crypto::hmacSha256(carrierPrivate.span(), bytesOf(std::string_view("simkyc/face-index-key/v1")));
    if (!mac)
        return mac.error();
    return crypto::SecureBytes(std::span<const std::uint8_t>(mac->data(), mac->size()));
}

// The kiosk's live-face embedding in its biometric payload (src/app/face_registration.cpp): 128
// finite numbers under "live_embedding"; nullopt for a payload without a face (a manual check).
std::optional<FaceVector> liveEmbeddingOf(const crypto::SecureBytes &payload)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(
        reinterpret_cast<const char *>(payload.data()), static_cast<qsizetype>(payload.size())));
    const QJsonArray values = doc.object().value(QStringLiteral("live_embedding")).toArray();
    if (values.size() != static_cast<qsizetype>(kFaceDimensions))
        return std::nullopt;
    FaceVector v{};
    for (std::size_t i = 0; i < kFaceDimensions; ++i) {
        const QJsonValue x = values[static_cast<qsizetype>(i)];
        if (!x.isDouble() || !std::isfinite(x.toDouble()))
            return std::nullopt;
        v[i] = static_cast<float>(x.toDouble());
    }
    return v;
}

float distanceBetween(const FaceVector &a, const FaceVector &b)
{
    float sum = 0.0F;
    for (std::size_t i = 0; i < kFaceDimensions; ++i)
        sum += (a[i] - b[i]) * (a[i] - b[i]);
    return std::sqrt(sum);
}

// Two records of one person (the same quota index) are not a finding: five numbers are allowed.
// Without an index on either side the person is unknown, and a close face is reported.
bool samePerson(const std::optional<std::string> &a, const std::optional<std::string> &b)
{
    return a && b && *a == *b;
}

struct GalleryEntry {
    std::string recordId;
    std::optional<std::string> quotaIndex;
};

struct Opened {
    FaceCandidate candidate;
    std::optional<FaceVector> face;
    bool unreadable = false;
};

class Run {
public:
    Run(Database &db, const crypto::SecureBytes &carrierPrivate, crypto::SecureBytes indexKey,
        const FaceSearchOptions &options)
        : m_db(db), m_faces(db), m_registrations(db), m_carrierPrivate(carrierPrivate), m_key(std::move(indexKey)),
          m_options(options), m_index(options.index)
    {
    }

    Result<FaceSearchReport> run()
    {
        {
            Transaction tx(m_db);
            Status s = tx.begin();
            const QString cutoff =
                QDateTime::currentDateTimeUtc().addDays(-m_options.keepReleasedDays).toString(Qt::ISODateWithMs);
            auto purged = s ? m_faces.purgeReleased(cutoff.toStdString()) : Result<std::int64_t>(s.error());
            if (!purged)
                return purged.error();
            m_report.purged = *purged;
            if (Status c = tx.commit(); !c)
                return c.error();
        }
        if (Status s = catchUp(); !s)
            return s.error();
        for (;;) {
            auto picked = pickAndAudit();
            if (!picked)
                return picked.error();
            if (picked->empty())
                break;
            if (Status s = searchAndStore(open(std::move(picked).value())); !s)
                return s.error();
        }
        if (Status s = catchUp(); !s) // the last chunk's faces, for the count
            return s.error();
        m_report.gallery = m_index.size();
        m_report.approximate = m_index.approximate();
        return std::move(m_report);
    }

private:
    // Loads the faces stored since the last load (every one, the first time).
    Status catchUp()
    {
        auto rows = m_faces.indexedAfter(m_loadedUpTo);
        if (!rows)
            return rows.error();
        std::vector<FaceVector> faces;
        faces.reserve(rows->size());
        for (const IndexedFace &row : *rows) {
            auto opened = crypto::aeadOpen(m_key, bytesOf(row.sealedEmbedding),
                                           crypto::fieldAssociatedData(row.recordId, kEmbeddingField));
            if (!opened || opened->size() != sizeof(FaceVector))
                return Error{ErrorCode::CryptoFailure,
                             "the stored face of record " + row.recordId +
                                 " does not open under this carrier key (another key, or the row was altered)"};
            FaceVector v{};
            std::memcpy(v.data(), opened->data(), sizeof(FaceVector));
            faces.push_back(v);
            m_entries.push_back({row.recordId, row.quotaIndex});
            m_loadedUpTo = row.id;
        }
        m_index.add(faces);
        return {};
    }

    // The next chunk, with its audit rows committed before anything is opened.
    Result<std::vector<FaceCandidate>> pickAndAudit()
    {
        Transaction tx(m_db);
        if (Status s = tx.begin(); !s)
            return s.error();
        auto picked = m_faces.unsearched(m_options.chunk, m_cursor.first, m_cursor.second);
        if (!picked)
            return picked.error();
        if (!picked->empty()) // each record once per run, also one left unsearched (unreadable)
            m_cursor = {picked->back().receivedAt, picked->back().recordId};
        // A record another run took but has not finished is picked again here; its audit row says so
        // truthfully, and only one run stores its result (insertSearched).
        for (const FaceCandidate &c : *picked)
            if (Status a = m_registrations.auditOpen(c.recordId, m_options.operatorName, m_options.host, "face_search");
                !a)
                return a.error();
        if (Status c = tx.commit(); !c)
            return c.error();
        return picked;
    }

    std::vector<Opened> open(std::vector<FaceCandidate> candidates) const
    {
        std::vector<Opened> out;
        out.reserve(candidates.size());
        for (FaceCandidate &c : candidates) {
            Opened o{std::move(c), std::nullopt, false};
            auto payload =
                crypto::openSealed(m_carrierPrivate, bytesOf(o.candidate.biometrics),
                                   crypto::fieldAssociatedData(o.candidate.recordId, protocol::kBiometricsField));
            if (payload)
                o.face = liveEmbeddingOf(*payload);
            else
                o.unreadable = true;
            o.candidate.biometrics.fill('\0');
            out.push_back(std::move(o));
        }
        return out;
    }

    Status searchAndStore(const std::vector<Opened> &chunk)
    {
        Transaction tx(m_db);
        Status s = tx.begin();
        if (s)
            s = m_db.lockForTransaction(kFaceSearchLock);
        if (s)
            s = catchUp(); // what other runs stored since: compared too
        if (!s)
            return s;
        std::vector<FaceVector> queries;
        std::vector<std::size_t> withFace; // chunk positions of the queries
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            if (chunk[i].face) {
                queries.push_back(*chunk[i].face);
                withFace.push_back(i);
            }
        }
        const auto hits = m_index.search(queries, m_options.neighbours, m_options.threshold);
        const std::string foundAt = sql::now().toStdString();
        std::vector<std::vector<DuplicateFaceRow>> findings(chunk.size());
        for (std::size_t q = 0; q < queries.size(); ++q) {
            const FaceCandidate &c = chunk[withFace[q]].candidate;
            for (const FaceIndex::Hit &hit : hits[q]) {
                const GalleryEntry &other = m_entries[hit.entry];
                if (other.recordId != c.recordId && !samePerson(other.quotaIndex, c.quotaIndex))
                    findings[withFace[q]].push_back({c.recordId, other.recordId, hit.distance, foundAt});
            }
            // Within the chunk: each new face against the earlier ones.
            for (std::size_t p = 0; p < q; ++p) {
                const FaceCandidate &earlier = chunk[withFace[p]].candidate;
                const float d = distanceBetween(queries[q], queries[p]);
                if (d <= m_options.threshold && !samePerson(earlier.quotaIndex, c.quotaIndex))
                    findings[withFace[q]].push_back({c.recordId, earlier.recordId, d, foundAt});
            }
        }
        std::vector<DuplicateFaceRow> stored;
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            const Opened &o = chunk[i];
            if (o.unreadable) { // not this key's: left for a run with the right one
                ++m_report.unreadable;
                continue;
            }
            std::optional<QByteArray> sealed;
            if (o.face) {
                auto bytes = crypto::aeadSeal(
                    m_key, std::span(reinterpret_cast<const std::uint8_t *>(o.face->data()), sizeof(FaceVector)),
                    crypto::fieldAssociatedData(o.candidate.recordId, kEmbeddingField));
                if (!bytes)
                    return bytes.error();
                sealed =
                    QByteArray(reinterpret_cast<const char *>(bytes->data()), static_cast<qsizetype>(bytes->size()));
            }
            auto inserted = m_faces.insertSearched(o.candidate.recordId, o.candidate.quotaIndex, sealed);
            if (!inserted)
                return inserted.error();
            if (!*inserted)
                continue; // another run searched it first and stored what it found
            ++m_report.searched;
            m_report.withoutFace += o.face ? 0 : 1;
            for (const DuplicateFaceRow &f : findings[i]) {
                if (Status d = m_faces.insertDuplicate(f); !d)
                    return d;
                stored.push_back(f);
            }
        }
        if (Status c = tx.commit(); !c)
            return c;
        m_report.found.insert(m_report.found.end(), stored.begin(), stored.end());
        return {}; // the new faces reach the index through the next catchUp()
    }

    Database &m_db;
    FaceRepository m_faces;
    Repository m_registrations;
    const crypto::SecureBytes &m_carrierPrivate;
    crypto::SecureBytes m_key;
    const FaceSearchOptions &m_options;
    FaceIndex m_index;
    std::vector<GalleryEntry> m_entries; // aligned with m_index's entries
    std::int64_t m_loadedUpTo = 0;
    std::pair<std::string, std::string> m_cursor; // (received_at, record_id) of the last record picked
    FaceSearchReport m_report;
};

} // namespace

Result<FaceSearchReport> runFaceSearch(Database &db, const crypto::SecureBytes &carrierPrivate,
                                       const FaceSearchOptions &options)
{
    if (carrierPrivate.size() != 32)
        return Error{ErrorCode::InvalidArgument, "the carrier key is not 32 bytes"};
    if (!(options.threshold > 0.0F) || options.chunk <= 0 || options.neighbours <= 0 || options.keepReleasedDays < 0)
        return Error{ErrorCode::InvalidArgument, "face search: threshold, chunk and neighbours must be positive"};
    auto key = indexKeyOf(carrierPrivate);
    if (!key)
        return key.error();
    Run run(db, carrierPrivate, std::move(key).value(), options);
    return run.run();
}

} // namespace simkyc::upstream

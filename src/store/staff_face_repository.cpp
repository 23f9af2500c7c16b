#include "store/staff_face_repository.h"

#include "crypto/aead.h"
#include "crypto/digest.h"
#include "crypto/key_wrap.h"
#include "store/audit_log.h"
#include "store/bytes.h"
#include "store/database.h"
#include "store/settings.h"
#include "store/transaction.h"

#include <cmath>
#include <cstring>

namespace simkyc::store {
namespace {

constexpr std::string_view kFaceKeySetting = "staff.face_key_wrapped";

std::vector<std::uint8_t> associatedData(std::int64_t staffId)
{
    return crypto::fieldAssociatedData("staff:" + std::to_string(staffId), "face_embedding");
}

// The staff-face key; created (and its wrapped form written) when `create` and there is none yet.
Result<std::optional<crypto::SecureBytes>> faceKey(Database &db, const Keyring &keys, bool create)
{
    auto stored = readSetting(db, kFaceKeySetting);
    if (!stored)
        return stored.error();
    if (*stored) {
        auto wrapped = crypto::fromHex(**stored);
        if (!wrapped)
            return Error{ErrorCode::InvalidFormat, "setting staff.face_key_wrapped is damaged"};
        auto key = crypto::unwrapKey(keys.storeKey, *wrapped);
        if (!key)
            return Error{ErrorCode::CryptoFailure, "the staff-face key does not unwrap under this store key"};
        return std::optional<crypto::SecureBytes>(std::move(key).value());
    }
    if (!create)
        return std::optional<crypto::SecureBytes>();
    auto key = crypto::generateDataKey();
    if (!key)
        return key.error();
    auto wrapped = crypto::wrapKey(keys.storeKey, *key);
    if (!wrapped)
        return wrapped.error();
    if (Status w = writeSetting(db, kFaceKeySetting, crypto::toHex(*wrapped)); !w)
        return w.error();
    return std::optional<crypto::SecureBytes>(std::move(key).value());
}

std::vector<std::uint8_t> floatBytes(std::span<const float> values)
{
    std::vector<std::uint8_t> out;
    out.reserve(values.size() * 4);
    for (const float v : values) {
        std::uint32_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        for (int shift = 0; shift < 32; shift += 8)
            out.push_back(static_cast<std::uint8_t>(bits >> shift));
    }
    return out;
}

std::vector<float> floatsOf(std::span<const std::uint8_t> bytes)
{
    std::vector<float> out(bytes.size() / 4);
    for (std::size_t i = 0; i < out.size(); ++i) {
        std::uint32_t bits = 0;
        for (int b = 0; b < 4; ++b)
            bits |= static_cast<std::uint32_t>(bytes[i * 4 + static_cast<std::size_t>(b)]) << (8 * b);
        std::memcpy(&out[i], &bits, sizeof bits);
    }
    return out;
}

} // namespace

Status StaffFaceRepository::enrol(std::int64_t staffId, std::span<const float> embedding, std::string_view actor,
                                  std::string_view how, Clock::time_point now)
{
    if (embedding.size() != kStaffFaceDimensions)
        return Error{ErrorCode::InvalidArgument, "a staff face is " + std::to_string(kStaffFaceDimensions) +
                                                     " numbers, not " + std::to_string(embedding.size())};
    for (const float v : embedding)
        if (!std::isfinite(v))
            return Error{ErrorCode::InvalidArgument, "a staff face holds a value that is not a number"};
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    {
        auto s = m_db.cached("SELECT COUNT(*) FROM staff WHERE id = ?");
        if (!s)
            return s.error();
        if (Status b = (*s)->bindInt64(1, staffId); !b)
            return b;
        if (Status done = stepOnce(s); !done)
            return done;
        if ((*s)->columnInt64(0) == 0)
            return Error{ErrorCode::NotFound, "no staff member with id " + std::to_string(staffId)};
    }
    auto key = faceKey(m_db, m_keys, true);
    if (!key)
        return key.error();
    const auto plain = floatBytes(embedding);
    auto sealed = crypto::aeadSeal(**key, plain, associatedData(staffId));
    if (!sealed)
        return sealed.error();
    {
        auto s = m_db.cached("INSERT INTO staff_faces (staff_id, sealed_embedding, enrolled_at, enrolled_by) "
                             "VALUES (?, ?, ?, ?) ON CONFLICT (staff_id) DO UPDATE SET "
                             "sealed_embedding = excluded.sealed_embedding, enrolled_at = excluded.enrolled_at, "
                             "enrolled_by = excluded.enrolled_by");
        if (!s)
            return s.error();
        Statement &q = **s;
        Status b = firstFailure({q.bindInt64(1, staffId), q.bindBlob(2, asBlob(*sealed)),
                                 q.bindText(3, utcTimestamp(now)), q.bindText(4, actor)});
        if (Status done = b ? stepOnce(s) : b; !done)
            return done;
    }
    const AuditEntry audit{std::string(actor), "staff.face_enrol", std::nullopt,
                           "staff=" + std::to_string(staffId) + (how.empty() ? "" : "," + std::string(how))};
    if (auto a = appendAudit(m_db, audit, now); !a)
        return a.error();
    return tx->commit();
}

Result<bool> StaffFaceRepository::remove(std::int64_t staffId, std::string_view actor, Clock::time_point now)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    auto s = m_db.cached("DELETE FROM staff_faces WHERE staff_id = ?");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindInt64(1, staffId); !b)
        return b.error();
    if (Status done = stepOnce(s); !done)
        return done.error();
    const bool removed = m_db.changes() > 0;
    if (removed) {
        const AuditEntry audit{std::string(actor), "staff.face_remove", std::nullopt,
                               "staff=" + std::to_string(staffId)};
        if (auto a = appendAudit(m_db, audit, now); !a)
            return a.error();
    }
    if (Status c = tx->commit(); !c)
        return c.error();
    return removed;
}

Result<std::vector<std::int64_t>> StaffFaceRepository::enrolled()
{
    auto s = m_db.cached("SELECT staff_id FROM staff_faces ORDER BY staff_id");
    std::vector<std::int64_t> ids;
    if (Status each = forEachRow(s, [&ids](const Statement &q) { ids.push_back(q.columnInt64(0)); }); !each)
        return each.error();
    return ids;
}

Result<std::vector<StaffFace>> StaffFaceRepository::all(std::string_view actor, std::string_view reason,
                                                        Clock::time_point now)
{
    std::vector<std::pair<std::int64_t, std::vector<std::uint8_t>>> rows;
    {
        auto s = m_db.cached("SELECT staff_id, sealed_embedding FROM staff_faces ORDER BY staff_id");
        if (Status each = forEachRow(
                s, [&rows](const Statement &q) { rows.emplace_back(q.columnInt64(0), fromBlob(q.columnBlob(1))); });
            !each)
            return each.error();
    }
    std::vector<StaffFace> faces;
    if (rows.empty())
        return faces;
    const AuditEntry audit{std::string(actor), "staff.face_read", std::nullopt, "reason=" + std::string(reason)};
    if (auto a = appendAudit(m_db, audit, now); !a)
        return a.error();
    auto key = faceKey(m_db, m_keys, false);
    if (!key)
        return key.error();
    if (!*key)
        return Error{ErrorCode::CryptoFailure, "staff faces are stored but the staff-face key is missing"};
    for (const auto &[staffId, sealed] : rows) {
        auto plain = crypto::aeadOpen(**key, sealed, associatedData(staffId));
        if (!plain || plain->size() != kStaffFaceDimensions * 4)
            return Error{ErrorCode::CryptoFailure,
                         "the face of staff " + std::to_string(staffId) + " does not decrypt for this account"};
        faces.push_back(StaffFace{staffId, floatsOf(plain->span())});
    }
    return faces;
}

} // namespace simkyc::store

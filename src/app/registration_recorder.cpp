#include "app/registration_recorder.h"

#include "store/audit_log.h"
#include "store/registration_guard.h"
#include "store/staff_face_repository.h"
#include "sync/sync_settings.h"

#include <algorithm>

namespace simkyc::app {

RegistrationRecorder::RegistrationRecorder(StoreSession &session, int quotaLimit)
    : m_session(session), m_quotaLimit(std::clamp(quotaLimit, 1, core::kQuotaLimit))
{
}

Status RegistrationRecorder::canRegister()
{
    return store::checkCanRegister(m_session.db);
}

Result<QuotaStanding> RegistrationRecorder::checkQuota(std::string_view idNumber, std::int64_t clerkId)
{
    store::RegistrationRepository repo(m_session.db, m_session.keys);
    auto held = repo.countActiveForIdNumber(idNumber);
    if (!held.ok())
        return held.error();
    const QuotaStanding standing{*held, m_quotaLimit};
    if (standing.full())
        if (Status noted = noteQuotaRefusal(clerkId, "local", standing.held, standing.limit); !noted.ok())
            return noted.error();
    return standing;
}

Status RegistrationRecorder::noteQuotaRefusal(std::int64_t clerkId, std::string_view countedBy, std::int64_t held,
                                              std::int64_t limit)
{
    const store::AuditEntry audit{"staff:" + std::to_string(clerkId), "registration.quota_refused", std::nullopt,
                                  "by=" + std::string(countedBy) + ",held=" + std::to_string(held) +
                                      ",limit=" + std::to_string(limit)};
    if (auto logged = store::appendAudit(m_session.db, audit); !logged.ok())
        return logged.error();
    return {};
}

static_assert(vision::kEmbeddingSize == store::kStaffFaceDimensions);

Result<std::vector<StaffFaceRef>> RegistrationRecorder::staffFaces(std::int64_t clerkId)
{
    store::StaffFaceRepository repo(m_session.db, m_session.keys);
    auto faces = repo.all("staff:" + std::to_string(clerkId), "face_check");
    if (!faces.ok())
        return faces.error();
    std::vector<StaffFaceRef> out;
    for (const store::StaffFace &f : *faces) {
        StaffFaceRef ref{f.staffId, {}};
        std::copy(f.embedding.begin(), f.embedding.end(), ref.embedding.begin());
        out.push_back(ref);
    }
    return out;
}

Status RegistrationRecorder::noteStaffFace(std::int64_t staffId, std::int64_t clerkId,
                                           const std::optional<std::string> &recordId)
{
    const store::AuditEntry audit{"staff:" + std::to_string(clerkId), "face_check.staff_face", recordId,
                                  "staff=" + std::to_string(staffId)};
    if (auto logged = store::appendAudit(m_session.db, audit); !logged.ok())
        return logged.error();
    return {};
}

Result<RecordedRegistration> RegistrationRecorder::record(store::NewRegistration registration)
{
    if (Status space = store::checkCanRegister(m_session.db); !space.ok())
        return space.error();
    auto builder = sync::payloadBuilderFor(m_session.db, m_session.keys);
    if (!builder.ok())
        return builder.error();
    registration.biometricsExpireAt = store::Clock::now() + kBiometricsKeep;
    store::RegistrationRepository repo(m_session.db, m_session.keys, &*builder);
    auto id = repo.insert(registration);
    if (!id.ok())
        return id.error();
    auto saved = repo.summary(*id);
    if (!saved.ok())
        return saved.error();
    return RecordedRegistration{*id, saved->status, saved->syncState};
}

} // namespace simkyc::app

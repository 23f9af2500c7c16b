#include "app/registration_recorder.h"

#include "store/registration_guard.h"
#include "sync/sync_settings.h"

namespace simkyc::app {

Status RegistrationRecorder::canRegister()
{
    return store::checkCanRegister(m_session.db);
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

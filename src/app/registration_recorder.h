// RegistrationRecorder: stores the kiosk's finished registrations: the encrypted record with its
// outbox row for the carrier (store::RegistrationRepository with the kiosk's payload builder), after
// the disk-space gate (store/registration_guard.h).
// Guarantees: a record is stored whole or not at all (one transaction, the repository's); every
// error is returned with its code (disk_low, database_error, ...) and nothing is retried here; the
// biometric payload is sealed to the carrier by the repository and kept at most kBiometricsKeep
// beyond its creation (then purged by retention once synced).
// Used by the kiosk GUI and the headless demo. Thread-safety: the thread that owns the session
// (the GUI thread in the kiosk).
#pragma once

#include "app/store_session.h"
#include "store/registration_repository.h"

#include <chrono>
#include <string>

namespace simkyc::app {

inline constexpr std::chrono::hours kBiometricsKeep{48};

struct RecordedRegistration {
    std::string id;
    std::string status;    // "recorded", "manual_review"
    std::string syncState; // "pending", ...
};

class RegistrationRecorder {
public:
    explicit RegistrationRecorder(StoreSession &session) : m_session(session) {}

    // Sets biometricsExpireAt (now + kBiometricsKeep) and stores.
    [[nodiscard]] Result<RecordedRegistration> record(store::NewRegistration registration);
    // The disk-space gate alone (checked again by record()): before a registration starts.
    [[nodiscard]] Status canRegister();

private:
    StoreSession &m_session;
};

} // namespace simkyc::app

// RegistrationRecorder: stores the kiosk's finished registrations: the encrypted record with its
// outbox row for the carrier (store::RegistrationRepository with the kiosk's payload builder), after
// the disk-space gate (store/registration_guard.h). Before a registration starts, the quota gate:
// how many of the person's SIM quota slots this store already holds (core/quota.h).
// Guarantees: a record is stored whole or not at all (one transaction, the repository's); every
// error is returned with its code (disk_low, database_error, ...) and nothing is retried here; the
// biometric payload is sealed to the carrier by the repository and kept at most kBiometricsKeep
// beyond its creation (then purged by retention once synced).
// Used by the kiosk GUI and the headless demo. Thread-safety: the thread that owns the session
// (the GUI thread in the kiosk).
#pragma once

#include "app/face_registration.h"
#include "app/store_session.h"
#include "core/quota.h"
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

// A person's quota slots held in this store against the kiosk's limit (quota.max_per_id).
struct QuotaStanding {
    std::int64_t held = 0;
    int limit = core::kQuotaLimit;
    [[nodiscard]] bool full() const { return held >= limit; }
};

class RegistrationRecorder {
public:
    // quotaLimit: quota.max_per_id, 1..core::kQuotaLimit (clamped).
    explicit RegistrationRecorder(StoreSession &session, int quotaLimit = core::kQuotaLimit);

    // Sets biometricsExpireAt (now + kBiometricsKeep) and stores.
    [[nodiscard]] Result<RecordedRegistration> record(store::NewRegistration registration);
    // The disk-space gate alone (checked again by record()): before a registration starts.
    [[nodiscard]] Status canRegister();
    // The quota gate, before the face check: the slots the person with this ID number holds here
    // (through the blind index: the number is never stored or logged in clear). A full quota is
    // audited ("registration.quota_refused" by staff:<clerkId>, no customer data).
    [[nodiscard]] Result<QuotaStanding> checkQuota(std::string_view idNumber, std::int64_t clerkId);
    // The audit entry of a refusal: "registration.quota_refused" by staff:<clerkId>, with who counted
    // ("local" or "carrier") and the count.
    [[nodiscard]] Status noteQuotaRefusal(std::int64_t clerkId, std::string_view countedBy, std::int64_t held,
                                          std::int64_t limit);
    [[nodiscard]] int quotaLimit() const { return m_quotaLimit; }
    // The staff check, before each face check: the shop's enrolled staff faces (decrypted after an
    // audit entry "staff.face_read" by staff:<clerkId>, reason "face_check"). Empty when none are
    // enrolled. A face check that found one writes "face_check.staff_face" (noteStaffFace).
    [[nodiscard]] Result<std::vector<StaffFaceRef>> staffFaces(std::int64_t clerkId);
    [[nodiscard]] Status noteStaffFace(std::int64_t staffId, std::int64_t clerkId,
                                       const std::optional<std::string> &recordId);

private:
    StoreSession &m_session;
    int m_quotaLimit;
};

} // namespace simkyc::app

// What the carrier found about this kiosk's registrations (table carrier_findings, schema 0008):
// today "duplicate_face", from the carrier's 1:N face search, fetched and verified by the sync worker
// (src/sync) and shown in the manager's day view (RegistrationSummary::carrierFindings).
// Guarantees: one row per registration and kind, written once, with the audit entry
// "registration.finding" (actor "carrier", detail "kind=...") in the same transaction; the caller
// stores only findings whose signature it verified.
// Thread-safety: one instance per thread (that of its Database).
#pragma once

#include "core/result.h"
#include "store/record_id.h"

#include <string_view>

namespace simkyc::store {

class Database;

class CarrierFindingRepository {
public:
    explicit CarrierFindingRepository(Database &db) : m_db(db) {}

    // True when recorded now, false when it was already; NotFound when this kiosk holds no such
    // registration (nothing written).
    [[nodiscard]] Result<bool> record(std::string_view registrationId, std::string_view kind, std::string_view foundAt,
                                      std::string_view signedJson, Clock::time_point now = Clock::now());

private:
    Database &m_db;
};

} // namespace simkyc::store

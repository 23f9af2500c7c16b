// The day's SIM reconciliation for the store manager (simkyc-cli sims reconcile): the carrier's
// export of activated SIMs against the registrations this kiosk stored that day
// (core/sim_reconciliation.h decides; this reads and decrypts).
// The carrier's export (docs/upstream-api.md, "SIM activations"): CSV, a header line with a column
// "iccid" (other columns, e.g. activated_at and store_id, are ignored), one activated SIM per row.
// Guarantees: every ICCID of the file is checked (core/iccid.h) before anything is decrypted, and
// a bad file is refused whole, naming each bad row (never its value); each registration's ICCID is
// read through RegistrationRepository::readCustomer, so every decryption is audited (reason
// "sim_reconciliation"); ICCIDs leave this class masked only (reconciliationJson).
// Thread-safety: free functions; the session is used by the calling thread.
#pragma once

#include "app/store_session.h"
#include "core/sim_reconciliation.h"

#include <QJsonObject>

#include <filesystem>
#include <string>
#include <vector>

namespace simkyc::app {

// The activated ICCIDs of a carrier export, normalised. Errors: NotFound, InvalidFormat (no "iccid"
// column, or rows whose ICCID breaks a rule: "row 3: check_digit").
[[nodiscard]] Result<std::vector<std::string>> readActivations(const std::filesystem::path &csv);

struct DayReconciliation {
    std::string date; // UTC day, YYYY-MM-DD
    core::SimReconciliation result;
    std::int64_t activations = 0;   // distinct ICCIDs in the export
    std::int64_t registrations = 0; // registrations of the day that could be read
    // Registrations of the day whose customer data retention already shredded: not reconciled.
    std::vector<std::string> unreadable;
};

// Reconciles `activated` with the registrations created on `date`; `actor` is written in the audit
// entries ("staff:3", "cli").
[[nodiscard]] Result<DayReconciliation> reconcileDay(StoreSession &session, const std::string &date,
                                                     const std::vector<std::string> &activated,
                                                     const std::string &actor);

// The report as JSON, ICCIDs masked (first 6 and last 4 digits).
[[nodiscard]] QJsonObject reconciliationJson(const DayReconciliation &day);
[[nodiscard]] std::string maskIccid(const std::string &iccid);

} // namespace simkyc::app

// SIM reconciliation: the carrier's activated SIMs (ICCIDs) of a day against the registrations the
// kiosk stored that day. A SIM is handed over only after a match or a manual approval; every other
// registration (a failed attempt, a rejection, a hand-over the manager has not decided, a number the
// carrier refused) issued no
// SIM. What a colluding clerk leaves behind shows up in one of four lists:
// - activated without registration: a SIM sold with no identity check at all;
// - activated although no registration of it handed it over (all of them failed or are undecided):
//   the check failed and the SIM went out anyway;
// - registered twice: one ICCID handed over by two registrations (two identities on one SIM);
// - handed over but not activated: a registration whose SIM never went live (a typo in the ICCID,
//   or a registration made for a SIM that was sold elsewhere).
// Pure (no I/O): the caller reads the activations and decrypts the registrations' ICCIDs.
// Thread-safety: stateless functions.
#pragma once

#include "core/registration.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace simkyc::core {

struct RegisteredSim {
    std::string recordId;
    std::string iccid;               // normalised digits
    std::optional<Decision> outcome; // none: a hand-over the manager has not decided
    bool carrierRefused = false;     // the carrier refused the number (quota_exceeded): no SIM may go out
};

// Whether the registration let the SIM go to the customer: a match or a manual approval that the
// carrier did not refuse.
[[nodiscard]] bool simHandedOver(const RegisteredSim &registration);

struct IccidRecords {
    std::string iccid;
    std::vector<std::string> recordIds; // in the order of the registrations given
};

struct SimReconciliation {
    std::vector<std::string> activatedWithoutRegistration; // ICCIDs, sorted
    std::vector<IccidRecords> activatedWithoutHandOver;    // sorted by ICCID; every registration of it
    std::vector<IccidRecords> registeredTwice;             // sorted by ICCID; the registrations that handed it over
    std::vector<std::string> handedOverNotActivated;       // record ids, in the order given
    [[nodiscard]] bool clean() const
    {
        return activatedWithoutRegistration.empty() && activatedWithoutHandOver.empty() && registeredTwice.empty() &&
               handedOverNotActivated.empty();
    }
};

// activated: the day's activated ICCIDs (normalised; repeats count once).
[[nodiscard]] SimReconciliation reconcileSims(std::span<const std::string> activated,
                                              std::span<const RegisteredSim> registrations);

} // namespace simkyc::core

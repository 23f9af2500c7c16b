#include "core/sim_reconciliation.h"

#include <map>
#include <set>

namespace simkyc::core {

bool simHandedOver(const RegisteredSim &registration)
{
    return !registration.carrierRefused &&
           (registration.outcome == Decision::Match || registration.outcome == Decision::ManualApproved);
}

SimReconciliation reconcileSims(std::span<const std::string> activated, std::span<const RegisteredSim> registrations)
{
    const std::set<std::string> live(activated.begin(), activated.end());
    std::map<std::string, std::vector<const RegisteredSim *>> byIccid;
    for (const RegisteredSim &r : registrations)
        byIccid[r.iccid].push_back(&r);

    SimReconciliation out;
    for (const std::string &iccid : live) {
        const auto it = byIccid.find(iccid);
        if (it == byIccid.end()) {
            out.activatedWithoutRegistration.push_back(iccid);
            continue;
        }
        bool handedOver = false;
        IccidRecords all{iccid, {}};
        for (const RegisteredSim *r : it->second) {
            handedOver = handedOver || simHandedOver(*r);
            all.recordIds.push_back(r->recordId);
        }
        if (!handedOver)
            out.activatedWithoutHandOver.push_back(std::move(all));
    }
    for (const auto &[iccid, records] : byIccid) {
        IccidRecords issued{iccid, {}};
        for (const RegisteredSim *r : records)
            if (simHandedOver(*r))
                issued.recordIds.push_back(r->recordId);
        if (issued.recordIds.size() > 1)
            out.registeredTwice.push_back(std::move(issued));
    }
    for (const RegisteredSim &r : registrations)
        if (simHandedOver(r) && !live.contains(r.iccid))
            out.handedOverNotActivated.push_back(r.recordId);
    return out;
}

} // namespace simkyc::core

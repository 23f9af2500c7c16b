#include "core/quota.h"

namespace simkyc::core {

bool holdsQuotaSlot(RegistrationState status, std::optional<Decision> outcome)
{
    if (outcome)
        return *outcome == Decision::Match || *outcome == Decision::ManualApproved;
    return status == RegistrationState::ManualReview;
}

} // namespace simkyc::core

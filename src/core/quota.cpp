#include "core/quota.h"

namespace simkyc::core {

bool holdsQuotaSlot(std::optional<Decision> outcome)
{
    // Fails closed: only a decided failure frees the place; anything else (a match, an approval, an
    // undecided hand-over, or a combination no kiosk writes) holds one.
    return !(outcome == Decision::NoMatch || outcome == Decision::ManualRejected);
}

} // namespace simkyc::core

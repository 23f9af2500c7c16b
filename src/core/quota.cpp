#include "core/quota.h"

namespace simkyc::core {

bool holdsQuotaSlot(std::optional<Decision> outcome, bool numberCancelled)
{
    // Fails closed: only a cancelled number or a decided failure frees the place; anything else (a
    // match, an approval, an undecided hand-over) holds one.
    if (numberCancelled)
        return false;
    return !(outcome == Decision::NoMatch || outcome == Decision::ManualRejected);
}

} // namespace simkyc::core

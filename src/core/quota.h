// The per-person SIM quota ("one ID, five numbers", ../shared/DOMAIN.md): a carrier may not open a
// new number for a person who already holds kQuotaLimit active numbers with it. The carrier's count
// is authoritative; the kiosk counts its own store before the face check and refuses at its limit
// (configuration quota.max_per_id, 1..kQuotaLimit).
// Which registrations hold a slot is decided here, once, for the kiosk and the carrier.
// Pure (no I/O). Thread-safety: stateless functions.
#pragma once

#include "core/registration.h"

#include <optional>

namespace simkyc::core {

inline constexpr int kQuotaLimit = 5; // active numbers per person per carrier

// Whether a registration holds one of its person's quota slots: a match, a manual approval, or no
// outcome yet (a hand-over the manager has not decided: it may still become an approval), unless
// its number was cancelled since (core/review.h, "cancelled"). A failed attempt (no_match,
// manual_rejected) never does: an impostor failing with someone's ID card does not use up that
// person's quota. Fails closed: only a decided failure or a cancellation frees it.
[[nodiscard]] bool holdsQuotaSlot(std::optional<Decision> outcome, bool numberCancelled);

} // namespace simkyc::core

// The manager's review decisions and their reason codes (core/review.h) in words, translated.
// Thread-safety: reentrant (QCoreApplication::translate). Depends on Qt Core only.
#pragma once

#include "core/review.h"

#include <QString>

namespace simkyc::app {

// "Approved", "Flagged", "Identity confirmed by the manager", "Identity not confirmed".
[[nodiscard]] QString reviewDecisionWords(core::ReviewDecision decision);
// A reason code in words; the code itself for an unknown one.
[[nodiscard]] QString reviewReasonWords(const QString &reason);
// "Flagged: document looks forged or altered".
[[nodiscard]] QString reviewWords(core::ReviewDecision decision, const QString &reason);

} // namespace simkyc::app

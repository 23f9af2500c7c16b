// The store manager's per-clerk signals over a period (simkyc-cli review clerks): the store's clear
// metadata of every registration in the period (nothing decrypted) turned into core::ClerkSignal
// rows, with the clerks' login names. A record's hour is read in `zone` (the kiosk's local time) against
// the shop's opening hours (store.opening_hours; none given: the signal is not counted); the manager
// who approved a hand-over comes from its review (store::ReviewRepository).
// Thread-safety: free functions; the session is used by the calling thread.
#pragma once

#include "app/store_session.h"
#include "core/clerk_signals.h"
#include "core/opening_hours.h"

#include <QDate>
#include <QJsonObject>
#include <QTimeZone>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::app {

struct ClerkSignalsReport {
    QDate firstDay, lastDay;                        // UTC days, both included
    std::optional<core::OpeningHours> openingHours; // as configured; none: outside_hours not counted
    std::vector<core::ClerkSignal> clerks;
    std::map<std::int64_t, std::string> names; // login names by staff id
};

// The `days` UTC days ending `lastDay` (1..31). Errors: the store's.
[[nodiscard]] Result<ClerkSignalsReport> clerkSignals(StoreSession &session, const QDate &lastDay, int days,
                                                      const std::optional<core::OpeningHours> &openingHours = {},
                                                      const QTimeZone &zone = QTimeZone::systemTimeZone());
[[nodiscard]] QJsonObject clerkSignalsJson(const ClerkSignalsReport &report);

} // namespace simkyc::app

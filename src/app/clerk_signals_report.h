// The store manager's per-clerk signals over a period (simkyc-cli review clerks): the store's clear
// metadata of every registration in the period (nothing decrypted) turned into core::ClerkSignal
// rows, with the clerks' login names.
// Thread-safety: free functions; the session is used by the calling thread.
#pragma once

#include "app/store_session.h"
#include "core/clerk_signals.h"

#include <QDate>
#include <QJsonObject>

#include <map>
#include <string>
#include <vector>

namespace simkyc::app {

struct ClerkSignalsReport {
    QDate firstDay, lastDay; // UTC days, both included
    std::vector<core::ClerkSignal> clerks;
    std::map<std::int64_t, std::string> names; // login names by staff id
};

// The `days` UTC days ending `lastDay` (1..31). Errors: the store's.
[[nodiscard]] Result<ClerkSignalsReport> clerkSignals(StoreSession &session, const QDate &lastDay, int days);
[[nodiscard]] QJsonObject clerkSignalsJson(const ClerkSignalsReport &report);

} // namespace simkyc::app

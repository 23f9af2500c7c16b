// ClerkSignalsModel: the per-clerk signals of the day or the last 7 days on the manager's day view
// (the "Clerks" view): each clerk's registrations, failures, hand-overs, manual approvals and who approved them,
// registrations outside the opening hours, and the flags of the rule in core/clerk_signals.h, in
// words. The report itself is app/clerk_signals_report.h (the same as simkyc-cli review clerks).
// Guarantees: reads the store's clear metadata and reviews only (nothing decrypted, nothing written);
// clear() drops every row.
// Thread-safety: GUI thread only (the session's thread).
#pragma once

#include "app/store_session.h"
#include "core/opening_hours.h"

#include <QDate>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace simkyc::app {

class ClerkSignalsModel : public QObject {
    Q_OBJECT
    // [{name, line, flags, flagged}]: line = the counts in words; flags = the flags in words ("" = none)
    Q_PROPERTY(QVariantList clerks READ clerks NOTIFY changed)
    Q_PROPERTY(QString period READ period NOTIFY changed)             // "2026-12-01 .. 2026-12-07 (UTC days)"
    Q_PROPERTY(QString openingHours READ openingHours NOTIFY changed) // "09:00-21:00" or ""
    Q_PROPERTY(bool anyFlagged READ anyFlagged NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    // The period: 1 (the day alone) or 7 days (the default); setting it reads the store again.
    Q_PROPERTY(int days READ days WRITE setDays NOTIFY changed)

public:
    static constexpr int kDays = 7;

    explicit ClerkSignalsModel(QObject *parent = nullptr) : QObject(parent) {}

    void setSession(StoreSession *session) { m_session = session; }
    // store.opening_hours (none: registrations outside them are not counted).
    void setOpeningHours(std::optional<core::OpeningHours> hours) { m_hours = hours; }
    // The days() UTC days ending lastDay.
    void refresh(const QDate &lastDay);
    [[nodiscard]] int days() const { return m_days; }
    void setDays(int days); // 1 or kDays; anything else is ignored
    void clear();
    // The PDF report's section: the period and opening hours, then one line per clerk with its flags.
    [[nodiscard]] QStringList reportLines() const;

    [[nodiscard]] QVariantList clerks() const { return m_clerks; }
    [[nodiscard]] QString period() const { return m_period; }
    [[nodiscard]] QString openingHours() const;
    [[nodiscard]] bool anyFlagged() const { return m_anyFlagged; }
    [[nodiscard]] QString error() const { return m_error; }

signals:
    void changed();

private:
    StoreSession *m_session = nullptr;
    std::optional<core::OpeningHours> m_hours;
    int m_days = kDays;
    QDate m_lastDay;
    QVariantList m_clerks;
    QString m_period;
    bool m_anyFlagged = false;
    QString m_error;
};

} // namespace simkyc::app

// SimReconciliationModel: the day's SIM reconciliation on the manager's day view (the "SIMs" view):
// the carrier's export of the day's activated SIMs (a CSV file the manager saves) against the
// registrations this kiosk stored that UTC day, in four lists (app/sim_reconciler.h decides; the
// same as simkyc-cli sims reconcile).
// Guarantees: ICCIDs are shown masked only (maskIccid); each registration's ICCID is decrypted by
// reconcileDay, audited as the signed-in manager ("staff:N", reason sim_reconciliation); a bad
// export is refused whole with the rows it names; clear() drops every list.
// Thread-safety: GUI thread only (the session's thread).
#pragma once

#include "app/store_session.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace simkyc::app {

class SimReconciliationModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString date READ date NOTIFY changed)               // the UTC day reconciled, YYYY-MM-DD
    Q_PROPERTY(QString defaultFile READ defaultFile NOTIFY changed) // where the manager saves the export
    Q_PROPERTY(bool done READ done NOTIFY changed)                  // a reconciliation ran
    Q_PROPERTY(bool clean READ clean NOTIFY changed)                // ... and every list is empty
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    // [{kind, title, items: ["891234******1234  (record 0190...)", ...]}], the four lists in order
    Q_PROPERTY(QVariantList lists READ lists NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)

public:
    explicit SimReconciliationModel(QObject *parent = nullptr) : QObject(parent) {}

    void setSession(StoreSession *session) { m_session = session; }
    // The day view opened: the UTC day, the manager (for the audit) and the folder the export is expected in.
    void prepare(const QString &date, std::int64_t managerId, const QString &folder);
    void clear();
    // Reads the export and reconciles the day; false with error() set (a missing or bad file, the store).
    Q_INVOKABLE bool reconcile(const QString &file);
    // The PDF report's section ("" list when no reconciliation ran).
    [[nodiscard]] QStringList reportLines() const;

    [[nodiscard]] QString date() const { return m_date; }
    [[nodiscard]] QString defaultFile() const;
    [[nodiscard]] bool done() const { return m_done; }
    [[nodiscard]] bool clean() const { return m_clean; }
    [[nodiscard]] QString summary() const { return m_summary; }
    [[nodiscard]] QVariantList lists() const { return m_lists; }
    [[nodiscard]] QString error() const { return m_error; }

signals:
    void changed();

private:
    void dropResult();

    StoreSession *m_session = nullptr;
    QString m_date;
    std::int64_t m_managerId = 0;
    QString m_folder;
    bool m_done = false;
    bool m_clean = false;
    QString m_summary;
    QVariantList m_lists;
    QString m_error;
};

} // namespace simkyc::app

// DayViewModel: the store manager's list of today's registrations (local day), one row per record:
// time, clerk, masked name and ID number, outcome, reasons in words, match distance, liveness result
// and sync state, with counts for the day and a filter by outcome.
// Guarantees: the customer fields are decrypted only to be masked (name: first character; ID
// number: first 3 and last 4 digits), and every decryption is an audited read by the manager
// (store::RegistrationRepository::readCustomer, reason "day_view"); the clear values are never kept.
// A record whose customer data retention purged shows "(purged)". Nothing is written but the audit.
// Thread-safety: GUI thread only (the session's thread). Depends on Qt Core only.
#pragma once

#include "app/store_session.h"
#include "store/record_id.h"

#include <QAbstractListModel>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace simkyc::app {

struct DayRow {
    QString recordId;
    QString time;     // local "HH:mm"
    QString clerk;    // staff name
    QString name;     // masked
    QString idNumber; // masked
    QString outcome;  // "match", "no_match", "manual_review", "manual_approved", "manual_rejected"
    QString reasons;  // in words, one sentence per reason
    QString distance; // "0.412" or ""
    QString liveness; // "passed", "failed", "not_run"
    QString syncState;
};

class DayViewModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString date READ date NOTIFY refreshed)
    Q_PROPERTY(int total READ total NOTIFY refreshed)
    Q_PROPERTY(int passed READ passed NOTIFY refreshed)
    Q_PROPERTY(int failed READ failed NOTIFY refreshed)
    Q_PROPERTY(int manual READ manual NOTIFY refreshed)
    Q_PROPERTY(int notSynced READ notSynced NOTIFY refreshed) // not yet acknowledged by the carrier
    Q_PROPERTY(QString error READ error NOTIFY refreshed)
    // "all", "passed", "failed", "manual"
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY refreshed)
    // The upload to the carrier (the whole outbox, not only today): one sentence, and the parked
    // records with their reasons ("<record id>: <reason>"), for the manager.
    Q_PROPERTY(QString syncHealth READ syncHealth NOTIFY refreshed)
    Q_PROPERTY(QStringList parked READ parked NOTIFY refreshed)

public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1,
        TimeRole,
        ClerkRole,
        NameRole,
        IdNumberRole,
        OutcomeRole,
        ReasonsRole,
        DistanceRole,
        LivenessRole,
        SyncStateRole
    };
    using ReasonWords = std::function<QString(const QString &code)>;

    // session must outlive the model. reasonWords: a reason code in words ("" for unknown codes).
    DayViewModel(StoreSession *session, ReasonWords reasonWords, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString date() const { return m_date; }
    [[nodiscard]] int total() const { return static_cast<int>(m_all.size()); }
    [[nodiscard]] int passed() const { return m_passed; }
    [[nodiscard]] int failed() const { return m_failed; }
    [[nodiscard]] int manual() const { return m_manual; }
    [[nodiscard]] int notSynced() const { return m_notSynced; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    void setSession(StoreSession *session) { m_session = session; }
    [[nodiscard]] const std::vector<DayRow> &rows() const { return m_shown; }
    [[nodiscard]] QString syncHealth() const { return m_syncHealth; }
    [[nodiscard]] QStringList parked() const { return m_parked; }

    // Reloads the local day containing `now` as staff member `managerId` (the audit's actor).
    void refresh(std::int64_t managerId, store::Clock::time_point now = store::Clock::now());
    // Drops every row (on leaving the screen).
    void clear();
    // Writes the day's report as CSV (every row of the day, masked as shown, whatever the filter) to
    // <folder>/simkyc-day-<date>.csv, atomically, owner-only, replacing an earlier export of the day;
    // returns its path, or "" with error() set.
    Q_INVOKABLE QString exportCsv(const QString &folder);
    // Quotes a CSV field (RFC 4180) when it holds a comma, a quote or a line break.
    [[nodiscard]] static QString csvField(const QString &value);

    [[nodiscard]] static QString maskName(const QString &name);
    [[nodiscard]] static QString maskIdNumber(const QString &idNumber);

signals:
    void refreshed();

private:
    void applyFilter();
    void readSyncHealth(const QDate &today);

    StoreSession *m_session;
    ReasonWords m_reasonWords;
    QString m_date;
    QString m_error;
    QString m_filter = QStringLiteral("all");
    std::vector<DayRow> m_all;
    std::vector<DayRow> m_shown;
    int m_passed = 0;
    int m_failed = 0;
    int m_manual = 0;
    int m_notSynced = 0;
    QString m_syncHealth;
    QStringList m_parked;
};

} // namespace simkyc::app

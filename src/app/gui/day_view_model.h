// DayViewModel: the store manager's list of today's registrations (local day), one row per record:
// time, clerk, masked name and ID number, outcome, reasons in words, match distance, liveness result
// and sync state, with counts for the day and a filter by outcome.
// Guarantees: the customer fields are decrypted only to be masked (name: first character; ID
// number: first 3 and last 4 digits), and every decryption is an audited read by the manager
// (store::RegistrationRepository::readCustomer, reason "day_view"); the clear values are never kept.
// A record whose customer data retention purged shows "(purged)". Nothing is written but the audit.
// Thread-safety: GUI thread only (the session's thread). Depends on Qt Core only.
#pragma once

#include "app/gui/day_row.h"
#include "app/store_session.h"
#include "core/result.h"
#include "store/record_id.h"

#include <QAbstractListModel>
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace simkyc::app {

struct DayStatistics;
struct DayReport;
// Renders a day's report as PDF bytes (src/app/gui/day_report_pdf.h: Qt Charts and QPdfWriter, outside
// this Qt Core library).
using DayReportRenderer = std::function<Result<QByteArray>(const DayReport &report)>;

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
    Q_PROPERTY(int toReview READ toReview NOTIFY refreshed) // handed to the manager, not decided yet
    // Pass rate, retries, reviews, in one sentence.
    Q_PROPERTY(QString figures READ figures NOTIFY refreshed)

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
        SyncStateRole,
        SyncWordsRole,
        OutcomeWordsRole,
        LivenessWordsRole,
        ReviewRole,
        ReviewWordsRole
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
    [[nodiscard]] int toReview() const { return m_toReview; }
    [[nodiscard]] QString figures() const;
    // The day's statistics (charts, report) against the match threshold.
    [[nodiscard]] DayStatistics statistics() const;
    void setMatchThreshold(double threshold) { m_threshold = threshold; }
    [[nodiscard]] double matchThreshold() const { return m_threshold; }
    // The PDF renderer (the kiosk sets it; without one exportPdf says so).
    void setReportRenderer(DayReportRenderer renderer) { m_renderer = std::move(renderer); }
    // Writes the day's report as PDF (figures, charts, every row masked as shown, the upload's health,
    // the audit chain's verification) to <folder>/simkyc-day-<date>.pdf, atomically, owner-only;
    // returns its path, or "" with error() set. managerName: who generated it; clerkSignals and
    // simReconciliation: the sections of the per-clerk signals and of the SIM reconciliation
    // (ClerkSignalsModel / SimReconciliationModel::reportLines; empty: no section).
    QString exportPdf(const QString &folder, const QString &managerName, const QStringList &clerkSignals = {},
                      const QStringList &simReconciliation = {});
    // Every row of the day, whatever the filter (reports and charts).
    [[nodiscard]] const std::vector<DayRow> &allRows() const { return m_all; }

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

    // "passed", "failed" or "not_run" from a record's liveness summary.
    [[nodiscard]] static QString livenessOf(const std::string &livenessSummary);

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
    int m_toReview = 0;
    double m_threshold;
    DayReportRenderer m_renderer;
    QString m_syncHealth;
    QStringList m_parked;
};

} // namespace simkyc::app

// AuditViewModel: the store manager's view of the audit log: the newest entries (when, who, action,
// record, detail: codes only, the log holds no customer data) and the verification of the whole hash
// chain (store/audit_log.h), with the first bad entry when it is broken.
// Guarantees: opening the view is itself audited ("audit.read" by the manager) before anything is read.
// Thread-safety: GUI thread only (the session's thread). Depends on Qt Core only.
#pragma once

#include "app/store_session.h"
#include "store/record_id.h"

#include <QAbstractListModel>
#include <QString>

#include <vector>

namespace simkyc::app {

struct AuditRow {
    QString when;   // local "yyyy-MM-dd HH:mm:ss"
    QString who;    // staff name, or the actor code ("system", "cli")
    QString action; // "customer.read", "registration.review", ...
    QString record; // the record id, or ""
    QString detail; // "reason=day_view", ...
};

class AuditViewModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(bool chainOk READ chainOk NOTIFY refreshed)
    Q_PROPERTY(QString chainText READ chainText NOTIFY refreshed) // the verification in words
    Q_PROPERTY(QString error READ error NOTIFY refreshed)

public:
    enum Role { WhenRole = Qt::UserRole + 1, WhoRole, ActionRole, RecordRole, DetailRole };
    static constexpr int kShown = 200;

    explicit AuditViewModel(StoreSession *session, QObject *parent = nullptr);
    void setSession(StoreSession *session) { m_session = session; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool chainOk() const { return m_chainOk; }
    [[nodiscard]] QString chainText() const { return m_chainText; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] const std::vector<AuditRow> &rows() const { return m_rows; }

    // Audits the view, then reads the newest kShown entries and verifies the chain.
    void refresh(std::int64_t managerId, store::Clock::time_point now = store::Clock::now());
    void clear();

signals:
    void refreshed();

private:
    StoreSession *m_session;
    std::vector<AuditRow> m_rows;
    bool m_chainOk = false;
    QString m_chainText;
    QString m_error;
};

} // namespace simkyc::app

// StaffViewModel: the store manager's staff screen: every account (name, role, lockout state) and
// the three things a manager does with them: add a clerk, set a new password (which also unlocks),
// lock an account until its next new password.
// Guarantees: every change goes through store::StaffRepository (scrypt hashes, names and password
// length checked there) and is audited with the manager as actor ("staff:N"); a manager cannot lock
// their own account; passwords are neither kept nor logged; a refused change says why in words.
// Thread-safety: GUI thread only (the session's thread). Depends on Qt Core only.
#pragma once

#include "app/store_session.h"
#include "crypto/password_hash.h"
#include "store/record_id.h"
#include "store/staff_repository.h"

#include <QAbstractListModel>
#include <QString>

#include <vector>

namespace simkyc::app {

struct StaffRow {
    QString name;
    QString role;  // "clerk", "manager"
    QString state; // in words: "active", "locked until …", "2 failed sign-ins"
    bool locked = false;
    bool self = false; // the signed-in manager's own account
};

class StaffViewModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString message READ message NOTIFY changed) // the outcome of the last action, in words
    Q_PROPERTY(bool failed READ failed NOTIFY changed)      // the last action was refused

public:
    enum Role { NameRole = Qt::UserRole + 1, RoleRole, StateRole, LockedRole, SelfRole };

    StaffViewModel(StoreSession *session, crypto::ScryptParams hashing = {}, QObject *parent = nullptr);
    void setSession(StoreSession *session) { m_session = session; }
    void setHashing(crypto::ScryptParams hashing) { m_hashing = hashing; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] const std::vector<StaffRow> &rows() const { return m_rows; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] bool failed() const { return m_failed; }

    // Reads the accounts as manager `managerId` (the actor of the changes that follow).
    void refresh(std::int64_t managerId, store::Clock::time_point now = store::Clock::now());
    void clear();

    Q_INVOKABLE bool addClerk(const QString &name, const QString &password, const QString &repeated);
    Q_INVOKABLE bool setPassword(const QString &name, const QString &password, const QString &repeated);
    Q_INVOKABLE bool lockAccount(const QString &name);

signals:
    void changed();

private:
    bool done(const QString &message);
    bool refused(const QString &message);
    [[nodiscard]] store::StaffRepository repository() const;

    StoreSession *m_session;
    crypto::ScryptParams m_hashing;
    std::int64_t m_managerId = 0;
    QString m_managerName;
    std::vector<StaffRow> m_rows;
    QString m_message;
    bool m_failed = false;
};

} // namespace simkyc::app

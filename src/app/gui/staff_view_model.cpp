#include "app/gui/staff_view_model.h"

#include "app/gui/gui_log.h"
#include "app/gui/local_time.h"
#include "store/staff_repository.h"

#include <QCoreApplication>

#include <chrono>

namespace simkyc::app {
StaffViewModel::StaffViewModel(StoreSession *session, crypto::ScryptParams hashing, QObject *parent)
    : QAbstractListModel(parent), m_session(session), m_hashing(hashing)
{
}

int StaffViewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant StaffViewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount())
        return {};
    const StaffRow &r = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
    case NameRole: return r.name;
    case RoleRole: return r.role;
    case StateRole: return r.state;
    case LockedRole: return r.locked;
    case SelfRole: return r.self;
    default: return {};
    }
}

QHash<int, QByteArray> StaffViewModel::roleNames() const
{
    return {{NameRole, "name"},
            {RoleRole, "role"},
            {StateRole, "accountState"},
            {LockedRole, "locked"},
            {SelfRole, "isSelf"}};
}

store::StaffRepository StaffViewModel::repository() const
{
    store::StaffRepository staff(m_session->db, m_hashing);
    staff.setActor("staff:" + std::to_string(m_managerId));
    return staff;
}

void StaffViewModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_managerId = 0;
    m_managerName.clear();
    m_message.clear();
    m_failed = false;
    emit changed();
}

void StaffViewModel::refresh(std::int64_t managerId, store::Clock::time_point now)
{
    m_managerId = managerId;
    beginResetModel();
    m_rows.clear();
    if (m_session != nullptr) {
        auto accounts = repository().accounts();
        if (!accounts.ok()) {
            m_message = QString::fromStdString(accounts.error().toString());
            m_failed = true;
        } else {
            for (const store::StaffAccount &a : *accounts) {
                StaffRow row;
                row.name = QString::fromStdString(a.member.name);
                row.role = QString::fromStdString(std::string(store::staffRoleName(a.member.role)));
                const auto until = a.lockedUntil ? store::parseUtcTimestamp(*a.lockedUntil) : std::nullopt;
                row.locked = until && *until > now;
                if (row.locked)
                    row.state = *until - now > std::chrono::hours(24 * 365)
                                    ? QCoreApplication::translate("StaffView", "locked until a new password is set")
                                    : QCoreApplication::translate("StaffView", "locked until %1")
                                          .arg(localDateTime(*until).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
                else if (a.failedAttempts > 0)
                    row.state =
                        QCoreApplication::translate("StaffView", "active; %1 failed sign-in(s) since the last success")
                            .arg(a.failedAttempts);
                else
                    row.state = QCoreApplication::translate("StaffView", "active");
                row.self = a.member.id == managerId;
                if (row.self)
                    m_managerName = row.name;
                m_rows.push_back(std::move(row));
            }
        }
    }
    endResetModel();
    emit changed();
}

bool StaffViewModel::done(const QString &message)
{
    m_message = message;
    m_failed = false;
    refresh(m_managerId);
    return true;
}

bool StaffViewModel::refused(const QString &message)
{
    m_message = message;
    m_failed = true;
    emit changed();
    return false;
}

bool StaffViewModel::addClerk(const QString &name, const QString &password, const QString &repeated)
{
    if (m_session == nullptr || m_managerId == 0)
        return refused(QCoreApplication::translate("StaffView", "Sign in as a manager first."));
    if (password != repeated)
        return refused(QCoreApplication::translate("StaffView", "The two passwords differ."));
    auto added = repository().add(name.trimmed().toStdString(), store::StaffRole::Clerk, password.toStdString());
    if (!added.ok())
        return refused(
            added.error().code == ErrorCode::DatabaseError
                ? QCoreApplication::translate("StaffView", "Not added: the name %1 is taken.").arg(name.trimmed())
                : QCoreApplication::translate("StaffView", "Not added: %1")
                      .arg(QString::fromStdString(added.error().message)));
    qCInfo(lcGui) << "clerk account added by staff" << m_managerId;
    return done(
        QCoreApplication::translate("StaffView", "Clerk %1 added. They sign in with the password you gave them.")
            .arg(name.trimmed()));
}

bool StaffViewModel::setPassword(const QString &name, const QString &password, const QString &repeated)
{
    if (m_session == nullptr || m_managerId == 0)
        return refused(QCoreApplication::translate("StaffView", "Sign in as a manager first."));
    if (password != repeated)
        return refused(QCoreApplication::translate("StaffView", "The two passwords differ."));
    // Another manager's password is not set here: with it, a manager could sign in as a colleague
    // and approve their own hand-over (four eyes, core::checkReviewer).
    auto target = repository().find(name.toStdString());
    if (!target.ok())
        return refused(QCoreApplication::translate("StaffView", "Not changed: %1")
                           .arg(QString::fromStdString(target.error().message)));
    if (target->has_value() && (*target)->role == store::StaffRole::Manager && name != m_managerName)
        return refused(QCoreApplication::translate(
            "StaffView", "Another manager's password is not set here: they set it themselves, or the operator does."));
    if (Status s = repository().changePassword(name.toStdString(), password.toStdString()); !s.ok())
        return refused(
            QCoreApplication::translate("StaffView", "Not changed: %1").arg(QString::fromStdString(s.error().message)));
    qCInfo(lcGui) << "password set by staff" << m_managerId;
    return done(
        QCoreApplication::translate("StaffView", "New password set for %1; the account is unlocked.").arg(name));
}

bool StaffViewModel::lockAccount(const QString &name)
{
    if (m_session == nullptr || m_managerId == 0)
        return refused(QCoreApplication::translate("StaffView", "Sign in as a manager first."));
    if (name == m_managerName)
        return refused(QCoreApplication::translate("StaffView", "You cannot lock your own account."));
    // Until a manager sets a new password (as `simkyc-cli staff lock` without --minutes).
    const auto until = store::Clock::now() + std::chrono::hours(24 * 365 * 100);
    if (Status s = repository().lock(name.toStdString(), until); !s.ok())
        return refused(
            QCoreApplication::translate("StaffView", "Not locked: %1").arg(QString::fromStdString(s.error().message)));
    qCInfo(lcGui) << "account locked by staff" << m_managerId;
    return done(QCoreApplication::translate("StaffView", "%1 is locked until you set a new password.").arg(name));
}

} // namespace simkyc::app

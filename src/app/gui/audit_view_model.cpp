#include "app/gui/audit_view_model.h"

#include "app/gui/gui_log.h"
#include "app/gui/local_time.h"
#include "store/audit_log.h"
#include "store/staff_repository.h"

#include <QCoreApplication>

namespace simkyc::app {

AuditViewModel::AuditViewModel(StoreSession *session, QObject *parent) : QAbstractListModel(parent), m_session(session)
{
}

int AuditViewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant AuditViewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount())
        return {};
    const AuditRow &r = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
    case WhenRole: return r.when;
    case WhoRole: return r.who;
    case ActionRole: return r.action;
    case RecordRole: return r.record;
    case DetailRole: return r.detail;
    default: return {};
    }
}

QHash<int, QByteArray> AuditViewModel::roleNames() const
{
    return {
        {WhenRole, "when"}, {WhoRole, "who"}, {ActionRole, "action"}, {RecordRole, "record"}, {DetailRole, "detail"}};
}

void AuditViewModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_chainOk = false;
    m_chainText.clear();
    m_error.clear();
    emit refreshed();
}

void AuditViewModel::refresh(std::int64_t managerId, store::Clock::time_point now)
{
    beginResetModel();
    m_rows.clear();
    m_error.clear();
    m_chainOk = false;
    m_chainText.clear();
    if (m_session == nullptr) {
        m_error = QCoreApplication::translate("AuditView", "This kiosk has no store to read from.");
    } else if (auto logged = store::appendAudit(
                   m_session->db,
                   {"staff:" + std::to_string(managerId), "audit.read", std::nullopt, "reason=audit_view"}, now);
               !logged.ok()) {
        m_error = QString::fromStdString(logged.error().toString()); // not audited: nothing shown
    } else {
        store::StaffRepository staffRepo(m_session->db, crypto::ScryptParams{});
        auto staff = staffRepo.all();
        auto entries = store::recentAudit(m_session->db, kShown);
        if (!entries.ok())
            m_error = QString::fromStdString(entries.error().toString());
        else
            for (const store::StoredAuditEntry &e : *entries) {
                AuditRow row;
                const auto at = store::parseUtcTimestamp(e.at);
                row.when = at ? localDateTime(*at).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                              : QString::fromStdString(e.at);
                row.who = QString::fromStdString(e.entry.actor);
                if (e.entry.actor.rfind("staff:", 0) == 0 && staff.ok()) {
                    const std::int64_t id = std::atoll(e.entry.actor.c_str() + 6);
                    if (staff->count(id))
                        row.who = QString::fromStdString(staff->at(id).name);
                }
                row.action = QString::fromStdString(e.entry.action);
                row.record = QString::fromStdString(e.entry.recordId.value_or(std::string()));
                row.detail = QString::fromStdString(e.entry.detail);
                m_rows.push_back(std::move(row));
            }
        auto chain = store::verifyAuditChain(m_session->db);
        if (!chain.ok()) {
            m_chainText = QString::fromStdString(chain.error().toString());
        } else if (chain->ok) {
            m_chainOk = true;
            m_chainText = QCoreApplication::translate("AuditView", "Audit chain verified: %1 entries, none edited, "
                                                                   "deleted or reordered.")
                              .arg(chain->entries);
        } else {
            m_chainText = QCoreApplication::translate("AuditView", "The audit chain is BROKEN at entry %1 (%2). "
                                                                   "Call the carrier's security contact.")
                              .arg(chain->firstBadId)
                              .arg(QString::fromStdString(chain->problem));
        }
    }
    endResetModel();
    qCInfo(lcGui) << "audit view:" << m_rows.size() << "entries, chain" << (m_chainOk ? "ok" : "not ok");
    emit refreshed();
}

} // namespace simkyc::app

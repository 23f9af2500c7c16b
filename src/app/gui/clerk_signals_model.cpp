#include "app/gui/clerk_signals_model.h"

#include "app/clerk_signals_report.h"

#include <QCoreApplication>
#include <QStringList>
#include <QVariantMap>

namespace simkyc::app {
namespace {

QString nameOf(const ClerkSignalsReport &report, std::int64_t id)
{
    const auto found = report.names.find(id);
    return found == report.names.end() ? QString::number(id) : QString::fromStdString(found->second);
}

QString flagWords(const std::string &flag, const QString &pairedManagers)
{
    if (flag == "failed_matches")
        return QCoreApplication::translate("ClerkSignalsModel", "many failed matches");
    if (flag == "liveness_failures")
        return QCoreApplication::translate("ClerkSignalsModel", "many liveness failures");
    if (flag == "staff_faces")
        return QCoreApplication::translate("ClerkSignalsModel", "a staff member's face");
    if (flag == "retries")
        return QCoreApplication::translate("ClerkSignalsModel", "many retries");
    if (flag == "hand_overs")
        return QCoreApplication::translate("ClerkSignalsModel", "many hand-overs");
    if (flag == "manual_approvals")
        return QCoreApplication::translate("ClerkSignalsModel", "many approvals by hand");
    if (flag == "outside_hours")
        return QCoreApplication::translate("ClerkSignalsModel", "many registrations outside opening hours");
    if (flag == "approvals_without_review")
        return QCoreApplication::translate("ClerkSignalsModel",
                                           "approvals by hand with no manager's decision on file (written into "
                                           "the database directly)");
    if (flag == "manager_pair")
        return QCoreApplication::translate("ClerkSignalsModel",
                                           "approved by one manager far more than other clerks: %1")
            .arg(pairedManagers);
    return QString::fromStdString(flag);
}

} // namespace

QString ClerkSignalsModel::openingHours() const
{
    return m_hours ? QString::fromStdString(m_hours->toString()) : QString();
}

QStringList ClerkSignalsModel::reportLines() const
{
    if (m_period.isEmpty())
        return {};
    QStringList lines{m_hours ? QCoreApplication::translate("ClerkSignalsModel", "%1; opening hours %2")
                                    .arg(m_period, QString::fromStdString(m_hours->toString()))
                              : m_period};
    if (!m_error.isEmpty())
        lines << m_error;
    for (const QVariant &row : m_clerks) {
        const QVariantMap clerk = row.toMap();
        QString line = clerk["name"].toString() + QStringLiteral(": ") + clerk["line"].toString();
        if (clerk["flagged"].toBool())
            line += QCoreApplication::translate("ClerkSignalsModel", ". Look at: %1").arg(clerk["flags"].toString());
        lines << line;
    }
    return lines;
}

void ClerkSignalsModel::clear()
{
    m_lastDay = QDate();
    m_days = kDays;
    m_clerks.clear();
    m_period.clear();
    m_anyFlagged = false;
    m_error.clear();
    emit changed();
}

void ClerkSignalsModel::setDays(int days)
{
    if ((days != 1 && days != kDays) || days == m_days)
        return;
    m_days = days;
    if (m_lastDay.isValid())
        refresh(m_lastDay);
    else
        emit changed();
}

void ClerkSignalsModel::refresh(const QDate &lastDay)
{
    m_lastDay = lastDay;
    m_clerks.clear();
    m_anyFlagged = false;
    m_error.clear();
    m_period = m_days == 1
                   ? QCoreApplication::translate("ClerkSignalsModel", "%1 (UTC day)").arg(lastDay.toString(Qt::ISODate))
                   : QCoreApplication::translate("ClerkSignalsModel", "%1 .. %2 (UTC days)")
                         .arg(lastDay.addDays(1 - m_days).toString(Qt::ISODate), lastDay.toString(Qt::ISODate));
    if (m_session == nullptr) {
        m_error = QCoreApplication::translate("ClerkSignalsModel", "no store is open");
        emit changed();
        return;
    }
    auto report = clerkSignals(*m_session, lastDay, m_days, m_hours);
    if (!report) {
        m_error = QString::fromStdString(report.error().toString());
        emit changed();
        return;
    }
    for (const core::ClerkSignal &s : report->clerks) {
        const core::ClerkCounts &c = s.counts;
        QStringList approvers, paired, flags;
        for (const auto &[manager, approvals] : c.approvalsByManager)
            approvers << QStringLiteral("%1 %2").arg(nameOf(*report, manager)).arg(approvals);
        for (const std::int64_t manager : s.pairedManagers)
            paired << nameOf(*report, manager);
        for (const std::string &flag : s.flags)
            flags << flagWords(flag, paired.join(QStringLiteral(", ")));
        QString line = QCoreApplication::translate(
                           "ClerkSignalsModel",
                           "%1 registrations · failed matches %2 · liveness failures %3 · staff faces %4 · retries %5 "
                           "· hand-overs %6 · approved by hand %7")
                           .arg(c.registrations)
                           .arg(c.failedMatches)
                           .arg(c.livenessFailures)
                           .arg(c.staffFaces)
                           .arg(c.retries)
                           .arg(c.handOvers)
                           .arg(c.manualApprovals);
        if (!approvers.isEmpty())
            line +=
                QCoreApplication::translate("ClerkSignalsModel", " (by %1)").arg(approvers.join(QStringLiteral(", ")));
        if (m_hours)
            line += QCoreApplication::translate("ClerkSignalsModel", " · outside opening hours %1").arg(c.outsideHours);
        m_anyFlagged = m_anyFlagged || !flags.isEmpty();
        m_clerks << QVariantMap{{QStringLiteral("name"), nameOf(*report, c.clerkId)},
                                {QStringLiteral("line"), line},
                                {QStringLiteral("flags"), flags.join(QStringLiteral("; "))},
                                {QStringLiteral("flagged"), !flags.isEmpty()}};
    }
    emit changed();
}

} // namespace simkyc::app

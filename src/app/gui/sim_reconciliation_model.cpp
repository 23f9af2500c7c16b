#include "app/gui/sim_reconciliation_model.h"

#include "app/sim_reconciler.h"

#include <QCoreApplication>
#include <QDir>
#include <QVariantMap>

namespace simkyc::app {
namespace {

QString masked(const std::string &iccid)
{
    return QString::fromStdString(maskIccid(iccid));
}

QString withRecords(const core::IccidRecords &sim)
{
    QStringList ids;
    for (const std::string &id : sim.recordIds)
        ids << QString::fromStdString(id);
    return QCoreApplication::translate("SimReconciliation", "%1  (records %2)")
        .arg(masked(sim.iccid), ids.join(QStringLiteral(", ")));
}

QVariantMap list(const char *kind, const QString &title, const QStringList &items)
{
    return QVariantMap{{QStringLiteral("kind"), QString::fromLatin1(kind)},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("items"), items}};
}

} // namespace

void SimReconciliationModel::prepare(const QString &date, std::int64_t managerId, const QString &folder)
{
    m_date = date;
    m_managerId = managerId;
    m_folder = folder;
    dropResult();
    emit changed();
}

void SimReconciliationModel::dropResult()
{
    m_done = false;
    m_clean = false;
    m_summary.clear();
    m_lists.clear();
    m_error.clear();
}

void SimReconciliationModel::clear()
{
    m_date.clear();
    m_managerId = 0;
    dropResult();
    emit changed();
}

QString SimReconciliationModel::defaultFile() const
{
    if (m_folder.isEmpty() || m_date.isEmpty())
        return {};
    return QDir(m_folder).filePath(QStringLiteral("activations-%1.csv").arg(m_date));
}

bool SimReconciliationModel::reconcile(const QString &file)
{
    dropResult();
    const auto failed = [this](const QString &why) {
        m_error = why;
        emit changed();
        return false;
    };
    if (m_session == nullptr || m_date.isEmpty())
        return failed(QCoreApplication::translate("SimReconciliation", "Open the day view first."));
    if (file.trimmed().isEmpty())
        return failed(QCoreApplication::translate("SimReconciliation", "Give the file of the carrier's export."));
    auto activated = readActivations(file.trimmed().toStdString());
    if (!activated)
        return failed(QCoreApplication::translate("SimReconciliation", "The export was not read: %1")
                          .arg(QString::fromStdString(activated.error().toString())));
    auto day = reconcileDay(*m_session, m_date.toStdString(), *activated, "staff:" + std::to_string(m_managerId));
    if (!day)
        return failed(QString::fromStdString(day.error().toString()));
    const core::SimReconciliation &r = day->result;
    QStringList withoutRegistration, withoutHandOver, twice, notActivated;
    for (const std::string &iccid : r.activatedWithoutRegistration)
        withoutRegistration << masked(iccid);
    for (const core::IccidRecords &sim : r.activatedWithoutHandOver)
        withoutHandOver << withRecords(sim);
    for (const core::IccidRecords &sim : r.registeredTwice)
        twice << withRecords(sim);
    for (const std::string &id : r.handedOverNotActivated)
        notActivated << QString::fromStdString(id);
    m_lists = {
        list("activated_without_registration",
             QCoreApplication::translate("SimReconciliation", "Activated without a registration (%1)")
                 .arg(withoutRegistration.size()),
             withoutRegistration),
        list("activated_without_hand_over",
             QCoreApplication::translate("SimReconciliation", "Activated although no registration handed it over (%1)")
                 .arg(withoutHandOver.size()),
             withoutHandOver),
        list("registered_twice",
             QCoreApplication::translate("SimReconciliation", "Handed over by two or more registrations (%1)")
                 .arg(twice.size()),
             twice),
        list("handed_over_not_activated",
             QCoreApplication::translate("SimReconciliation", "Handed over but not activated (%1)")
                 .arg(notActivated.size()),
             notActivated),
    };
    m_done = true;
    m_clean = r.clean();
    m_summary = QCoreApplication::translate("SimReconciliation", "%1: %2 activated SIMs, %3 registrations. %4")
                    .arg(m_date)
                    .arg(day->activations)
                    .arg(day->registrations)
                    .arg(m_clean ? QCoreApplication::translate("SimReconciliation", "Everything reconciles.")
                                 : QCoreApplication::translate("SimReconciliation",
                                                               "Something does not reconcile: see the lists."));
    if (!day->unreadable.empty())
        m_summary += QCoreApplication::translate("SimReconciliation",
                                                 " %1 registrations not compared: their customer data is shredded.")
                         .arg(day->unreadable.size());
    emit changed();
    return true;
}

QStringList SimReconciliationModel::reportLines() const
{
    if (!m_done)
        return {};
    QStringList lines{m_summary};
    for (const QVariant &entry : m_lists) {
        const QVariantMap l = entry.toMap();
        const QStringList items = l[QStringLiteral("items")].toStringList();
        lines << l[QStringLiteral("title")].toString() +
                     (items.isEmpty() ? QString() : QStringLiteral(": ") + items.join(QStringLiteral("; ")));
    }
    return lines;
}

} // namespace simkyc::app

#include "app/sim_reconciler.h"

#include "app/csv_table.h"
#include "core/iccid.h"
#include "core/text.h"
#include "store/registration_repository.h"

#include <QJsonArray>

#include <set>

namespace simkyc::app {
namespace {

constexpr int kMaxRowsNamed = 10; // a wholly wrong file names its first rows, not thousands

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QJsonArray maskedList(const std::vector<std::string> &iccids)
{
    QJsonArray out;
    for (const std::string &iccid : iccids)
        out.append(q(maskIccid(iccid)));
    return out;
}

QJsonArray recordsList(const std::vector<core::IccidRecords> &groups)
{
    QJsonArray out;
    for (const core::IccidRecords &g : groups) {
        QJsonArray ids;
        for (const std::string &id : g.recordIds)
            ids.append(q(id));
        out.append(QJsonObject{{"iccid", q(maskIccid(g.iccid))}, {"record_ids", ids}});
    }
    return out;
}

} // namespace

std::string maskIccid(const std::string &iccid)
{
    return core::maskMiddle(iccid, 6, 4);
}

Result<std::vector<std::string>> readActivations(const std::filesystem::path &csv)
{
    auto table = readCsvTable(csv);
    if (!table)
        return table.error();
    if (!table->header.empty() && table->header.front().rfind("\xEF\xBB\xBF", 0) == 0)
        table->header.front().erase(0, 3); // a spreadsheet's byte-order mark
    const auto column = table->column("iccid");
    if (!column)
        return {ErrorCode::InvalidFormat, csv.string() + ": no \"iccid\" column in the header line"};
    std::set<std::string> iccids;
    std::vector<std::string> problems;
    int bad = 0;
    for (std::size_t i = 0; i < table->rows.size(); ++i) {
        auto iccid = core::checkIccid(table->cell(table->rows[i], column));
        if (iccid.ok()) {
            iccids.insert(iccid.value().digits);
            continue;
        }
        if (++bad <= kMaxRowsNamed)
            problems.push_back("row " + std::to_string(i + 1) + ": " +
                               std::string(core::iccidRuleName(*iccid.failedRule())));
    }
    if (bad > 0) {
        std::string message = csv.string() + ": " + std::to_string(bad) + " row(s) without a valid ICCID";
        for (const std::string &p : problems)
            message += "\n" + p;
        return {ErrorCode::InvalidFormat, message};
    }
    return std::vector<std::string>(iccids.begin(), iccids.end());
}

Result<DayReconciliation> reconcileDay(StoreSession &session, const std::string &date,
                                       const std::vector<std::string> &activated, const std::string &actor)
{
    store::RegistrationRepository repo(session.db, session.keys);
    auto day = repo.listDay(date);
    if (!day)
        return day.error();
    DayReconciliation out;
    out.date = date;
    out.activations = static_cast<std::int64_t>(std::set<std::string>(activated.begin(), activated.end()).size());
    std::vector<core::RegisteredSim> registered;
    for (const store::RegistrationSummary &r : *day) {
        if (r.piiPurgedAt) {
            out.unreadable.push_back(r.id);
            continue;
        }
        auto pii = repo.readCustomer(r.id, actor, "sim_reconciliation");
        if (!pii)
            return pii.error();
        core::RegisteredSim sim{r.id, core::normaliseIccid(pii->iccid), std::nullopt, r.syncState == "quota_exceeded"};
        if (!r.outcome.empty()) {
            auto outcome = core::parseDecision(r.outcome);
            if (!outcome)
                return Error{ErrorCode::DatabaseError, "registration " + r.id + " has an unknown outcome"};
            sim.outcome = *outcome;
        }
        registered.push_back(std::move(sim));
    }
    out.registrations = static_cast<std::int64_t>(registered.size());
    out.result = core::reconcileSims(activated, registered);
    return out;
}

QJsonObject reconciliationJson(const DayReconciliation &day)
{
    QJsonArray notLive;
    for (const std::string &id : day.result.handedOverNotActivated)
        notLive.append(q(id));
    QJsonArray unreadable;
    for (const std::string &id : day.unreadable)
        unreadable.append(q(id));
    return QJsonObject{
        {"date", q(day.date)},
        {"activations", static_cast<qint64>(day.activations)},
        {"registrations", static_cast<qint64>(day.registrations)},
        {"clean", day.result.clean()},
        {"activated_without_registration", maskedList(day.result.activatedWithoutRegistration)},
        {"activated_without_hand_over", recordsList(day.result.activatedWithoutHandOver)},
        {"registered_twice", recordsList(day.result.registeredTwice)},
        {"handed_over_not_activated", notLive},
        {"not_reconciled_purged", unreadable},
    };
}

} // namespace simkyc::app

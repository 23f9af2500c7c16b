#include "app/clerk_signals_report.h"

#include "app/liveness_summary.h"
#include "store/registration_repository.h"
#include "store/staff_repository.h"

#include <QJsonArray>

#include <algorithm>

namespace simkyc::app {

Result<ClerkSignalsReport> clerkSignals(StoreSession &session, const QDate &lastDay, int days)
{
    if (!lastDay.isValid() || days < 1 || days > 31)
        return Error{ErrorCode::InvalidArgument, "a period of 1..31 days ending on a valid day"};
    ClerkSignalsReport report;
    report.lastDay = lastDay;
    report.firstDay = lastDay.addDays(1 - days);
    store::RegistrationRepository repo(session.db, session.keys);
    std::vector<core::RegistrationFacts> facts;
    for (QDate day = report.firstDay; day <= lastDay; day = day.addDays(1)) {
        auto rows = repo.listDay(day.toString(Qt::ISODate).toStdString());
        if (!rows)
            return rows.error();
        for (const store::RegistrationSummary &r : *rows) {
            core::RegistrationFacts f;
            f.clerkId = r.clerkId;
            auto status = core::parseState(r.status);
            if (!status)
                return Error{ErrorCode::DatabaseError, "registration " + r.id + " has an unknown status"};
            f.status = *status;
            if (!r.outcome.empty()) {
                auto outcome = core::parseDecision(r.outcome);
                if (!outcome)
                    return Error{ErrorCode::DatabaseError, "registration " + r.id + " has an unknown outcome"};
                f.outcome = *outcome;
            }
            f.reasons = r.reasonCodes;
            f.faceChecks = faceChecksOf(r.livenessSummary);
            facts.push_back(std::move(f));
        }
    }
    report.clerks = core::flagClerks(core::countByClerk(facts));
    store::StaffRepository staff(session.db, crypto::ScryptParams{});
    auto all = staff.all();
    if (!all)
        return all.error();
    for (const auto &[id, member] : *all)
        report.names[id] = member.name;
    return report;
}

QJsonObject clerkSignalsJson(const ClerkSignalsReport &report)
{
    QJsonArray clerks;
    for (const core::ClerkSignal &s : report.clerks) {
        const core::ClerkCounts &c = s.counts;
        QJsonArray flags;
        for (const std::string &f : s.flags)
            flags.append(QString::fromStdString(f));
        const auto name = report.names.find(c.clerkId);
        clerks.append(QJsonObject{
            {"staff_id", static_cast<qint64>(c.clerkId)},
            {"name", name == report.names.end() ? QJsonValue() : QJsonValue(QString::fromStdString(name->second))},
            {"registrations", c.registrations},
            {"failed_matches", c.failedMatches},
            {"liveness_failures", c.livenessFailures},
            {"staff_faces", c.staffFaces},
            {"retries", c.retries},
            {"hand_overs", c.handOvers},
            {"manual_approvals", c.manualApprovals},
            {"flags", flags}});
    }
    const bool anyFlag = std::any_of(report.clerks.begin(), report.clerks.end(),
                                     [](const core::ClerkSignal &s) { return !s.flags.empty(); });
    return QJsonObject{{"from", report.firstDay.toString(Qt::ISODate)},
                       {"to", report.lastDay.toString(Qt::ISODate)},
                       {"flagged", anyFlag},
                       {"clerks", clerks}};
}

} // namespace simkyc::app

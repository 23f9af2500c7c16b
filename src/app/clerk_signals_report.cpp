#include "app/clerk_signals_report.h"

#include "app/liveness_summary.h"
#include "store/registration_repository.h"
#include "store/review_repository.h"
#include "store/staff_repository.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace simkyc::app {
namespace {

// The manager whose review approved the hand-over (the newest manual approval), or
// core::kNoReviewOnFile.
Result<std::int64_t> approverOf(store::ReviewRepository &reviews, const std::string &registrationId)
{
    auto all = reviews.forRecord(registrationId);
    if (!all)
        return all.error();
    std::int64_t approver = core::kNoReviewOnFile;
    for (const store::Review &review : *all)
        if (review.decision == core::ReviewDecision::ManualApproved)
            approver = review.reviewerId;
    return approver;
}

Result<bool> outsideHours(const std::string &createdAt, const core::OpeningHours &hours, const QTimeZone &zone)
{
    const QDateTime at = QDateTime::fromString(QString::fromStdString(createdAt), Qt::ISODateWithMs);
    if (!at.isValid())
        return Error{ErrorCode::DatabaseError, "a registration has an unreadable time: " + createdAt};
    const QTime local = at.toTimeZone(zone).time();
    return !hours.contains(local.hour() * 60 + local.minute());
}

} // namespace

Result<ClerkSignalsReport> clerkSignals(StoreSession &session, const QDate &lastDay, int days,
                                        const std::optional<core::OpeningHours> &openingHours, const QTimeZone &zone)
{
    if (!lastDay.isValid() || days < 1 || days > 31)
        return Error{ErrorCode::InvalidArgument, "a period of 1..31 days ending on a valid day"};
    ClerkSignalsReport report;
    report.lastDay = lastDay;
    report.firstDay = lastDay.addDays(1 - days);
    report.openingHours = openingHours;
    store::RegistrationRepository repo(session.db, session.keys);
    store::ReviewRepository reviews(session.db);
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
            if (f.outcome == core::Decision::ManualApproved) {
                auto approver = approverOf(reviews, r.id);
                if (!approver)
                    return approver.error();
                f.approvedBy = *approver;
            }
            if (openingHours) {
                auto outside = outsideHours(r.createdAt, *openingHours, zone);
                if (!outside)
                    return outside.error();
                f.outsideOpeningHours = *outside;
            }
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
        const auto nameOf = [&report](std::int64_t id) {
            const auto name = report.names.find(id);
            return name == report.names.end() ? QJsonValue() : QJsonValue(QString::fromStdString(name->second));
        };
        QJsonArray approvedBy;
        for (const auto &[manager, approvals] : c.approvalsByManager) {
            const bool paired =
                std::find(s.pairedManagers.begin(), s.pairedManagers.end(), manager) != s.pairedManagers.end();
            approvedBy.append(QJsonObject{{"staff_id", static_cast<qint64>(manager)},
                                          {"name", nameOf(manager)},
                                          {"approvals", approvals},
                                          {"paired", paired}});
        }
        clerks.append(QJsonObject{{"staff_id", static_cast<qint64>(c.clerkId)},
                                  {"name", nameOf(c.clerkId)},
                                  {"registrations", c.registrations},
                                  {"failed_matches", c.failedMatches},
                                  {"liveness_failures", c.livenessFailures},
                                  {"staff_faces", c.staffFaces},
                                  {"retries", c.retries},
                                  {"hand_overs", c.handOvers},
                                  {"manual_approvals", c.manualApprovals},
                                  {"outside_hours", report.openingHours ? QJsonValue(c.outsideHours) : QJsonValue()},
                                  {"approvals_without_review", c.approvalsWithoutReview},
                                  {"approved_by", approvedBy},
                                  {"flags", flags}});
    }
    const bool anyFlag = std::any_of(report.clerks.begin(), report.clerks.end(),
                                     [](const core::ClerkSignal &s) { return !s.flags.empty(); });
    return QJsonObject{{"from", report.firstDay.toString(Qt::ISODate)},
                       {"to", report.lastDay.toString(Qt::ISODate)},
                       {"opening_hours", report.openingHours
                                             ? QJsonValue(QString::fromStdString(report.openingHours->toString()))
                                             : QJsonValue()},
                       {"flagged", anyFlag},
                       {"clerks", clerks}};
}

} // namespace simkyc::app

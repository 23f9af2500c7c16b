#include "core/clerk_signals.h"

#include <algorithm>
#include <map>

namespace simkyc::core {
namespace {

bool has(const std::vector<std::string> &reasons, std::string_view code)
{
    return std::find(reasons.begin(), reasons.end(), code) != reasons.end();
}

struct Measure {
    const char *name;
    int ClerkCounts::*field;
    int minEvents;
};

constexpr Measure kMeasures[] = {
    {"failed_matches", &ClerkCounts::failedMatches, kMinFlagEvents},
    {"liveness_failures", &ClerkCounts::livenessFailures, kMinFlagEvents},
    {"staff_faces", &ClerkCounts::staffFaces, 1},
    {"retries", &ClerkCounts::retries, kMinFlagEvents},
    {"hand_overs", &ClerkCounts::handOvers, kMinFlagEvents},
    {"manual_approvals", &ClerkCounts::manualApprovals, kMinFlagEvents},
    {"outside_hours", &ClerkCounts::outsideHours, kMinFlagEvents},
    {"approvals_without_review", &ClerkCounts::approvalsWithoutReview, 1},
};

// Twice the baseline plus the slack: the one threshold of every rate rule here.
bool standsOut(int mine, int registrations, int others, int otherRegistrations)
{
    const double baseline = otherRegistrations > 0 ? static_cast<double>(others) / otherRegistrations : 0.0;
    const double rate = static_cast<double>(mine) / registrations;
    return rate > 2.0 * baseline + kFlagSlack;
}

// The managers who approved at least kMinFlagEvents of clerk c's hand-overs at a rate that stands out
// against their approvals of the other clerks' registrations. The manager's own registrations are not
// in their baseline (four eyes: they cannot approve those); with no other registrations to compare
// with, no pair is named.
std::vector<std::int64_t> pairedManagers(const ClerkCounts &c, const std::vector<ClerkCounts> &clerks)
{
    std::vector<std::int64_t> out;
    for (const auto &[manager, mine] : c.approvalsByManager) {
        if (mine < kMinFlagEvents)
            continue;
        int others = 0, otherRegistrations = 0;
        for (const ClerkCounts &o : clerks) {
            if (o.clerkId == c.clerkId || o.clerkId == manager)
                continue;
            otherRegistrations += o.registrations;
            const auto n = o.approvalsByManager.find(manager);
            others += n == o.approvalsByManager.end() ? 0 : n->second;
        }
        if (otherRegistrations > 0 && standsOut(mine, c.registrations, others, otherRegistrations))
            out.push_back(manager);
    }
    return out;
}

} // namespace

std::vector<ClerkCounts> countByClerk(const std::vector<RegistrationFacts> &records)
{
    std::map<std::int64_t, ClerkCounts> byClerk;
    for (const RegistrationFacts &r : records) {
        ClerkCounts &c = byClerk[r.clerkId];
        c.clerkId = r.clerkId;
        ++c.registrations;
        c.retries += std::max(r.faceChecks - 1, 0);
        const bool handedOver = r.status == RegistrationState::ManualReview || r.outcome == Decision::ManualApproved ||
                                r.outcome == Decision::ManualRejected;
        if (handedOver)
            ++c.handOvers;
        if (r.outcome == Decision::ManualApproved) {
            ++c.manualApprovals;
            if (r.approvedBy == kNoReviewOnFile)
                ++c.approvalsWithoutReview;
            else if (r.approvedBy != 0)
                ++c.approvalsByManager[r.approvedBy];
        }
        if (r.outsideOpeningHours)
            ++c.outsideHours;
        if (r.outcome != Decision::NoMatch)
            continue;
        if (has(r.reasons, "staff_face"))
            ++c.staffFaces;
        else if (has(r.reasons, "face_mismatch"))
            ++c.failedMatches;
        else
            ++c.livenessFailures;
    }
    std::vector<ClerkCounts> out;
    for (auto &[id, c] : byClerk)
        out.push_back(c);
    return out;
}

std::vector<ClerkSignal> flagClerks(const std::vector<ClerkCounts> &clerks)
{
    int totalRegistrations = 0;
    for (const ClerkCounts &c : clerks)
        totalRegistrations += c.registrations;
    std::vector<ClerkSignal> out;
    for (const ClerkCounts &c : clerks) {
        ClerkSignal signal{c, {}, {}};
        const int otherRegistrations = totalRegistrations - c.registrations;
        for (const Measure &m : kMeasures) {
            const int mine = c.*m.field;
            if (mine < m.minEvents || c.registrations == 0)
                continue;
            int others = 0;
            for (const ClerkCounts &o : clerks)
                others += o.clerkId == c.clerkId ? 0 : o.*m.field;
            if (m.minEvents == 1 || standsOut(mine, c.registrations, others, otherRegistrations))
                signal.flags.emplace_back(m.name);
        }
        if (c.registrations > 0)
            signal.pairedManagers = pairedManagers(c, clerks);
        if (!signal.pairedManagers.empty())
            signal.flags.emplace_back("manager_pair");
        out.push_back(std::move(signal));
    }
    return out;
}

} // namespace simkyc::core

// DayRow: one registration of the day as the manager's lists show it (DayViewModel builds the rows;
// DayStatistics, the charts and the day report read them): masked customer fields, codes and their
// words. Value type, no logic. Depends on Qt Core only.
#pragma once

#include <QString>

#include <optional>

namespace simkyc::app {

struct DayRow {
    QString recordId;
    QString time;     // local "HH:mm"
    QString clerk;    // staff name
    QString name;     // masked
    QString idNumber; // masked
    QString outcome;  // "match", "no_match", "manual_review", "manual_approved", "manual_rejected"
    QString reasons;  // in words, one sentence per reason
    QString distance; // "0.412" or ""
    QString liveness; // "passed", "failed", "not_run"
    QString syncState;
    QString syncWords;                   // the upload state in words (the reason-words function, "sync.<state>")
    QString outcomeWords;                // the outcome in words ("outcome.<code>")
    QString livenessWords;               // the liveness in words ("liveness.<code>")
    int hour = 0;                        // local hour of the day (0-23)
    int faceChecks = 0;                  // face checks for this customer (0: none, e.g. the manual check)
    std::optional<double> distanceValue; // the match distance, when a match ran
    QString review;                      // the newest review's decision code ("" when not reviewed)
    QString reviewWords;                 // it in words, with its reason
};

} // namespace simkyc::app

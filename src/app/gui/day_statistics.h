// DayStatistics: the manager's figures for one day, computed from the day view's rows (no store
// access, nothing decrypted): registrations per hour by outcome, the automatic pass rate, the retries
// (face checks after the first one per customer), the reviews, and the match distances as a histogram.
// Thread-safety: value type; computeDayStatistics is pure. Depends on Qt Core only.
#pragma once

#include "app/gui/day_row.h"

#include <QByteArray>
#include <QStringList>

#include <array>
#include <functional>
#include <vector>

namespace simkyc::app {

struct DayStatistics {
    static constexpr double kBinWidth = 0.1;
    static constexpr int kBins = 10; // 0.0-0.1 ... 0.9-1.0; larger distances count in the last bin

    std::array<int, 24> passedPerHour{};
    std::array<int, 24> failedPerHour{};
    std::array<int, 24> manualPerHour{}; // handed to the manager or decided by them
    int total = 0;
    int passed = 0;
    int failed = 0;
    int manual = 0;
    int retries = 0;    // face checks beyond each customer's first
    int faceChecks = 0; // all face checks of the day
    int reviewed = 0;   // rows with a review
    int flagged = 0;    // rows whose newest review flags them or rejects the identity
    int toReview = 0;   // handed to the manager, not decided yet
    // The match distances per bin, those under the decision threshold (same person) apart from the others.
    std::array<int, kBins> distancesUnder{};
    std::array<int, kBins> distancesOver{};
    double threshold = 0;

    // passed / (passed + failed): the share of automatic decisions that passed; 0 without any.
    [[nodiscard]] double passRate() const;
    // The first and last hour with a registration (8-18 on an empty day), for the hourly chart.
    [[nodiscard]] std::pair<int, int> hourRange() const;
};

// Everything the day's PDF report shows (DayViewModel::report builds it).
struct DayReport {
    QString date;        // the local day, "yyyy-MM-dd"
    QString generatedAt; // local "yyyy-MM-dd HH:mm"
    QString generatedBy; // the manager's name
    std::vector<DayRow> rows;
    DayStatistics statistics;
    QString figures; // DayViewModel::figures()
    QString syncHealth;
    QStringList parked;
    QString auditChain;            // the chain's verification in words
    QStringList clerkSignals;      // the per-clerk signals in words (ClerkSignalsModel::reportLines); none: no section
    QStringList simReconciliation; // the day's SIM reconciliation (SimReconciliationModel::reportLines); none: not run
};

[[nodiscard]] DayStatistics computeDayStatistics(const std::vector<DayRow> &rows, double threshold);

} // namespace simkyc::app

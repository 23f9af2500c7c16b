// The store manager's daily report as PDF (QPdfWriter, A4): page 1 the day's figures, the three charts
// of day_charts.h, the upload's health and the audit chain's verification; then every registration of
// the day, masked as on the screen (time, clerk, name, ID number, outcome, distance, liveness, upload,
// review), as many pages as needed, each with its page number.
// Guarantees: the report holds only what the day view shows (masked); it is built in memory.
// Thread-safety: GUI thread only (Qt Charts). Needs a QApplication for the charts (see day_charts.h).
#pragma once

#include "app/gui/day_statistics.h"
#include "core/result.h"

#include <QByteArray>

namespace simkyc::app {

[[nodiscard]] Result<QByteArray> renderDayReportPdf(const DayReport &report);

} // namespace simkyc::app

// The manager's charts of a day (Qt Charts), drawn onto any QPainter: the day view's chart items and
// the PDF report use the same drawing, so the paper shows what the screen showed.
//   Hourly: registrations per hour, stacked by outcome (passed, failed, manual);
//   Outcomes: the day's outcomes as a pie, the automatic pass rate in the title;
//   Distances: the match distances as a histogram, bins under the threshold apart from those over it.
// Guarantees: nothing but the statistics is drawn (no customer data). Needs a QApplication (Qt Charts
// is built on Qt Widgets' graphics view); without one the rectangle says so instead of crashing.
// Thread-safety: GUI thread only.
#pragma once

#include "app/gui/day_statistics.h"

#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QString>

namespace simkyc::app {

enum class DayChartKind { Hourly, Outcomes, Distances };

// "hourly", "outcomes", "distances"; nullopt for any other name.
[[nodiscard]] std::optional<DayChartKind> parseDayChartKind(const QString &name);

// Draws the chart into `area` of the painter's device (device coordinates). font: the base font
// (titles are drawn larger). The painter's state is restored afterwards.
void drawDayChart(DayChartKind kind, const DayStatistics &statistics, QPainter &painter, const QRectF &area,
                  const QFont &font);

} // namespace simkyc::app

#include "app/gui/day_charts.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace simkyc::app {
namespace {

const QColor kPassed(0x2e, 0x7d, 0x32);
const QColor kFailed(0xc6, 0x28, 0x28);
const QColor kManual(0xef, 0x8f, 0x00);

QBarSet *barSet(const QString &label, const QColor &colour)
{
    auto *set = new QBarSet(label);
    set->setColor(colour);
    set->setBorderColor(colour);
    return set;
}

// The stacked bars on the chart, with the categories below and a count axis from 0 to a whole number
// at least `top` (at least 1) with whole-number ticks on the left.
void addStackedBars(QChart &chart, const QList<QBarSet *> &sets, const QStringList &categories, int top,
                    const QFont &font, qreal barWidth = 0.5)
{
    auto *series = new QStackedBarSeries;
    series->setBarWidth(barWidth);
    series->append(sets);
    chart.addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsFont(font);
    chart.addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    // Whole-number ticks, at most 6: the top rounded up to a multiple of the step.
    const int step = (std::max(1, top) + 4) / 5;
    const int max = step * ((std::max(1, top) + step - 1) / step);
    y->setRange(0, max);
    y->setTickCount(max / step + 1);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setLabelsFont(font);
    chart.addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
}

void buildHourly(QChart &chart, const DayStatistics &s, const QFont &font)
{
    const auto [first, last] = s.hourRange();
    auto *passed = barSet(QCoreApplication::translate("DayCharts", "Passed"), kPassed);
    auto *failed = barSet(QCoreApplication::translate("DayCharts", "Failed"), kFailed);
    auto *manual = barSet(QCoreApplication::translate("DayCharts", "Manual"), kManual);
    QStringList hours;
    int top = 0;
    for (int h = first; h <= last; ++h) {
        const auto i = static_cast<std::size_t>(h);
        *passed << s.passedPerHour[i];
        *failed << s.failedPerHour[i];
        *manual << s.manualPerHour[i];
        top = std::max(top, s.passedPerHour[i] + s.failedPerHour[i] + s.manualPerHour[i]);
        hours << QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0'));
    }
    addStackedBars(chart, {passed, failed, manual}, hours, top, font);
    chart.setTitle(QCoreApplication::translate("DayCharts", "Registrations per hour"));
}

void buildOutcomes(QChart &chart, const DayStatistics &s)
{
    auto *series = new QPieSeries;
    const std::pair<const char *, std::pair<int, QColor>> parts[] = {
        {QT_TRANSLATE_NOOP("DayCharts", "Passed %1"), {s.passed, kPassed}},
        {QT_TRANSLATE_NOOP("DayCharts", "Failed %1"), {s.failed, kFailed}},
        {QT_TRANSLATE_NOOP("DayCharts", "Manual %1"), {s.manual, kManual}},
    };
    for (const auto &[label, part] : parts) {
        if (part.first == 0)
            continue;
        QPieSlice *slice = series->append(QCoreApplication::translate("DayCharts", label).arg(part.first), part.first);
        slice->setColor(part.second);
    }
    series->setPieSize(0.8);
    chart.addSeries(series);
    chart.legend()->setVisible(true); // the counts in the legend: labels around a small pie get cut
    chart.legend()->setAlignment(Qt::AlignRight);
    chart.setTitle(
        s.total == 0
            ? QCoreApplication::translate("DayCharts", "No registrations yet")
            : QCoreApplication::translate("DayCharts", "Outcomes: pass rate %1 %").arg(qRound(s.passRate() * 100)));
}

void buildDistances(QChart &chart, const DayStatistics &s, const QFont &font)
{
    auto *under = barSet(QCoreApplication::translate("DayCharts", "Same person"), kPassed);
    auto *over = barSet(QCoreApplication::translate("DayCharts", "Not the same"), kFailed);
    QStringList bins;
    int top = 0;
    for (std::size_t b = 0; b < static_cast<std::size_t>(DayStatistics::kBins); ++b) {
        *under << s.distancesUnder[b];
        *over << s.distancesOver[b];
        top = std::max(top, s.distancesUnder[b] + s.distancesOver[b]);
        bins << QString::number(static_cast<double>(b) * DayStatistics::kBinWidth, 'f', 1);
    }
    addStackedBars(chart, {under, over}, bins, top, font, 0.9);
    chart.setTitle(
        QCoreApplication::translate("DayCharts", "Match distances (threshold %1)").arg(s.threshold, 0, 'f', 2));
}

} // namespace

std::optional<DayChartKind> parseDayChartKind(const QString &name)
{
    if (name == QLatin1String("hourly"))
        return DayChartKind::Hourly;
    if (name == QLatin1String("outcomes"))
        return DayChartKind::Outcomes;
    if (name == QLatin1String("distances"))
        return DayChartKind::Distances;
    return std::nullopt;
}

void drawDayChart(DayChartKind kind, const DayStatistics &statistics, QPainter &painter, const QRectF &area,
                  const QFont &font)
{
    painter.save();
    if (qobject_cast<QApplication *>(QCoreApplication::instance()) == nullptr) {
        painter.setFont(font);
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                         QCoreApplication::translate("DayCharts", "Charts need the kiosk's full application."));
        painter.restore();
        return;
    }
    QGraphicsScene scene;
    auto *chart = new QChart; // owned by the scene
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QFont title = font;
    title.setPointSizeF(font.pointSizeF() * 1.25);
    title.setBold(true);
    chart->setTitleFont(title);
    chart->legend()->setFont(font);
    chart->legend()->setAlignment(Qt::AlignBottom);
    switch (kind) {
    case DayChartKind::Hourly: buildHourly(*chart, statistics, font); break;
    case DayChartKind::Outcomes: buildOutcomes(*chart, statistics); break;
    case DayChartKind::Distances: buildDistances(*chart, statistics, font); break;
    }
    scene.addItem(chart);
    // Laid out at 96 dpi (the size Qt's fonts assume), then scaled into the area: on a 150-dpi PDF page
    // the text keeps its size relative to the chart.
    const qreal dpi = painter.device() != nullptr ? painter.device()->logicalDpiX() : 96.0;
    const QSizeF logical = area.size() * (96.0 / std::max<qreal>(dpi, 1.0));
    chart->setGeometry(QRectF(QPointF(0, 0), logical));
    scene.setSceneRect(QRectF(QPointF(0, 0), logical));
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, area, scene.sceneRect());
    painter.restore();
}

} // namespace simkyc::app

#include "app/gui/day_chart_item.h"

#include "app/gui/day_charts.h"

#include <QGuiApplication>

namespace simkyc::app {

DayChartItem::DayChartItem(QQuickItem *parent) : QQuickPaintedItem(parent)
{
    setFillColor(Qt::white);
}

void DayChartItem::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    emit kindChanged();
    update();
}

void DayChartItem::setDayView(DayViewModel *dayView)
{
    if (dayView == m_dayView)
        return;
    if (m_dayView)
        disconnect(m_dayView, nullptr, this, nullptr);
    m_dayView = dayView;
    if (m_dayView)
        connect(m_dayView, &DayViewModel::refreshed, this, [this] { update(); });
    emit dayViewChanged();
    update();
}

void DayChartItem::paint(QPainter *painter)
{
    const auto kind = parseDayChartKind(m_kind);
    if (!kind || !m_dayView)
        return;
    QFont font = QGuiApplication::font();
    font.setPointSizeF(std::max(9.0, font.pointSizeF()));
    drawDayChart(*kind, m_dayView->statistics(), *painter, boundingRect(), font);
}

} // namespace simkyc::app

// DayChart (QML type in SimKyc.Kiosk 1.0): one of the day's charts (day_charts.h) as a Qt Quick item,
// redrawn whenever the day view reloads.   DayChart { kind: "hourly"; dayView: workflow.dayView }
// Thread-safety: GUI thread (QQuickPaintedItem paints on the GUI thread with the default target).
#pragma once

#include "app/gui/day_view_model.h"

#include <QPointer>
#include <QQuickPaintedItem>

namespace simkyc::app {

class DayChartItem : public QQuickPaintedItem {
    Q_OBJECT
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    Q_PROPERTY(simkyc::app::DayViewModel *dayView READ dayView WRITE setDayView NOTIFY dayViewChanged)

public:
    explicit DayChartItem(QQuickItem *parent = nullptr);

    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    [[nodiscard]] DayViewModel *dayView() const { return m_dayView; }
    void setDayView(DayViewModel *dayView);
    void paint(QPainter *painter) override;

signals:
    void kindChanged();
    void dayViewChanged();

private:
    QString m_kind = QStringLiteral("hourly");
    QPointer<DayViewModel> m_dayView;
};

} // namespace simkyc::app

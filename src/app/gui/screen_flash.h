// ScreenFlash: plays the screen-light challenge's colours on the customer's screen (vision/screen_light.h).
// start() shows the rest grey (vision::kScreenRestEmission) at once, the schedule's colours after
// leadInMs, each for its duration, then the grey again for tailMs; then `active` turns false and the
// screen shows the face check again. QML binds a full-screen rectangle to `color` while `active`.
// It holds no rules: the face check's worker decides when (FaceCheckService::screenLightStarted) and
// the liveness pipeline judges the reflection; this only keeps the timing.
// Thread-safety: GUI thread only. Depends on Qt Core only (colours as "#rrggbb" text).
#pragma once

#include "vision/screen_light.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace simkyc::app {

class ScreenFlash : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(QString color READ color NOTIFY changed) // "#rrggbb"
public:
    explicit ScreenFlash(QObject *parent = nullptr);

    void start(const vision::ColourSchedule &schedule, double leadInMs, double tailMs);
    void stop();
    [[nodiscard]] bool active() const { return m_active; }
    [[nodiscard]] QString color() const { return m_color; }
    // The rest grey: sRGB of the linear kScreenRestEmission.
    [[nodiscard]] static QString restColor();

signals:
    void changed();

private:
    void advance();
    void show(const QString &color);

    vision::ColourSchedule m_schedule;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::vector<double> m_changeAtMs; // when each step begins, then when the tail ends (from start)
    size_t m_next = 0;                // index into m_changeAtMs of the next change
    bool m_active = false;
    QString m_color;
};

} // namespace simkyc::app

#include "app/gui/screen_flash.h"

#include <algorithm>
#include <cmath>

namespace simkyc::app {

ScreenFlash::ScreenFlash(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ScreenFlash::advance);
}

namespace {

QString hexColour(int r, int g, int b)
{
    return QStringLiteral("#%1%2%3")
        .arg(r, 2, 16, QLatin1Char('0'))
        .arg(g, 2, 16, QLatin1Char('0'))
        .arg(b, 2, 16, QLatin1Char('0'));
}

} // namespace

QString ScreenFlash::restColor()
{
    // sRGB encoding of a linear level.
    const double v = vision::kScreenRestEmission;
    const double encoded = v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
    const int level = static_cast<int>(std::lround(encoded * 255.0));
    return hexColour(level, level, level);
}

void ScreenFlash::start(const vision::ColourSchedule &schedule, double leadInMs, double tailMs)
{
    m_schedule = schedule;
    m_changeAtMs.clear();
    double at = leadInMs;
    for (const auto &step : m_schedule.steps) {
        m_changeAtMs.push_back(at);
        at += step.durationMs;
    }
    m_changeAtMs.push_back(at);          // back to the grey
    m_changeAtMs.push_back(at + tailMs); // done
    m_next = 0;
    m_active = true;
    m_clock.start();
    show(restColor());
    m_timer.start(static_cast<int>(std::lround(m_changeAtMs.front())));
}

void ScreenFlash::stop()
{
    m_timer.stop();
    if (!m_active)
        return;
    m_active = false;
    emit changed();
}

void ScreenFlash::advance()
{
    const size_t steps = m_schedule.steps.size();
    if (m_next < steps) {
        const auto &c = m_schedule.steps[m_next].colour;
        show(hexColour(c.r, c.g, c.b));
    } else if (m_next == steps) {
        show(restColor());
    } else {
        stop();
        return;
    }
    ++m_next;
    // Timed from the start, not from this call: a late timer does not push every later step.
    const double wait = m_changeAtMs[m_next] - static_cast<double>(m_clock.elapsed());
    m_timer.start(std::max(0, static_cast<int>(std::lround(wait))));
}

void ScreenFlash::show(const QString &color)
{
    m_color = color;
    emit changed();
}

} // namespace simkyc::app

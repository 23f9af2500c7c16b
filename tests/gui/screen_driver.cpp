#include "screen_driver.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QTest>

namespace simkyc::test {
namespace {

QQuickItem *findIn(QQuickItem *item, const QString &objectName)
{
    if (item == nullptr || !item->isVisible())
        return nullptr;
    if (item->objectName() == objectName)
        return item;
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        if (QQuickItem *found = findIn(child, objectName))
            return found;
    return nullptr;
}

} // namespace

ScreenDriver::ScreenDriver(QQuickWindow &window, std::filesystem::path screenshotDir)
    : m_window(window), m_dir(std::move(screenshotDir))
{
}

QQuickItem *ScreenDriver::find(const QString &objectName) const
{
    return findIn(m_window.contentItem(), objectName);
}

bool ScreenDriver::waitFor(const QString &objectName, int timeoutMs) const
{
    return QTest::qWaitFor([&] { return find(objectName) != nullptr; }, timeoutMs);
}

QString ScreenDriver::text(const QString &objectName, const char *property) const
{
    const QQuickItem *item = find(objectName);
    return item != nullptr ? item->property(property).toString() : QString();
}

bool ScreenDriver::hasFocus(const QString &objectName) const
{
    const QQuickItem *item = find(objectName);
    return item != nullptr && item->hasActiveFocus();
}

bool ScreenDriver::isEnabled(const QString &objectName) const
{
    const QQuickItem *item = find(objectName);
    return item != nullptr && item->isEnabled();
}

bool ScreenDriver::click(const QString &objectName)
{
    QQuickItem *item = find(objectName);
    if (item == nullptr)
        return false;
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(&m_window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    QTest::qWait(20);
    return true;
}

bool ScreenDriver::typeInto(const QString &objectName, const QString &text)
{
    if (!click(objectName))
        return false;
    key(Qt::Key_A, Qt::ControlModifier);
    key(Qt::Key_Delete);
    type(text);
    return true;
}

void ScreenDriver::type(const QString &text)
{
    // QTest::keyClicks exists for widgets only: one key event per character, as a keyboard (or an
    // IME committing a character) sends it.
    for (const QChar c : text) {
        const Qt::Key code = c.unicode() < 0x80 ? QTest::asciiToKey(char(c.unicode())) : Qt::Key_unknown;
        QTest::sendKeyEvent(QTest::Click, &m_window, code, QString(c), Qt::NoModifier);
    }
    QTest::qWait(20);
}

void ScreenDriver::key(Qt::Key k, Qt::KeyboardModifiers modifiers)
{
    QTest::keyClick(&m_window, k, modifiers);
    QTest::qWait(20);
}

bool ScreenDriver::screenshot(const QString &name, const QStringList &pixelate)
{
    QTest::qWait(50); // let the last change render
    QImage image = m_window.grabWindow();
    if (image.isNull())
        return false;
    for (const QString &objectName : pixelate) {
        QQuickItem *item = find(objectName);
        if (item == nullptr)
            continue;
        const qreal dpr = image.devicePixelRatio();
        const QRectF scene = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        const QRect area =
            QRect(int(scene.x() * dpr), int(scene.y() * dpr), int(scene.width() * dpr), int(scene.height() * dpr))
                .intersected(image.rect());
        if (area.isEmpty())
            continue;
        // 16 px blocks: a face is no longer recognisable, the layout still is.
        const QImage blocks = image.copy(area).scaled(std::max(1, area.width() / 16), std::max(1, area.height() / 16),
                                                      Qt::IgnoreAspectRatio, Qt::FastTransformation);
        QPainter painter(&image);
        painter.drawImage(area, blocks.scaled(area.size(), Qt::IgnoreAspectRatio, Qt::FastTransformation));
    }
    QDir().mkpath(QString::fromStdString(m_dir.string()));
    return image.save(QString::fromStdString((m_dir / (name.toStdString() + ".png")).string()), "PNG");
}

} // namespace simkyc::test

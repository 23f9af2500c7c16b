// ScreenDriver: drives the real kiosk window as a clerk does, by objectName: clicks at an item's
// centre, keys to the focused item, waits for items to appear, and saves screenshots.
// Thread-safety: GUI thread only.
#pragma once

#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <QStringList>

#include <filesystem>

namespace simkyc::test {

class ScreenDriver {
public:
    ScreenDriver(QQuickWindow &window, std::filesystem::path screenshotDir);

    // The visible item with that objectName, searched through the visual tree; nullptr if none.
    [[nodiscard]] QQuickItem *find(const QString &objectName) const;
    // Processes events until the item is visible (true) or timeoutMs passed (false).
    [[nodiscard]] bool waitFor(const QString &objectName, int timeoutMs = 3000) const;
    // A property of the item as text ("" when the item is missing).
    [[nodiscard]] QString text(const QString &objectName, const char *property = "text") const;
    [[nodiscard]] bool hasFocus(const QString &objectName) const;
    [[nodiscard]] bool isEnabled(const QString &objectName) const;

    // false when the item is missing or invisible.
    bool click(const QString &objectName);
    // Clicks the field, selects what it holds and types text over it.
    bool typeInto(const QString &objectName, const QString &text);
    void type(const QString &text);
    void key(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

    // Saves <screenshotDir>/<name>.png; false when grabbing or writing failed. The items named in
    // `pixelate` are pixelated in the file (third-party faces and documents are not ours to publish).
    bool screenshot(const QString &name, const QStringList &pixelate = {});

private:
    QQuickWindow &m_window;
    std::filesystem::path m_dir;
};

} // namespace simkyc::test

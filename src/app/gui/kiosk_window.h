// KioskWindow: the QML engine and window of the kiosk GUI, bound to one RegistrationWorkflow.
// Loads Main.qml of the SimKyc.Ui module from its compiled-in resource (qrc:/qt/qml/SimKyc/Ui/),
// hands it the workflow as its one view-model, reports user input to the workflow's idle timer and
// logs the time from `started` to the first frame ("first frame after N ms"); switches the
// language when the workflow asks (a new translation installed, the screens retranslated). With a
// customer screen, a second window (CustomerMain.qml) on it shows the customer's screens of the same
// workflow; the clerk's window then leaves the consent's answers to it.
// Guarantees: load() fails with a clear Error when the QML does not load (missing Qt Quick modules
// are named in the message); the window exists exactly when load() succeeded.
// Thread-safety: GUI thread only; needs a QGuiApplication.
#pragma once

#include "core/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <QStringList>
#include <QTranslator>

#include <memory>

class QQmlApplicationEngine;
class QScreen;

namespace simkyc::app {

class RegistrationWorkflow;

class KioskWindow : public QObject {
    Q_OBJECT
public:
    // workflow must outlive this object. started: when the program began (for the first-frame log).
    KioskWindow(RegistrationWorkflow &workflow, QElapsedTimer started, QObject *parent = nullptr);
    ~KioskWindow() override;

    // clerkScreen: where the clerk's window goes (nullptr: the primary screen); customerScreen: where
    // the customer's window goes (nullptr: no such window, one screen shared by both).
    [[nodiscard]] Status load(QScreen *clerkScreen = nullptr, QScreen *customerScreen = nullptr);
    [[nodiscard]] QQuickWindow *window() const { return m_window; }
    [[nodiscard]] QQuickWindow *customerWindow() const { return m_customerWindow; }
    // Milliseconds from `started` to the first frame swapped; -1 until then.
    [[nodiscard]] qint64 firstFrameMs() const { return m_firstFrameMs; }

    // The translation installed for the kiosk's language at start (main installs it before the
    // window exists); the window replaces it when the customer switches the language.
    void adoptTranslator(std::unique_ptr<QTranslator> translator) { m_translator = std::move(translator); }

    // Every QML warning and error since load() (also logged); tests expect none.
    [[nodiscard]] const QStringList &qmlWarnings() const { return m_qmlWarnings; }

signals:
    void firstFrame(qint64 ms);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    RegistrationWorkflow &m_workflow;
    QElapsedTimer m_started;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QPointer<QQuickWindow> m_window;
    QPointer<QQuickWindow> m_customerWindow;
    qint64 m_firstFrameMs = -1;
    QStringList m_qmlWarnings;
    std::unique_ptr<QTranslator> m_translator; // the language shown (none: English)
};

} // namespace simkyc::app

#include "app/gui/kiosk_window.h"

#include "app/gui/day_chart_item.h"
#include "app/gui/day_report_pdf.h"
#include "app/gui/gui_log.h"
#include "app/gui/kiosk_image_provider.h"
#include "app/gui/registration_workflow.h"
#include "app/gui/translations.h"

#include <QEvent>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QScreen>
#include <QtQml>

namespace simkyc::app {

namespace {
constexpr const char *kMainQml = "qrc:/qt/qml/SimKyc/Ui/Main.qml";
constexpr const char *kCustomerQml = "qrc:/qt/qml/SimKyc/Ui/CustomerMain.qml";

void placeOn(QQuickWindow &window, QScreen *screen)
{
    if (screen == nullptr)
        return;
    window.setScreen(screen);
    window.setGeometry(screen->availableGeometry());
}
} // namespace

KioskWindow::KioskWindow(RegistrationWorkflow &workflow, QElapsedTimer started, QObject *parent)
    : QObject(parent), m_workflow(workflow), m_started(started)
{
}

KioskWindow::~KioskWindow() = default;

Status KioskWindow::load(QScreen *clerkScreen, QScreen *customerScreen)
{
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    connect(m_engine.get(), &QQmlApplicationEngine::warnings, this, [this](const QList<QQmlError> &list) {
        for (const QQmlError &e : list) {
            m_qmlWarnings << e.toString();
            qCWarning(lcGui).noquote() << "QML:" << e.toString();
        }
    });
    auto *images = new KioskImageProvider; // owned by the engine
    images->follow(*m_workflow.idPhoto(), *this);
    images->follow(*m_workflow.faceCheck(), *this);
    images->follow(*m_workflow.recordDetail(), *this);
    qmlRegisterType<DayChartItem>("SimKyc.Kiosk", 1, 0, "DayChart");
    m_workflow.dayView()->setReportRenderer(&renderDayReportPdf);
    m_workflow.setLanguageSwitch([this](const QString &language) {
        m_translator.reset(); // English: no translator at all
        m_translator = installKioskTranslation(language);
        if (!language.startsWith(QLatin1String("en")) && m_translator == nullptr)
            return false;
        m_engine->retranslate();
        return true;
    });
    m_engine->addImageProvider(QString::fromLatin1(KioskImageProvider::kId), images);
    m_engine->setInitialProperties({{QStringLiteral("workflow"), QVariant::fromValue<QObject *>(&m_workflow)}});
    m_engine->load(QUrl(QString::fromLatin1(kMainQml)));
    const QList<QObject *> roots = m_engine->rootObjects();
    m_window = roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
    if (m_window == nullptr)
        return Error{ErrorCode::Internal,
                     "the kiosk screens did not load (are qml6-module-qtquick, -controls, -layouts, -window "
                     "installed?): " +
                         m_qmlWarnings.join(QStringLiteral("; ")).toStdString()};
    m_window->installEventFilter(this);
    placeOn(*m_window, clerkScreen);
    if (customerScreen != nullptr) {
        const int before = m_engine->rootObjects().size();
        m_engine->load(QUrl(QString::fromLatin1(kCustomerQml)));
        const QList<QObject *> all = m_engine->rootObjects();
        m_customerWindow = all.size() > before ? qobject_cast<QQuickWindow *>(all.last()) : nullptr;
        if (m_customerWindow == nullptr)
            return Error{ErrorCode::Internal, "the customer's window did not load: " +
                                                  m_qmlWarnings.join(QStringLiteral("; ")).toStdString()};
        // The customer touches their screen; the clerk's keyboard focus stays in the clerk's window.
        m_customerWindow->setFlag(Qt::WindowDoesNotAcceptFocus);
        m_customerWindow->installEventFilter(this);
        placeOn(*m_customerWindow, customerScreen);
        m_window->setProperty("customerWindow", true);
        qCInfo(lcGui).noquote() << "customer window on screen" << customerScreen->name();
    }
    connect(
        m_window, &QQuickWindow::frameSwapped, this,
        [this] {
            if (m_firstFrameMs >= 0)
                return;
            m_firstFrameMs = m_started.elapsed();
            qCInfo(lcGui).noquote() << QStringLiteral("first frame after %1 ms").arg(m_firstFrameMs);
            emit firstFrame(m_firstFrameMs);
        },
        Qt::QueuedConnection);
    return {};
}

bool KioskWindow::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel: m_workflow.noteActivity(); break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace simkyc::app

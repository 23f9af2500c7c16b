#include "app/gui/registration_workflow.h"

#include "app/gui/gui_log.h"

#include <QCoreApplication>
#include <QDateTime>

#include <chrono>

namespace simkyc::app {
namespace {

// Translation context "RegistrationWorkflow" named explicitly: tr() would use the qualified class name, which
// lupdate does not derive from `namespace simkyc::app`.

QDate localDateOf(store::Clock::time_point t)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}

// "M:SS", or "H:MM:SS" from one hour on (a manager's lock may last longer than the policy's).
QString lockMessage(int seconds)
{
    const QString time = seconds >= 3600
                             ? QStringLiteral("%1:%2:%3")
                                   .arg(seconds / 3600)
                                   .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
                                   .arg(seconds % 60, 2, 10, QLatin1Char('0'))
                             : QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("RegistrationWorkflow",
                                       "This account is locked (too many wrong passwords, or by the manager). "
                                       "Try again in %1, or ask the manager.")
        .arg(time);
}

} // namespace

RegistrationWorkflow::RegistrationWorkflow(LoginChecker &checker, IdPortraitFinder &finder, QString demoHint,
                                           std::chrono::milliseconds idleLock, NowFn now, QObject *parent)
    : QObject(parent), m_checker(checker), m_demoHint(std::move(demoHint)),
      m_idleLock(std::max(idleLock, std::chrono::milliseconds(100))),
      m_now(now ? std::move(now) : NowFn([] { return store::Clock::now(); })), m_idPhoto(finder)
{
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_idleLock);
    connect(&m_idleTimer, &QTimer::timeout, this, &RegistrationWorkflow::lockForIdle);
    m_countdownTimer.setInterval(std::chrono::seconds(1));
    connect(&m_countdownTimer, &QTimer::timeout, this, &RegistrationWorkflow::updateLockCountdown);
    connect(&m_checker, &LoginChecker::checked, this, &RegistrationWorkflow::onChecked);
}

int RegistrationWorkflow::idleLockMinutes() const
{
    return int(std::chrono::ceil<std::chrono::minutes>(m_idleLock).count());
}

QString RegistrationWorkflow::screenName() const
{
    switch (m_screen) {
    case Screen::Login: return QStringLiteral("login");
    case Screen::Home: return QStringLiteral("home");
    case Screen::CustomerForm: return QStringLiteral("customer_form");
    case Screen::IdPhoto: return QStringLiteral("id_photo");
    case Screen::Consent: return QStringLiteral("consent");
    case Screen::NotBuilt: return QStringLiteral("not_built");
    }
    return {};
}

void RegistrationWorkflow::login(const QString &name, const QString &password)
{
    if (m_screen != Screen::Login || m_busy) {
        qCWarning(lcGui) << "login ignored: signed in or a check is running";
        return;
    }
    if (name.trimmed().isEmpty() || password.isEmpty()) {
        setLoginError(QStringLiteral("missing_input"),
                      QCoreApplication::translate("RegistrationWorkflow", "Type your name and your password."));
        return;
    }
    setBusy(true);
    m_checker.check(name, password, m_now()); // answers with onChecked, maybe before returning
}

void RegistrationWorkflow::onChecked(const LoginReply &reply)
{
    setBusy(false);
    if (m_screen != Screen::Login)
        return;
    if (reply.error) {
        qCWarning(lcGui) << "login failed:" << QString::fromStdString(errorCodeName(reply.error->code).data());
        setLoginError(
            QStringLiteral("store_error"),
            QCoreApplication::translate("RegistrationWorkflow", "The staff list cannot be read (%1). Ask the manager.")
                .arg(QString::fromLatin1(errorCodeName(reply.error->code).data())));
        return;
    }
    const store::LoginResult &result = reply.result;
    switch (result.outcome) {
    case store::LoginOutcome::Ok:
        m_lockedUntil.reset();
        m_countdownTimer.stop();
        m_clerkName = QString::fromStdString(result.member->name);
        setLoginError({}, {});
        qCInfo(lcGui) << "clerk signed in, staff id" << result.member->id;
        setScreen(Screen::Home);
        return;
    case store::LoginOutcome::Locked:
        m_lockedUntil = store::parseUtcTimestamp(result.lockedUntil);
        qCInfo(lcGui) << "sign-in refused: account locked";
        if (!m_lockedUntil) { // never expected from the repository; still say what happened
            setLoginError(
                QStringLiteral("locked"),
                QCoreApplication::translate("RegistrationWorkflow", "This account is locked. Ask the manager."));
            return;
        }
        updateLockCountdown();
        m_countdownTimer.start();
        return;
    case store::LoginOutcome::WrongCredentials: break;
    }
    m_lockedUntil.reset();
    m_countdownTimer.stop();
    setLoginError(QStringLiteral("wrong_credentials"),
                  QCoreApplication::translate("RegistrationWorkflow", "The name or the password is wrong."));
}

void RegistrationWorkflow::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void RegistrationWorkflow::updateLockCountdown()
{
    if (!m_lockedUntil) {
        m_countdownTimer.stop();
        return;
    }
    const auto left = std::chrono::ceil<std::chrono::seconds>(*m_lockedUntil - m_now()).count();
    if (left <= 0) {
        m_lockedUntil.reset();
        m_countdownTimer.stop();
        m_lockSecondsRemaining = 0;
        setLoginError({}, {});
        return;
    }
    m_lockSecondsRemaining = int(left);
    setLoginError(QStringLiteral("locked"), lockMessage(m_lockSecondsRemaining));
}

void RegistrationWorkflow::logout()
{
    if (m_screen == Screen::Login)
        return;
    endRegistration();
    m_clerkName.clear();
    qCInfo(lcGui) << "clerk signed out";
    setScreen(Screen::Login);
}

void RegistrationWorkflow::lockForIdle()
{
    if (m_screen == Screen::Login)
        return;
    logout();
    setLoginError(QStringLiteral("idle_timeout"),
                  QCoreApplication::translate("RegistrationWorkflow", "Signed out after %n minute(s) without activity.",
                                              nullptr, idleLockMinutes()));
}

void RegistrationWorkflow::startRegistration()
{
    if (m_screen != Screen::Home) {
        qCWarning(lcGui) << "startRegistration ignored on screen" << screenName();
        return;
    }
    m_form.clear();
    m_form.setToday(localDateOf(m_now()));
    m_registration.emplace(); // Draft
    setScreen(Screen::CustomerForm);
}

bool RegistrationWorkflow::continueRegistration()
{
    if (m_screen != Screen::CustomerForm || !m_form.valid()) {
        qCWarning(lcGui) << "continue ignored: form not valid or not on the form";
        return false;
    }
    m_idPhoto.clear();
    m_idPhoto.refreshFiles();
    setScreen(Screen::IdPhoto);
    return true;
}

bool RegistrationWorkflow::acceptIdPhoto()
{
    if (m_screen != Screen::IdPhoto || !m_registration || m_idPhoto.status() != QLatin1String("found")) {
        qCWarning(lcGui) << "acceptIdPhoto ignored: no portrait found on screen" << screenName();
        return false;
    }
    if (Status moved = m_registration->transitionTo(core::RegistrationState::IdCaptured); !moved.ok()) {
        qCWarning(lcGui).noquote() << "acceptIdPhoto:" << QString::fromStdString(moved.error().toString());
        return false;
    }
    m_idPortrait = m_idPhoto.portrait();
    m_idPhoto.clear(); // the document preview is not needed any more
    setScreen(Screen::Consent);
    return true;
}

bool RegistrationWorkflow::recordConsent(ConsentDecision decision)
{
    if (m_screen != Screen::Consent || !m_registration ||
        m_registration->state() != core::RegistrationState::IdCaptured) {
        qCWarning(lcGui) << "consent ignored on screen" << screenName();
        return false;
    }
    if (decision == ConsentDecision::FaceCheck) {
        if (Status moved = m_registration->transitionTo(core::RegistrationState::Consented); !moved.ok()) {
            qCWarning(lcGui).noquote() << "consent:" << QString::fromStdString(moved.error().toString());
            return false;
        }
    } else {
        m_idPortrait = {}; // no face data on the manual path
    }
    m_consent = ConsentRecord{decision, m_now(), QString::fromLatin1(kConsentNoticeVersion), m_language};
    qCInfo(lcGui).noquote() << "consent:" << consentDecisionName() << kConsentNoticeVersion;
    setScreen(Screen::NotBuilt);
    return true;
}

bool RegistrationWorkflow::agreeToFaceCheck()
{
    return recordConsent(ConsentDecision::FaceCheck);
}

bool RegistrationWorkflow::chooseManualCheck()
{
    return recordConsent(ConsentDecision::ManualCheck);
}

QString RegistrationWorkflow::nextStep() const
{
    if (m_screen != Screen::NotBuilt)
        return {};
    switch (m_consent.decision) {
    case ConsentDecision::FaceCheck: return QStringLiteral("liveness");
    case ConsentDecision::ManualCheck: return QStringLiteral("manual_review");
    case ConsentDecision::None: break;
    }
    return {};
}

void RegistrationWorkflow::cancelRegistration()
{
    if (m_screen != Screen::CustomerForm && m_screen != Screen::IdPhoto && m_screen != Screen::Consent &&
        m_screen != Screen::NotBuilt)
        return;
    endRegistration();
    setScreen(Screen::Home);
}

void RegistrationWorkflow::noteActivity()
{
    if (m_screen != Screen::Login)
        m_idleTimer.start();
}

void RegistrationWorkflow::endRegistration()
{
    m_registration.reset();
    m_form.clear();
    m_idPhoto.clear();
    m_idPortrait = {};
    m_consent = {};
}

void RegistrationWorkflow::setScreen(Screen next)
{
    if (next == Screen::Login)
        m_idleTimer.stop();
    else
        m_idleTimer.start();
    if (next == m_screen)
        return;
    m_screen = next;
    emit screenChanged();
}

void RegistrationWorkflow::setLoginError(QString code, QString message)
{
    if (code != QLatin1String("locked"))
        m_lockSecondsRemaining = 0;
    if (code == m_loginErrorCode && message == m_loginError)
        return;
    m_loginErrorCode = std::move(code);
    m_loginError = std::move(message);
    emit loginErrorChanged();
}

} // namespace simkyc::app

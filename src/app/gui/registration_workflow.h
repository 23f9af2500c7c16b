// RegistrationWorkflow: the kiosk's one state machine, from the clerk's sign-in to the customer
// form (the later steps, ID capture to outcome, are not built yet and end on Screen::NotBuilt).
//   LoggedOut --login ok--> Idle --startRegistration--> EnteringCustomer --continue (form valid)-->
//   NotBuilt;  cancel: EnteringCustomer/NotBuilt -> Idle;  logout or idle timeout: any -> LoggedOut.
// Guarantees:
//  - sign-in goes through a LoginChecker (store::StaffRepository: scrypt hashes, lockout after the
//    policy's failures), one check at a time (busy meanwhile); a locked account shows the time left,
//    counted down every second, and is refused by the repository itself, never by this class alone;
//  - after the idle limit without noteActivity() a signed-in clerk is signed out, and any
//    customer data typed so far is wiped (CustomerFormModel::clear) whenever a registration ends;
//  - a registration is a core::Registration in Draft while its customer data is typed; screen
//    changes happen only through the transitions above (illegal requests are ignored and logged);
//  - passwords are never stored or logged, and not kept beyond their check.
// Thread-safety: GUI thread only. Depends on Qt Core only (testable without QML).
#pragma once

#include "app/gui/customer_form_model.h"
#include "app/gui/login_checker.h"
#include "core/registration.h"
#include "store/record_id.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace simkyc::app {

inline constexpr std::chrono::minutes kDefaultIdleLock{5};

class RegistrationWorkflow : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString screen READ screenName NOTIFY screenChanged)
    Q_PROPERTY(QString clerkName READ clerkName NOTIFY screenChanged)
    Q_PROPERTY(QString loginError READ loginError NOTIFY loginErrorChanged)
    Q_PROPERTY(QString loginErrorCode READ loginErrorCode NOTIFY loginErrorChanged)
    Q_PROPERTY(int lockSecondsRemaining READ lockSecondsRemaining NOTIFY loginErrorChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString demoHint READ demoHint CONSTANT)
    Q_PROPERTY(int idleLockMinutes READ idleLockMinutes CONSTANT)
    Q_PROPERTY(CustomerFormModel *form READ form CONSTANT)

public:
    enum class Screen { Login, Home, CustomerForm, NotBuilt };
    Q_ENUM(Screen)

    using NowFn = std::function<store::Clock::time_point()>;

    // checker must outlive the workflow. demoHint: shown on the login screen ("" outside demo mode).
    // idleLock: signed out after this long without input (at least 100 ms; tests use short ones).
    // now: the clock of the lockout countdown and of "today" (tests pass a fake one).
    RegistrationWorkflow(LoginChecker &checker, QString demoHint = {},
                         std::chrono::milliseconds idleLock = kDefaultIdleLock, NowFn now = {},
                         QObject *parent = nullptr);

    [[nodiscard]] Screen screen() const { return m_screen; }
    // "login", "home", "customer_form", "not_built" (stable; QML picks the page by it).
    [[nodiscard]] QString screenName() const;
    [[nodiscard]] QString clerkName() const { return m_clerkName; }
    [[nodiscard]] QString loginError() const { return m_loginError; }
    // "", "missing_input", "wrong_credentials", "locked", "idle_timeout", "store_error".
    [[nodiscard]] QString loginErrorCode() const { return m_loginErrorCode; }
    [[nodiscard]] int lockSecondsRemaining() const { return m_lockSecondsRemaining; }
    // True while a sign-in is being checked (login() is ignored meanwhile).
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString demoHint() const { return m_demoHint; }
    // The idle limit in whole minutes, rounded up (for display).
    [[nodiscard]] int idleLockMinutes() const;
    [[nodiscard]] CustomerFormModel *form() { return &m_form; }
    // The registration being typed, while one is (Screen::CustomerForm and Screen::NotBuilt).
    [[nodiscard]] const std::optional<core::Registration> &registration() const { return m_registration; }

    // Starts a check; its outcome changes the screen or the login error (with a DirectLoginChecker
    // before login() returns). The password is not kept.
    Q_INVOKABLE void login(const QString &name, const QString &password);
    Q_INVOKABLE void logout();
    Q_INVOKABLE void startRegistration();
    // Only with a valid form; leads to the honest "not built yet" screen.
    Q_INVOKABLE bool continueRegistration();
    Q_INVOKABLE void cancelRegistration();
    // Any key or pointer input: restarts the idle timer. The window calls it, not QML.
    Q_INVOKABLE void noteActivity();

    // Recomputes the lockout countdown from the clock (the 1 s timer calls it; tests call it).
    void updateLockCountdown();
    // Signs out as the idle timer does (tests call it instead of waiting minutes).
    void lockForIdle();

signals:
    void screenChanged();
    void loginErrorChanged();
    void busyChanged();

private:
    void onChecked(const LoginReply &reply);
    void setBusy(bool busy);
    void setScreen(Screen next);
    void setLoginError(QString code, QString message);
    void endRegistration();

    LoginChecker &m_checker;
    bool m_busy = false;
    QString m_demoHint;
    std::chrono::milliseconds m_idleLock;
    NowFn m_now;
    Screen m_screen = Screen::Login;
    QString m_clerkName;
    QString m_loginError;
    QString m_loginErrorCode;
    int m_lockSecondsRemaining = 0;
    std::optional<store::Clock::time_point> m_lockedUntil;
    CustomerFormModel m_form;
    std::optional<core::Registration> m_registration;
    QTimer m_idleTimer;
    QTimer m_countdownTimer;
};

} // namespace simkyc::app

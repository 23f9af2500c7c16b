// RegistrationWorkflow: the kiosk's one state machine, from the clerk's sign-in to the customer's
// consent (the later steps, liveness to outcome, are not built yet and end on Screen::NotBuilt).
//   LoggedOut --login ok--> Idle --startRegistration--> EnteringCustomer --continue (form valid)-->
//   IdPhoto --acceptIdPhoto (a portrait found)--> Consent --agreeToFaceCheck--> NotBuilt (next: liveness)
//                                                        --chooseManualCheck--> NotBuilt (next: manual review)
//   cancel: EnteringCustomer/IdPhoto/Consent/NotBuilt -> Idle;  logout or idle timeout: any -> LoggedOut.
// Guarantees:
//  - sign-in goes through a LoginChecker (store::StaffRepository: scrypt hashes, lockout after the
//    policy's failures), one check at a time (busy meanwhile); a locked account shows the time left,
//    counted down every second, and is refused by the repository itself, never by this class alone;
//  - after the idle limit without noteActivity() a signed-in clerk is signed out;
//  - whenever a registration ends (cancel, sign-out, idle) the customer data typed
//    (CustomerFormModel::clear), the ID document, the ID portrait and the consent decision are
//    dropped from memory; none of them is ever written to disk by this class;
//  - a registration is a core::Registration moved only by core's transition table: Draft while the
//    data is typed and the ID photo chosen, IdCaptured once a portrait is accepted, Consented once
//    the customer agrees to the face check. core has no IdCaptured -> ManualReview transition, so a
//    customer choosing the manual check stays IdCaptured with ConsentDecision::ManualCheck (and the
//    ID portrait is dropped: no face data on that path) until the manual-review slice adds it;
//  - screen changes happen only through the transitions above (illegal requests are ignored, logged);
//  - passwords are never stored or logged, and not kept beyond their check.
// Thread-safety: GUI thread only. Depends on Qt Core only (testable without QML).
#pragma once

#include "app/gui/consent_notice.h"
#include "app/gui/customer_form_model.h"
#include "app/gui/id_photo_model.h"
#include "app/gui/login_checker.h"
#include "core/registration.h"
#include "store/record_id.h"
#include "vision/image.h"

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
    Q_PROPERTY(IdPhotoModel *idPhoto READ idPhoto CONSTANT)
    Q_PROPERTY(QVariantList consentNotice READ consentNotice NOTIFY screenChanged)
    Q_PROPERTY(QString consentDecision READ consentDecisionName NOTIFY screenChanged)
    Q_PROPERTY(QString nextStep READ nextStep NOTIFY screenChanged)

public:
    enum class Screen { Login, Home, CustomerForm, IdPhoto, Consent, NotBuilt };
    Q_ENUM(Screen)

    using NowFn = std::function<store::Clock::time_point()>;

    // checker and finder must outlive the workflow. demoHint: shown on the login screen ("" outside demo mode).
    // idleLock: signed out after this long without input (at least 100 ms; tests use short ones).
    // now: the clock of the lockout countdown and of "today" (tests pass a fake one).
    RegistrationWorkflow(LoginChecker &checker, IdPortraitFinder &finder, QString demoHint = {},
                         std::chrono::milliseconds idleLock = kDefaultIdleLock, NowFn now = {},
                         QObject *parent = nullptr);

    [[nodiscard]] Screen screen() const { return m_screen; }
    // "login", "home", "customer_form", "id_photo", "consent", "not_built" (stable; QML picks the page).
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
    [[nodiscard]] IdPhotoModel *idPhoto() { return &m_idPhoto; }
    // The registration in progress, while one is (Screen::CustomerForm to Screen::NotBuilt).
    [[nodiscard]] const std::optional<core::Registration> &registration() const { return m_registration; }
    // The accepted ID portrait (102:126 crop), from acceptIdPhoto() until the registration ends or the
    // customer chooses the manual check; empty otherwise. Memory only.
    [[nodiscard]] const vision::Image &idPortrait() const { return m_idPortrait; }
    // The customer's decision on the consent screen, for the later slice to store with the record.
    [[nodiscard]] const ConsentRecord &consent() const { return m_consent; }
    [[nodiscard]] QString consentDecisionName() const { return app::consentDecisionName(m_consent.decision); }
    [[nodiscard]] QVariantList consentNotice() const { return app::consentNotice(); }
    // On Screen::NotBuilt: "liveness" (consent given) or "manual_review" (manual check chosen).
    [[nodiscard]] QString nextStep() const;
    // The language the consent notice is shown in (recorded with the consent); "en" by default.
    void setLanguage(const QString &language) { m_language = language; }

    // Starts a check; its outcome changes the screen or the login error (with a DirectLoginChecker
    // before login() returns). The password is not kept.
    Q_INVOKABLE void login(const QString &name, const QString &password);
    Q_INVOKABLE void logout();
    Q_INVOKABLE void startRegistration();
    // Only with a valid form; leads to the ID photo step.
    Q_INVOKABLE bool continueRegistration();
    // Only on the ID photo step with a portrait found: Draft -> IdCaptured, then the consent screen.
    Q_INVOKABLE bool acceptIdPhoto();
    // Consent screen: IdCaptured -> Consented, decision FaceCheck; next (not built): liveness.
    Q_INVOKABLE bool agreeToFaceCheck();
    // Consent screen: decision ManualCheck, the ID portrait dropped; next (not built): manual review.
    Q_INVOKABLE bool chooseManualCheck();
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
    bool recordConsent(ConsentDecision decision);

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
    IdPhotoModel m_idPhoto;
    std::optional<core::Registration> m_registration;
    vision::Image m_idPortrait;
    ConsentRecord m_consent;
    QString m_language = QStringLiteral("en");
    QTimer m_idleTimer;
    QTimer m_countdownTimer;
};

} // namespace simkyc::app

// RegistrationWorkflow: the kiosk's one state machine, from the clerk's sign-in to the stored record.
//   LoggedOut --login ok--> Idle --startRegistration--> EnteringCustomer --continue (form valid)-->
//   IdPhoto --acceptIdPhoto (a portrait found)--> Consent
//     --agreeToFaceCheck--> FaceCheck (liveness on the camera, then the match with the ID portrait)
//         passed + matched: the record is stored (Recorded, match)                   --> Outcome "passed"
//         liveness failed or face mismatch                                            --> Outcome "failed"
//            retryFaceCheck (attempts left: 3 per customer per 10 minutes) --> FaceCheck
//            handToManager: stored as ManualReview (the manager decides)     --> Outcome "manual_review"
//            finishRegistration: stored as Recorded, no_match                --> Home
//     --chooseManualCheck--> stored as ManualReview, no face data            --> Outcome "manual_review"
//   Outcome --finishRegistration--> Idle.  cancel: EnteringCustomer..FaceCheck -> Idle;
//   Idle --openDayView (managers)--> DayView --closeDayView--> Idle;
//   DayView --openRecord--> RecordDetail (approve/flag, or the manual decision) --closeRecord--> DayView;
//   DayView --openAuditLog--> AuditLog --closeAuditLog--> DayView;
//   Idle --openStaff (managers)--> Staff (add a clerk, new password, lock) --closeStaff--> Idle;
//   Idle --openSettings (managers)--> Settings (thresholds, retention) --closeSettings--> Idle;
//   logout or idle timeout: any -> LoggedOut.
// Guarantees:
//  - sign-in goes through a LoginChecker (store::StaffRepository: scrypt hashes, lockout after the
//    policy's failures), one check at a time (busy meanwhile); a locked account shows the time left,
//    counted down every second, and is refused by the repository itself, never by this class alone;
//  - after the idle limit without noteActivity() a signed-in clerk is signed out;
//  - a registration is a core::Registration moved only by core's transition table; its record is
//    stored once, at its end, through the RegistrationRecorder (encrypted, with its outbox row);
//  - a face-check outcome that was not stored yet is never dropped: signing out, the idle lock or
//    "next customer" store it as failed (no_match) first; a store error keeps it in memory and the
//    outcome screen offers to save again;
//  - whenever a registration ends the customer data typed (CustomerFormModel::clear), the ID document,
//    the ID portrait, the live frames and the consent decision are dropped from memory; none of them
//    is written to disk by this class except inside the encrypted record;
//  - the customer is shown pass or fail, never the match distance or a score;
//  - screen changes happen only through the transitions above (illegal requests are ignored, logged);
//  - passwords are never stored or logged, and not kept beyond their check.
// Thread-safety: GUI thread only. Depends on Qt Core only (testable without QML).
#pragma once

#include "app/gui/audit_view_model.h"
#include "app/gui/clerk_signals_model.h"
#include "app/gui/consent_notice.h"
#include "app/gui/customer_form_model.h"
#include "app/gui/day_view_model.h"
#include "app/gui/face_check_service.h"
#include "app/gui/face_check_view.h"
#include "app/gui/id_photo_model.h"
#include "app/gui/login_checker.h"
#include "app/gui/record_detail_model.h"
#include "app/gui/screen_flash.h"
#include "app/gui/settings_view_model.h"
#include "app/gui/sim_reconciliation_model.h"
#include "app/gui/staff_view_model.h"
#include "app/registration_recorder.h"
#include "core/attempt_limit.h"
#include "core/registration.h"
#include "store/record_id.h"
#include "sync/quota_checker.h"
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
    // Why the form did not continue although it is valid, in words ("" otherwise), and its code:
    // "quota_reached" (the ID number holds quota.max_per_id numbers here), "store_error".
    Q_PROPERTY(QString formRefusal READ formRefusal NOTIFY formRefusalChanged)
    Q_PROPERTY(QString formRefusalCode READ formRefusalCode NOTIFY formRefusalChanged)
    // True while the carrier is asked about the ID number's places (the form waits, Continue is off).
    Q_PROPERTY(bool quotaChecking READ quotaChecking NOTIFY formRefusalChanged)
    Q_PROPERTY(QVariantList consentNotice READ consentNotice NOTIFY screenChanged)
    Q_PROPERTY(QString consentDecision READ consentDecisionName NOTIFY screenChanged)
    Q_PROPERTY(FaceCheckView *faceCheck READ faceCheck CONSTANT)
    Q_PROPERTY(ScreenFlash *screenFlash READ screenFlash CONSTANT) // the screen-light challenge's colours
    Q_PROPERTY(DayViewModel *dayView READ dayView CONSTANT)
    Q_PROPERTY(ClerkSignalsModel *clerkSignals READ clerkSignals CONSTANT)                // the day view's "Clerks"
    Q_PROPERTY(SimReconciliationModel *simReconciliation READ simReconciliation CONSTANT) // its "SIMs"
    Q_PROPERTY(RecordDetailModel *recordDetail READ recordDetail CONSTANT)
    Q_PROPERTY(AuditViewModel *auditView READ auditView CONSTANT)
    Q_PROPERTY(StaffViewModel *staffView READ staffView CONSTANT)
    Q_PROPERTY(SettingsViewModel *settingsView READ settingsView CONSTANT)
    Q_PROPERTY(bool isManager READ isManager NOTIFY screenChanged) // the signed-in member is a manager
    // Outcome screen: "passed", "failed", "manual_review", "not_stored" ("" elsewhere).
    Q_PROPERTY(QString outcome READ outcome NOTIFY outcomeChanged)
    Q_PROPERTY(QStringList outcomeReasons READ outcomeReasons NOTIFY outcomeChanged) // for the clerk, in words
    Q_PROPERTY(QString outcomeMessage READ outcomeMessage NOTIFY outcomeChanged)     // the store error, if any
    Q_PROPERTY(QString recordId READ recordId NOTIFY outcomeChanged)                 // "" until stored
    Q_PROPERTY(QString syncState READ syncState NOTIFY outcomeChanged)
    Q_PROPERTY(QString syncWords READ syncWords NOTIFY outcomeChanged) // the upload state in words
    Q_PROPERTY(bool canRetry READ canRetry NOTIFY outcomeChanged)
    Q_PROPERTY(int maxFaceChecks READ maxFaceChecks NOTIFY outcomeChanged)
    // The language the screens are shown in ("en", "zh_CN", "de"); the customer may switch it on
    // their screens (consent, face check, outcome); back to the kiosk's own when the registration ends.
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)

public:
    enum class Screen {
        Login,
        Home,
        CustomerForm,
        IdPhoto,
        Consent,
        FaceCheck,
        Outcome,
        DayView,
        RecordDetail,
        AuditLog,
        Staff,
        Settings
    };
    Q_ENUM(Screen)

    using NowFn = std::function<store::Clock::time_point()>;

    // checker and finder must outlive the workflow. demoHint: shown on the login screen ("" outside demo mode).
    // idleLock: signed out after this long without input (at least 100 ms; tests use short ones).
    // now: the clock of the lockout countdown and of "today" (tests pass a fake one).
    RegistrationWorkflow(LoginChecker &checker, IdPortraitFinder &finder, QString demoHint = {},
                         std::chrono::milliseconds idleLock = kDefaultIdleLock, NowFn now = {},
                         QObject *parent = nullptr);

    [[nodiscard]] Screen screen() const { return m_screen; }
    // "login", "home", "customer_form", "id_photo", "consent", "face_check", "outcome", "day_view",
    // "record_detail", "audit_log", "staff" (stable; QML picks the page).
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
    [[nodiscard]] QString formRefusal() const { return m_formRefusal; }
    [[nodiscard]] QString formRefusalCode() const { return m_formRefusalCode; }
    [[nodiscard]] bool quotaChecking() const { return m_quotaCheckId != 0; }
    // The carrier's quota check (sync::checkQuotaOnline on the kiosk's UpstreamClient): asked after
    // the local count allowed the registration; `done` must be called exactly once, on this thread.
    // Without it (no upstream configured) the local count decides alone.
    using OnlineQuotaCheck =
        std::function<void(const std::string &idNumber, std::function<void(const sync::QuotaCheckResult &)> done)>;
    void setOnlineQuotaCheck(OnlineQuotaCheck check) { m_onlineQuota = std::move(check); }
    // How this registration's quota was settled: "carrier" (the carrier's verified answer), "local"
    // (no carrier configured), "unconfirmed" (the carrier could not be asked: its receipt decides).
    [[nodiscard]] QString quotaSettledBy() const { return m_quotaSettledBy; }
    // The registration in progress, while one is (Screen::CustomerForm to Screen::Outcome).
    [[nodiscard]] const std::optional<core::Registration> &registration() const { return m_registration; }
    // The accepted ID portrait (102:126 crop), from acceptIdPhoto() until the registration ends or the
    // customer chooses the manual check; empty otherwise. Memory only.
    [[nodiscard]] const vision::Image &idPortrait() const { return m_idPortrait; }
    // The customer's decision on the consent screen, for the later slice to store with the record.
    [[nodiscard]] const ConsentRecord &consent() const { return m_consent; }
    [[nodiscard]] QString consentDecisionName() const { return app::consentDecisionName(m_consent.decision); }
    [[nodiscard]] QVariantList consentNotice() const { return app::consentNotice(); }
    [[nodiscard]] FaceCheckView *faceCheck() { return &m_faceView; }
    [[nodiscard]] ScreenFlash *screenFlash() { return &m_screenFlash; }
    [[nodiscard]] DayViewModel *dayView() { return &m_dayView; }
    [[nodiscard]] ClerkSignalsModel *clerkSignals() { return &m_clerkSignals; }
    [[nodiscard]] SimReconciliationModel *simReconciliation() { return &m_simReconciliation; }
    [[nodiscard]] RecordDetailModel *recordDetail() { return &m_recordDetail; }
    [[nodiscard]] AuditViewModel *auditView() { return &m_auditView; }
    [[nodiscard]] StaffViewModel *staffView() { return &m_staffView; }
    [[nodiscard]] SettingsViewModel *settingsView() { return &m_settingsView; }
    // The face check's settings changed by the manager (match threshold, prompts, seconds per prompt,
    // checks per customer): the next face check and the day's charts use them.
    void applyFaceSettings(const KioskConfig &config);
    // The password hashing of accounts the manager adds or changes (production cost by default).
    void setStaffHashing(crypto::ScryptParams hashing) { m_staffView.setHashing(hashing); }
    [[nodiscard]] bool isManager() const { return m_isManager; }
    // The store the manager's day view reads (must outlive the workflow); without it the view says so.
    void setStore(StoreSession *session)
    {
        m_dayView.setSession(session);
        m_clerkSignals.setSession(session);
        m_simReconciliation.setSession(session);
        m_recordDetail.setSession(session);
        m_auditView.setSession(session);
        m_staffView.setSession(session);
    }
    [[nodiscard]] QString outcome() const { return m_outcome; }
    [[nodiscard]] QStringList outcomeReasons() const;
    [[nodiscard]] QString outcomeMessage() const { return m_outcomeMessage; }
    [[nodiscard]] QString recordId() const
    {
        return QString::fromStdString(m_recorded ? m_recorded->id : std::string());
    }
    [[nodiscard]] QString syncState() const
    {
        return QString::fromStdString(m_recorded ? m_recorded->syncState : std::string());
    }
    [[nodiscard]] bool canRetry() const;
    // Face checks allowed per customer in 10 minutes (liveness.max_sessions).
    [[nodiscard]] int maxFaceChecks() const { return m_attempts.maxAttempts(); }
    // The reason code in words for the clerk ("" for an unknown one).
    [[nodiscard]] static QString reasonWords(const QString &code);
    // An upload state (registrations.sync_state) in words; the code itself when it has none.
    [[nodiscard]] static QString syncStateWords(const QString &state);
    [[nodiscard]] QString syncWords() const { return syncStateWords(syncState()); }

    // Where the face check gets its frames: a camera (device index or path) or, for demos and
    // tests, a recording with the prompts at the times its person performs them.
    struct FaceSource {
        std::string spec;                                     // "" = no camera configured: the face check says so
        std::vector<vision::ChallengePrompt> recordingScript; // empty: random prompts, one after the other
        bool recording = false;
        std::string noCameraWhy;     // with an empty spec: what was looked for (the demo's search), shown on screen
        int promptCount = 3;         // random prompts (liveness.challenges, 2..5)
        double promptTimeoutS = 6.0; // per prompt (liveness.timeout_s, 3..15)
        double matchThreshold = vision::kDefaultMatchThreshold;     // match.threshold (0.45..0.65)
        double passiveThreshold = vision::PassiveCheck{}.threshold; // liveness.passive_threshold
        bool requirePassiveModel = true; // liveness.require_passive_model (main_gui: false in the demo)
        bool screenLight = true;         // liveness.screen_light: on cameras only (a recording cannot answer it)
        vision::CameraOptions camera;    // camera.width/height/fps/allow_virtual
        int maxSessions = core::kDefaultMaxFaceAttempts; // per customer in 10 minutes (liveness.max_sessions, 1..5)
    };
    // The face check's back end (both must outlive the workflow). Without it the face check screen
    // says the back end is missing and offers the manual check.
    void setFaceCheck(FaceCheckService *service, RegistrationRecorder *recorder, FaceSource source);
    // The kiosk's language (recorded with the consent); "en" by default.
    void setLanguage(const QString &language) { m_language = m_kioskLanguage = language; }
    [[nodiscard]] QString language() const { return m_language; }
    // Installs a language's translation and retranslates the screens (the window sets it); false when
    // it could not. Without one, switchLanguage() refuses.
    using LanguageSwitch = std::function<bool(const QString &language)>;
    void setLanguageSwitch(LanguageSwitch languageSwitch) { m_languageSwitch = std::move(languageSwitch); }
    // The customer's choice on their screens: "en", "zh_CN" or "de". False elsewhere, or for another language.
    Q_INVOKABLE bool switchLanguage(const QString &language);

    // Starts a check; its outcome changes the screen or the login error (with a DirectLoginChecker
    // before login() returns). The password is not kept.
    Q_INVOKABLE void login(const QString &name, const QString &password);
    Q_INVOKABLE void logout();
    Q_INVOKABLE void startRegistration();
    // Only with a valid form; leads to the ID photo step.
    Q_INVOKABLE bool continueRegistration();
    // Only on the ID photo step with a portrait found: Draft -> IdCaptured, then the consent screen.
    Q_INVOKABLE bool acceptIdPhoto();
    // Consent screen: IdCaptured -> Consented, decision FaceCheck; starts the face check.
    Q_INVOKABLE bool agreeToFaceCheck();
    // Consent screen: decision ManualCheck, the ID portrait dropped; IdCaptured -> ManualReview, stored.
    Q_INVOKABLE bool chooseManualCheck();
    // Outcome "failed" with attempts left, or the face check's error screen: a new session.
    Q_INVOKABLE bool retryFaceCheck();
    // Outcome "failed" or the face check's error screen: stored as ManualReview for the manager.
    Q_INVOKABLE bool handToManager();
    // Outcome "not_stored": tries to store the record again.
    Q_INVOKABLE bool saveAgain();
    // Outcome: stores a failure not stored yet (no_match), then back to Home for the next customer.
    Q_INVOKABLE bool finishRegistration();
    // Home, managers only: today's registrations (each customer field read is audited).
    Q_INVOKABLE bool openDayView();
    // Day view: back to Home; the rows are dropped.
    Q_INVOKABLE void closeDayView();
    // Day view: the day's report ("csv" or "pdf") into the export folder; "Saved as <path>" or the
    // error, in words.
    Q_INVOKABLE QString exportDayReport(const QString &format = QStringLiteral("csv"));
    // Day view: one record in full (audited reads) with the review decisions.
    Q_INVOKABLE bool openRecord(const QString &recordId);
    // Record detail: back to the day view, reloaded; the record's clear data is dropped.
    Q_INVOKABLE void closeRecord();
    // Day view: the audit log and its chain verification (the view itself is audited).
    Q_INVOKABLE bool openAuditLog();
    Q_INVOKABLE void closeAuditLog();
    // Home, managers only: the staff accounts.
    Q_INVOKABLE bool openStaff();
    Q_INVOKABLE void closeStaff();
    Q_INVOKABLE bool openSettings();
    Q_INVOKABLE void closeSettings();
    // Where exportDayReport() writes (the kiosk's data folder's "reports" by default).
    void setReportFolder(const QString &folder) { m_reportFolder = folder; }
    Q_INVOKABLE void cancelRegistration();
    // Any key or pointer input: restarts the idle timer. The window calls it, not QML.
    Q_INVOKABLE void noteActivity();

    // Recomputes the lockout countdown from the clock (the 1 s timer calls it; tests call it).
    void updateLockCountdown();
    // Signs out as the idle timer does (tests call it instead of waiting minutes).
    void lockForIdle();

signals:
    void screenChanged();
    void outcomeChanged();
    void loginErrorChanged();
    void busyChanged();
    void languageChanged();
    void formRefusalChanged();

private:
    void onChecked(const LoginReply &reply);
    void setBusy(bool busy);
    void setScreen(Screen next);
    void setLoginError(QString code, QString message);
    void setFormRefusal(QString code, QString message);
    // The quota gate (RegistrationRecorder::checkQuota) for the form's ID number; false (and the
    // refusal set) when the registration may not go on.
    bool quotaAllows();
    // The carrier's answer for check `checkId` (ignored when the form moved on or another started).
    void onQuotaAnswer(int checkId, const sync::QuotaCheckResult &result);
    void enterIdPhoto();
    void endRegistration();
    bool recordConsent(ConsentDecision decision);
    void startFaceCheck();
    void onModelsLoaded(bool ok);
    void onFaceProgress(const FaceCheckProgress &progress);
    void onFaceFinished(const FaceCheckReply &reply);
    [[nodiscard]] std::string attemptKey() const;
    [[nodiscard]] store::CustomerPii customerPii() const;
    // Moves the registration along `path`, stores `record` with the final state, shows the outcome.
    void store(store::NewRegistration record, const QString &outcome);
    void setOutcome(const QString &outcome, const QString &message = {});
    bool storeUnsavedFailure();
    // On the face check screen with the check not running (an error, no camera, no models, too many
    // attempts) and the registration still Consented: a retry or the manager's check may follow.
    [[nodiscard]] bool faceCheckStopped() const;

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
    std::int64_t m_clerkId = 0;
    bool m_isManager = false;
    QString m_reportFolder;
    DayViewModel m_dayView{nullptr, &RegistrationWorkflow::reasonWords};
    ClerkSignalsModel m_clerkSignals;
    SimReconciliationModel m_simReconciliation;
    RecordDetailModel m_recordDetail{nullptr, &RegistrationWorkflow::reasonWords};
    AuditViewModel m_auditView{nullptr};
    StaffViewModel m_staffView{nullptr};
    SettingsViewModel m_settingsView;
    bool m_dayViewStale = false; // a decision was recorded since the day view was read
    FaceCheckService *m_faceService = nullptr;
    RegistrationRecorder *m_recorder = nullptr;
    FaceSource m_faceSource;
    FaceCheckView m_faceView;
    ScreenFlash m_screenFlash;
    vision::ColourSchedule m_screenLight;    // the running check's colours
    mutable core::AttemptLimiter m_attempts; // mutable: remaining() forgets old attempts
    vision::ChallengePlanner m_planner;
    int m_faceRequestId = 0;
    std::optional<store::NewRegistration> m_unsaved; // an outcome not stored yet (failure or store error)
    QString m_unsavedOutcome;                        // the outcome m_unsaved shows once stored
    std::optional<RecordedRegistration> m_recorded;
    std::vector<std::string> m_storedReasons; // the stored record's reasons, for the outcome screen
    QString m_outcome;
    QString m_outcomeMessage;
    QString m_formRefusal;
    OnlineQuotaCheck m_onlineQuota;
    int m_quotaCheckId = 0; // the check in flight, 0 when none
    int m_quotaChecksStarted = 0;
    QString m_quotaSettledBy = QStringLiteral("local");
    int m_staffFacesChecked = 0; // staff faces the running face check compares with (its record says so)
    QString m_formRefusalCode;
    QString m_language = QStringLiteral("en");
    QString m_kioskLanguage = QStringLiteral("en"); // the language the registration ends in
    LanguageSwitch m_languageSwitch;
    // Switches the screens' language (no screen check); false when the switch failed.
    bool applyLanguage(const QString &language);
    QTimer m_idleTimer;
    QTimer m_countdownTimer;
    int m_faceChecks = 0; // face checks started for the registration in progress (stored with it)
};

} // namespace simkyc::app

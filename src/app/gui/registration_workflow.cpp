#include "app/gui/registration_workflow.h"

#include "app/gui/code_words.h"
#include "app/gui/gui_log.h"
#include "app/gui/local_time.h"

#include "app/face_registration.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>

#include <chrono>
#include <filesystem>

namespace simkyc::app {
namespace {

// Translation context "RegistrationWorkflow" named explicitly: tr() would use the qualified class name, which
// lupdate does not derive from `namespace simkyc::app`.

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
    connect(&m_recordDetail, &RecordDetailModel::decided, this, [this] { m_dayViewStale = true; });
    connect(&m_form, &CustomerFormModel::changed, this, [this] { setFormRefusal({}, {}); });
}

void RegistrationWorkflow::setFaceCheck(FaceCheckService *service, RegistrationRecorder *recorder, FaceSource source)
{
    if (m_faceService != nullptr)
        disconnect(m_faceService, nullptr, this, nullptr);
    m_faceService = service;
    m_recorder = recorder;
    m_faceSource = std::move(source);
    m_faceSource.promptCount = std::clamp(m_faceSource.promptCount, 2, 5);
    m_attempts = core::AttemptLimiter(std::clamp(m_faceSource.maxSessions, 1, 5), core::kDefaultAttemptWindow);
    if (service == nullptr)
        return;
    connect(service, &FaceCheckService::modelsLoaded, this, &RegistrationWorkflow::onModelsLoaded);
    connect(service, &FaceCheckService::progress, this, &RegistrationWorkflow::onFaceProgress);
    connect(service, &FaceCheckService::finished, this, &RegistrationWorkflow::onFaceFinished);
    connect(service, &FaceCheckService::screenLightStarted, this, [this](int requestId) {
        if (requestId != m_faceRequestId || m_screen != Screen::FaceCheck)
            return;
        const vision::ScreenLightChallenge timing;
        m_screenFlash.start(m_screenLight, timing.leadInMs, timing.config.maxDelayMs + timing.config.exposureMs);
    });
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
    case Screen::FaceCheck: return QStringLiteral("face_check");
    case Screen::Outcome: return QStringLiteral("outcome");
    case Screen::DayView: return QStringLiteral("day_view");
    case Screen::RecordDetail: return QStringLiteral("record_detail");
    case Screen::AuditLog: return QStringLiteral("audit_log");
    case Screen::Staff: return QStringLiteral("staff");
    case Screen::Settings: return QStringLiteral("settings");
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
        m_clerkId = result.member->id;
        m_isManager = result.member->role == store::StaffRole::Manager;
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
    m_clerkId = 0;
    m_isManager = false;
    m_dayView.clear();
    m_clerkSignals.clear();
    m_simReconciliation.clear();
    m_recordDetail.clear();
    m_auditView.clear();
    m_staffView.clear();
    m_settingsView.clear();
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
    setFormRefusal({}, {});
    m_quotaCheckId = 0;
    m_quotaSettledBy = QStringLiteral("local");
    m_form.setToday(localDateTime(m_now()).date());
    m_registration.emplace(); // Draft
    m_faceChecks = 0;
    setScreen(Screen::CustomerForm);
}

bool RegistrationWorkflow::continueRegistration()
{
    if (m_screen != Screen::CustomerForm || !m_form.valid()) {
        qCWarning(lcGui) << "continue ignored: form not valid or not on the form";
        return false;
    }
    if (m_quotaCheckId != 0)
        return false; // the carrier is being asked
    if (!quotaAllows())
        return false;
    if (!m_onlineQuota) {
        m_quotaSettledBy = QStringLiteral("local");
        enterIdPhoto();
        return true;
    }
    // The carrier's count across every shop; the form waits for it (the client's timeout bounds it).
    const int checkId = ++m_quotaChecksStarted;
    m_quotaCheckId = checkId;
    emit formRefusalChanged();
    m_onlineQuota(m_form.idNumber().trimmed().toStdString(),
                  [this, checkId](const sync::QuotaCheckResult &result) { onQuotaAnswer(checkId, result); });
    return true;
}

void RegistrationWorkflow::enterIdPhoto()
{
    m_idPhoto.clear();
    m_idPhoto.refreshFiles();
    setScreen(Screen::IdPhoto);
}

void RegistrationWorkflow::onQuotaAnswer(int checkId, const sync::QuotaCheckResult &result)
{
    if (checkId != m_quotaCheckId)
        return; // cancelled, signed out, or superseded
    m_quotaCheckId = 0;
    emit formRefusalChanged();
    if (m_screen != Screen::CustomerForm || !m_registration)
        return;
    switch (result.verdict) {
    case sync::QuotaVerdict::Refused:
        qCInfo(lcGui) << "quota reached at the carrier:" << result.activeCount << "of" << result.limit;
        if (Status noted = m_recorder != nullptr
                               ? m_recorder->noteQuotaRefusal(m_clerkId, "carrier", result.activeCount, result.limit)
                               : Status{};
            !noted.ok())
            qCWarning(lcGui).noquote() << "quota audit:" << QString::fromStdString(noted.error().toString());
        setFormRefusal(QStringLiteral("quota_reached"),
                       QCoreApplication::translate("RegistrationWorkflow",
                                                   "This ID number already has %1 SIM numbers with the carrier, in "
                                                   "this or other shops: the most allowed. No new number can be "
                                                   "registered for it.")
                           .arg(result.activeCount));
        return;
    case sync::QuotaVerdict::Allowed: m_quotaSettledBy = QStringLiteral("carrier"); break;
    case sync::QuotaVerdict::Unconfirmed:
        qCWarning(lcGui).noquote() << "quota not confirmed by the carrier:" << QString::fromStdString(result.why);
        m_quotaSettledBy = QStringLiteral("unconfirmed");
        break;
    }
    enterIdPhoto();
}

bool RegistrationWorkflow::quotaAllows()
{
    if (m_recorder == nullptr)
        return true; // no store to count in: the carrier decides alone
    auto quota = m_recorder->checkQuota(m_form.idNumber().trimmed().toStdString(), m_clerkId);
    if (!quota.ok()) {
        qCWarning(lcGui).noquote() << "quota check:" << QString::fromStdString(quota.error().toString());
        setFormRefusal(QStringLiteral("store_error"),
                       QCoreApplication::translate("RegistrationWorkflow",
                                                   "The kiosk could not count this ID number's registrations, so "
                                                   "it cannot go on. Try again; if it happens again, call the "
                                                   "store manager."));
        return false;
    }
    if (quota->full()) {
        qCInfo(lcGui) << "quota reached:" << quota->held << "of" << quota->limit;
        setFormRefusal(QStringLiteral("quota_reached"),
                       QCoreApplication::translate("RegistrationWorkflow",
                                                   "This ID number already has %1 SIM registrations at this kiosk, "
                                                   "the most allowed. No new number can be registered for it. "
                                                   "Failed checks do not count.")
                           .arg(quota->held));
        return false;
    }
    setFormRefusal({}, {});
    return true;
}

void RegistrationWorkflow::setFormRefusal(QString code, QString message)
{
    if (code == m_formRefusalCode && message == m_formRefusal)
        return;
    m_formRefusalCode = std::move(code);
    m_formRefusal = std::move(message);
    emit formRefusalChanged();
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
    const auto next = decision == ConsentDecision::FaceCheck ? core::RegistrationState::Consented
                                                             : core::RegistrationState::ManualReview;
    if (Status moved = m_registration->transitionTo(next); !moved.ok()) {
        qCWarning(lcGui).noquote() << "consent:" << QString::fromStdString(moved.error().toString());
        return false;
    }
    m_consent = ConsentRecord{decision, m_now(), QString::fromLatin1(kConsentNoticeVersion), m_language};
    qCInfo(lcGui).noquote() << "consent:" << consentDecisionName() << kConsentNoticeVersion;
    if (decision == ConsentDecision::FaceCheck) {
        setScreen(Screen::FaceCheck);
        startFaceCheck();
        return true;
    }
    m_idPortrait = {}; // no face data on the manual path
    store::NewRegistration record;
    record.status = core::RegistrationState::ManualReview;
    record.reasonCodes = {"manual_check_requested"};
    record.livenessSummary = "not_run";
    record.biometricPayload = biometricPayloadWithoutFace("manual_check");
    store(std::move(record), QStringLiteral("manual_review"));
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

std::string RegistrationWorkflow::attemptKey() const
{
    const std::string id = m_form.parsedIdNumber() ? m_form.parsedIdNumber()->text : m_form.idNumber().toStdString();
    return QCryptographicHash::hash(QByteArray::fromStdString(id), QCryptographicHash::Sha256).toHex().toStdString();
}

store::CustomerPii RegistrationWorkflow::customerPii() const
{
    store::CustomerPii pii;
    pii.name = m_form.name().trimmed().toStdString();
    pii.idNumber = m_form.parsedIdNumber() ? m_form.parsedIdNumber()->text : m_form.idNumber().toStdString();
    pii.birthDate = m_form.birthDate().toStdString();
    pii.address = m_form.address().trimmed().toStdString();
    pii.phone = m_form.phone().trimmed().toStdString();
    pii.iccid = m_form.iccid().trimmed().toStdString();
    return pii;
}

void RegistrationWorkflow::startFaceCheck()
{
    m_faceView.clear();
    ++m_faceRequestId;
    if (m_faceService == nullptr || m_recorder == nullptr) {
        m_faceView.setStatus(QStringLiteral("no_backend"));
        return;
    }
    if (m_faceSource.spec.empty()) {
        m_faceView.setStatus(QStringLiteral("no_camera"), QString::fromStdString(m_faceSource.noCameraWhy));
        return;
    }
    if (!m_faceService->modelsReady()) {
        if (!m_faceService->modelsError().isEmpty())
            m_faceView.setStatus(QStringLiteral("models_failed"), m_faceService->modelsError());
        else
            m_faceView.setStatus(QStringLiteral("loading_models"));
        return;
    }
    // liveness.require_passive_model: a check without the passive cue is not run, never run silently
    // without it (a phone replaying the customer's video would meet the active checks only).
    if (m_faceSource.requirePassiveModel && !m_faceService->passiveAvailable()) {
        m_faceView.setStatus(QStringLiteral("passive_model_missing"));
        return;
    }
    if (Status space = m_recorder->canRegister(); !space.ok()) {
        m_faceView.setStatus(QStringLiteral("error"), QString::fromStdString(space.error().toString()));
        return;
    }
    // The staff check's faces, before an attempt is counted (a store error costs the customer none).
    auto staff = m_recorder->staffFaces(m_clerkId);
    if (!staff.ok()) {
        m_faceView.setStatus(QStringLiteral("error"), QString::fromStdString(staff.error().toString()));
        return;
    }
    m_staffFacesChecked = static_cast<int>(staff->size());
    const auto now = m_now();
    const std::string key = attemptKey();
    if (!m_attempts.tryStart(key, now)) {
        const QDateTime at = localDateTime(m_attempts.nextAllowedAt(key, now));
        m_faceView.setStatus(
            QStringLiteral("too_many_attempts"),
            QCoreApplication::translate("RegistrationWorkflow",
                                        "This customer had %1 face checks in the last 10 minutes. The next one is "
                                        "possible at %2; or hand over to the manager for a manual check.")
                .arg(m_attempts.maxAttempts())
                .arg(QLocale().toString(at.time(), QLocale::ShortFormat)));
        return;
    }
    ++m_faceChecks;
    FaceCheckRequest request;
    request.staffFaces = std::move(staff).value();
    request.requestId = m_faceRequestId;
    request.sourceSpec = m_faceSource.spec;
    request.idPortrait = m_idPortrait;
    request.camera = m_faceSource.camera;
    request.matchThreshold = m_faceSource.matchThreshold;
    request.passiveThreshold = m_faceSource.passiveThreshold;
    request.config.timeoutMs = m_faceSource.promptTimeoutS * 1000.0;
    if (m_faceSource.recording && !m_faceSource.recordingScript.empty()) {
        request.script = m_faceSource.recordingScript;
    } else {
        auto plan = m_planner.draw(m_faceSource.promptCount);
        if (!plan.ok()) {
            m_faceView.setStatus(QStringLiteral("error"), QString::fromStdString(plan.error().toString()));
            return;
        }
        for (const auto challenge : *plan)
            request.script.push_back(vision::ChallengePrompt{challenge, -1.0});
    }
    m_screenLight = {};
    if (m_faceSource.screenLight && !m_faceSource.recording) {
        // The customer's screen lights the face in random colours; a replay on a phone cannot follow.
        auto colours = vision::drawColourSchedule();
        if (!colours.ok()) {
            m_faceView.setStatus(QStringLiteral("error"), QString::fromStdString(colours.error().toString()));
            return;
        }
        m_screenLight = *colours;
        request.screenLight = m_screenLight;
    }
    m_faceView.startSession(static_cast<int>(request.script.size()), static_cast<int>(request.config.timeoutMs),
                            m_faceSource.recording);
    qCInfo(lcGui) << "face check" << m_faceRequestId << "started:" << request.script.size() << "prompts"
                  << (m_faceSource.recording ? "(recording)" : "(camera)");
    m_faceService->start(std::move(request));
}

void RegistrationWorkflow::onModelsLoaded(bool)
{
    if (m_screen == Screen::FaceCheck && m_faceView.status() == QLatin1String("loading_models"))
        startFaceCheck();
}

void RegistrationWorkflow::onFaceProgress(const FaceCheckProgress &progress)
{
    if (progress.requestId == m_faceRequestId && m_screen == Screen::FaceCheck) {
        m_faceView.update(progress.state, progress.prompt, progress.promptNumber, progress.hints, progress.faceFound);
        m_faceView.setPreview(progress.preview);
    }
    m_faceService->previewTaken();
}

void RegistrationWorkflow::onFaceFinished(const FaceCheckReply &reply)
{
    if (reply.requestId != m_faceRequestId || m_screen != Screen::FaceCheck || !m_registration || reply.cancelled)
        return;                // a cancelled or superseded session
    m_faceView.setPreview({}); // the live frame is not needed any more
    m_screenFlash.stop();
    if (reply.error) {
        qCWarning(lcGui).noquote() << "face check failed:" << QString::fromStdString(reply.error->toString());
        m_faceView.setStatus(QStringLiteral("error"), QString::fromStdString(reply.error->toString()));
        return;
    }
    const FaceCheckOutcome &outcome = reply.outcome;
    qCInfo(lcGui) << "face check" << reply.requestId << "done: liveness" << outcome.livenessPassed << "match"
                  << (outcome.match && outcome.match->match) << "staff" << outcome.staffFace.has_value() << "frames"
                  << reply.frames << "session" << reply.sessionMs << "ms match" << reply.matchMs << "ms";
    using S = core::RegistrationState;
    std::vector<S> path;
    if (!outcome.livenessPassed)
        path = {S::LivenessFailed};
    else if (outcome.passed())
        path = {S::LivenessPassed, S::Matched, S::Recorded};
    else if (outcome.staffFace)
        path = {S::LivenessPassed, S::Mismatched, S::Recorded}; // stored at once: no retry, no hand-over
    else
        path = {S::LivenessPassed, S::Mismatched};
    for (const S next : path) {
        if (Status moved = m_registration->transitionTo(next); !moved.ok()) {
            qCWarning(lcGui).noquote() << "face check:" << QString::fromStdString(moved.error().toString());
            return;
        }
    }
    store::NewRegistration record = outcome.record;
    record.status = S::Recorded;
    record.livenessSummary += ";staff_faces=" + std::to_string(m_staffFacesChecked);
    if (outcome.staffFace) {
        // A staff member's own face: the failure is kept whatever comes next (a retry with glasses
        // on would otherwise replace it), and the audit log names the staff member and the record.
        qCWarning(lcGui) << "face check" << reply.requestId << ": the live face is staff member" << *outcome.staffFace;
        store(std::move(record), QStringLiteral("failed"));
        const std::optional<std::string> recordId =
            m_recorded ? std::optional<std::string>(m_recorded->id) : std::nullopt;
        if (Status noted = m_recorder->noteStaffFace(*outcome.staffFace, m_clerkId, recordId); !noted.ok())
            qCWarning(lcGui).noquote() << "staff face audit:" << QString::fromStdString(noted.error().toString());
        return;
    }
    if (m_registration->state() == S::Recorded) {
        store(std::move(record), QStringLiteral("passed"));
        return;
    }
    m_unsaved = std::move(record); // stored when the clerk finishes, hands over, or signs out
    m_unsavedOutcome = QStringLiteral("failed");
    setOutcome(QStringLiteral("failed"));
    setScreen(Screen::Outcome);
}

bool RegistrationWorkflow::faceCheckStopped() const
{
    return m_screen == Screen::FaceCheck && m_faceView.status() != QLatin1String("running") && m_registration &&
           m_registration->state() == core::RegistrationState::Consented;
}

bool RegistrationWorkflow::retryFaceCheck()
{
    using S = core::RegistrationState;
    if (!m_registration)
        return false;
    const bool afterFailure = m_screen == Screen::Outcome && m_outcome == QLatin1String("failed") && canRetry();
    const bool afterError = faceCheckStopped();
    if (!afterFailure && !afterError) {
        qCWarning(lcGui) << "retry ignored on screen" << screenName();
        return false;
    }
    if (afterFailure) {
        if (Status moved = m_registration->transitionTo(S::Consented); !moved.ok())
            return false;
        m_unsaved.reset(); // the new session's outcome replaces it
        setOutcome({});
        setScreen(Screen::FaceCheck);
    }
    startFaceCheck();
    return true;
}

bool RegistrationWorkflow::handToManager()
{
    using S = core::RegistrationState;
    if (!m_registration)
        return false;
    const bool afterFailure = m_screen == Screen::Outcome && m_outcome == QLatin1String("failed") && m_unsaved;
    const bool afterError = faceCheckStopped();
    if (!afterFailure && !afterError) {
        qCWarning(lcGui) << "hand-over ignored on screen" << screenName();
        return false;
    }
    store::NewRegistration record;
    if (afterFailure) {
        record = std::move(*m_unsaved);
        m_unsaved.reset();
    } else {
        // The face check could not run (camera, models, attempts): liveness was not passed.
        if (Status moved = m_registration->transitionTo(S::LivenessFailed); !moved.ok())
            return false;
        record.reasonCodes = {"face_check_" + m_faceView.status().toStdString()}; // face_check_no_camera, ...
        record.livenessSummary = "not_run";
        record.biometricPayload = biometricPayloadWithoutFace("manual_check");
    }
    if (Status moved = m_registration->transitionTo(S::ManualReview); !moved.ok())
        return false;
    record.status = S::ManualReview;
    record.outcome.reset();
    record.reasonCodes.push_back("handed_to_manager");
    store(std::move(record), QStringLiteral("manual_review"));
    return true;
}

void RegistrationWorkflow::store(store::NewRegistration record, const QString &outcome)
{
    record.clerkId = m_clerkId;
    record.customer = customerPii();
    // The consent travels with the record: decision, notice version and language (codes only;
    // once: a record saved again after a store error has them already).
    if (record.livenessSummary.find(";consent=") == std::string::npos)
        record.livenessSummary +=
            ";consent=" + consentDecisionName().toStdString() + ";notice=" + m_consent.noticeVersion.toStdString() +
            ";lang=" + m_consent.language.toStdString() + ";face_checks=" + std::to_string(m_faceChecks) +
            ";quota=" + m_quotaSettledBy.toStdString();
    m_faceView.clear();
    auto saved = m_recorder != nullptr
                     ? m_recorder->record(record)
                     : Result<RecordedRegistration>(Error{ErrorCode::NotFound, "this kiosk has no store to save to"});
    if (!saved.ok()) {
        qCWarning(lcGui).noquote() << "registration not stored:" << QString::fromStdString(saved.error().toString());
        m_unsaved = std::move(record);
        m_unsavedOutcome = outcome;
        setOutcome(QStringLiteral("not_stored"),
                   m_recorder != nullptr
                       ? QString::fromStdString(saved.error().toString())
                       : QCoreApplication::translate("RegistrationWorkflow", "This kiosk has no store to save to."));
        setScreen(Screen::Outcome);
        return;
    }
    qCInfo(lcGui).noquote() << "registration stored:" << QString::fromStdString(saved->id) << "status"
                            << QString::fromStdString(saved->status) << "outcome" << outcome;
    m_unsaved.reset();
    m_recorded = *saved;
    m_storedReasons = record.reasonCodes;
    setOutcome(outcome);
    setScreen(Screen::Outcome);
}

bool RegistrationWorkflow::saveAgain()
{
    if (m_screen != Screen::Outcome || m_outcome != QLatin1String("not_stored") || !m_unsaved)
        return false;
    store::NewRegistration record = std::move(*m_unsaved);
    m_unsaved.reset();
    store(std::move(record), m_unsavedOutcome);
    return m_outcome != QLatin1String("not_stored");
}

bool RegistrationWorkflow::storeUnsavedFailure()
{
    if (!m_unsaved || !m_registration)
        return true;
    if (m_outcome == QLatin1String("failed") && !m_registration->transitionTo(core::RegistrationState::Recorded).ok())
        return false;
    store::NewRegistration record = std::move(*m_unsaved);
    m_unsaved.reset();
    store(std::move(record), m_unsavedOutcome);
    return m_outcome != QLatin1String("not_stored");
}

bool RegistrationWorkflow::finishRegistration()
{
    if (m_screen != Screen::Outcome) {
        qCWarning(lcGui) << "finish ignored on screen" << screenName();
        return false;
    }
    if (!storeUnsavedFailure())
        return false; // "not_stored" stays on screen: nothing is dropped
    endRegistration();
    setScreen(Screen::Home);
    return true;
}

bool RegistrationWorkflow::openDayView()
{
    if (m_screen != Screen::Home || !m_isManager) {
        qCWarning(lcGui) << "day view refused: only a manager, from the home screen";
        return false;
    }
    m_dayView.refresh(m_clerkId, m_now());
    const QDate utcDay = localDateTime(m_now()).toUTC().date();
    m_clerkSignals.refresh(utcDay);
    m_simReconciliation.prepare(utcDay.toString(Qt::ISODate), m_clerkId, m_reportFolder);
    setScreen(Screen::DayView);
    return true;
}

void RegistrationWorkflow::closeDayView()
{
    if (m_screen != Screen::DayView)
        return;
    m_dayView.clear();
    m_clerkSignals.clear();
    m_simReconciliation.clear();
    setScreen(Screen::Home);
}

QString RegistrationWorkflow::exportDayReport(const QString &format)
{
    if (m_screen != Screen::DayView)
        return {};
    if (m_reportFolder.isEmpty())
        return QCoreApplication::translate("RegistrationWorkflow", "No report folder is configured.");
    std::error_code ec;
    std::filesystem::create_directories(m_reportFolder.toStdString(), ec);
    const QString path = format == QLatin1String("pdf")
                             ? m_dayView.exportPdf(m_reportFolder, m_clerkName, m_clerkSignals.reportLines(),
                                                   m_simReconciliation.reportLines())
                             : m_dayView.exportCsv(m_reportFolder);
    if (path.isEmpty())
        return QCoreApplication::translate("RegistrationWorkflow", "Not saved: %1").arg(m_dayView.error());
    return QCoreApplication::translate("RegistrationWorkflow", "Saved as %1").arg(path);
}

bool RegistrationWorkflow::openRecord(const QString &recordId)
{
    if (m_screen != Screen::DayView || !m_isManager) {
        qCWarning(lcGui) << "record detail refused: only a manager, from the day view";
        return false;
    }
    m_recordDetail.open(recordId, m_clerkId, m_now()); // an unreadable record shows its error
    setScreen(Screen::RecordDetail);
    return true;
}

void RegistrationWorkflow::closeRecord()
{
    if (m_screen != Screen::RecordDetail)
        return;
    m_recordDetail.clear();
    if (m_dayViewStale) { // a decision changed the row and the counts; a reload reads each row again (audited)
        m_dayView.refresh(m_clerkId, m_now());
        m_clerkSignals.refresh(localDateTime(m_now()).toUTC().date());
    }
    m_dayViewStale = false;
    setScreen(Screen::DayView);
}

bool RegistrationWorkflow::openStaff()
{
    if (m_screen != Screen::Home || !m_isManager) {
        qCWarning(lcGui) << "staff accounts refused: only a manager, from the home screen";
        return false;
    }
    m_staffView.refresh(m_clerkId, m_now());
    setScreen(Screen::Staff);
    return true;
}

void RegistrationWorkflow::closeStaff()
{
    if (m_screen != Screen::Staff)
        return;
    m_staffView.clear();
    setScreen(Screen::Home);
}

bool RegistrationWorkflow::openSettings()
{
    if (m_screen != Screen::Home || !m_isManager) {
        qCWarning(lcGui) << "settings refused: only a manager, from the home screen";
        return false;
    }
    m_settingsView.refresh(m_clerkId);
    setScreen(Screen::Settings);
    return true;
}

void RegistrationWorkflow::closeSettings()
{
    if (m_screen != Screen::Settings)
        return;
    m_settingsView.clear();
    setScreen(Screen::Home);
}

void RegistrationWorkflow::applyFaceSettings(const KioskConfig &config)
{
    m_faceSource.matchThreshold = config.matchThreshold;
    m_faceSource.passiveThreshold = config.passiveThreshold;
    m_faceSource.promptCount = std::clamp(config.livenessChallenges, 2, 5);
    m_faceSource.promptTimeoutS = config.livenessTimeoutS;
    m_faceSource.maxSessions = config.livenessMaxSessions;
    m_attempts.setMaxAttempts(config.livenessMaxSessions);
    m_dayView.setMatchThreshold(config.matchThreshold);
    m_dayViewStale = true;
}

bool RegistrationWorkflow::openAuditLog()
{
    if (m_screen != Screen::DayView || !m_isManager) {
        qCWarning(lcGui) << "audit log refused: only a manager, from the day view";
        return false;
    }
    m_auditView.refresh(m_clerkId, m_now());
    setScreen(Screen::AuditLog);
    return true;
}

void RegistrationWorkflow::closeAuditLog()
{
    if (m_screen != Screen::AuditLog)
        return;
    m_auditView.clear();
    setScreen(Screen::DayView);
}

bool RegistrationWorkflow::canRetry() const
{
    // Only a failure not stored yet can be retried (a staff face is stored at once).
    if (m_screen != Screen::Outcome || m_outcome != QLatin1String("failed") || !m_unsaved)
        return false;
    return m_attempts.remaining(attemptKey(), m_now()) > 0;
}

QString RegistrationWorkflow::reasonWords(const QString &code)
{
    static const struct {
        const char *code;
        const char *words;
    } kWords[] = {
        {"passed", QT_TRANSLATE_NOOP("RegistrationWorkflow", "Liveness check passed.")},
        {"liveness_passed", QT_TRANSLATE_NOOP("RegistrationWorkflow", "Liveness check passed.")},
        {"face_match", QT_TRANSLATE_NOOP("RegistrationWorkflow", "The face matches the ID photo.")},
        {"face_mismatch", QT_TRANSLATE_NOOP("RegistrationWorkflow", "The face does not match the ID photo.")},
        {"staff_face", QT_TRANSLATE_NOOP("RegistrationWorkflow",
                                         "The face in front of the camera is a staff member's. This registration "
                                         "cannot go on; the manager sees it in the day's records.")},
        {"finding.duplicate_face",
         QT_TRANSLATE_NOOP("RegistrationWorkflow", "The carrier found this face under another ID number: check the "
                                                   "ID card and the customer again.")},
        {"challenge_timeout", QT_TRANSLATE_NOOP("RegistrationWorkflow", "A prompt was not followed in time.")},
        {"wrong_direction", QT_TRANSLATE_NOOP("RegistrationWorkflow", "The head turned the wrong way.")},
        {"flat_surface",
         QT_TRANSLATE_NOOP("RegistrationWorkflow", "The face moved like a flat picture (photo or screen).")},
        {"presentation_attack",
         QT_TRANSLATE_NOOP("RegistrationWorkflow", "The face looked like a photo or a screen, not a live person.")},
        {"passive_unmeasured",
         QT_TRANSLATE_NOOP("RegistrationWorkflow", "The face could not be checked for a photo or a screen.")},
        {"screen_light_mismatch",
         QT_TRANSLATE_NOOP("RegistrationWorkflow",
                           "The face did not reflect the screen's colours as skin does (a screen or a print).")},
        {"screen_light_unmeasured",
         QT_TRANSLATE_NOOP("RegistrationWorkflow",
                           "The face was not seen well enough while the screen changed colour.")},
        {"face_lost", QT_TRANSLATE_NOOP("RegistrationWorkflow", "The face left the camera's view.")},
        {"face_changed", QT_TRANSLATE_NOOP("RegistrationWorkflow", "A different face appeared during the check.")},
        {"several_faces", QT_TRANSLATE_NOOP("RegistrationWorkflow", "More than one person was in view.")},
        {"no_face", QT_TRANSLATE_NOOP("RegistrationWorkflow", "No face was seen.")},
        {"not_completed", QT_TRANSLATE_NOOP("RegistrationWorkflow", "The prompts were not completed.")},
        {"identity_changed",
         QT_TRANSLATE_NOOP("RegistrationWorkflow", "The person in front of the camera changed during the check.")},
        {"paused_too_long", QT_TRANSLATE_NOOP("RegistrationWorkflow", "The check was paused for too long.")},
        {"identity_unverified",
         QT_TRANSLATE_NOOP("RegistrationWorkflow", "The person could not be followed from start to end.")},
        {"implausible_stream",
         QT_TRANSLATE_NOOP("RegistrationWorkflow", "The camera stream looked injected (timing or frames).")},
        {"virtual_camera", QT_TRANSLATE_NOOP("RegistrationWorkflow", "A virtual camera is not accepted.")},
        {"camera_not_allowed", QT_TRANSLATE_NOOP("RegistrationWorkflow", "This camera is not the kiosk's own camera.")},
        {"no_frontal_frame", QT_TRANSLATE_NOOP("RegistrationWorkflow", "No sharp frontal frame of the face.")},
        {"manual_check_requested",
         QT_TRANSLATE_NOOP("RegistrationWorkflow", "The customer chose the manual check instead of the face check.")},
        {"handed_to_manager", QT_TRANSLATE_NOOP("RegistrationWorkflow", "Handed over to the manager.")},
        {"face_check_no_camera", QT_TRANSLATE_NOOP("RegistrationWorkflow", "No camera was configured.")},
        {"face_check_no_backend", QT_TRANSLATE_NOOP("RegistrationWorkflow", "The face check was not available.")},
        {"face_check_models_failed", QT_TRANSLATE_NOOP("RegistrationWorkflow", "The face models did not load.")},
        {"face_check_passive_model_missing",
         QT_TRANSLATE_NOOP("RegistrationWorkflow", "The anti-spoofing models are not installed on this kiosk.")},
        {"face_check_error", QT_TRANSLATE_NOOP("RegistrationWorkflow", "The camera failed during the face check.")},
        // Words for states, not reason codes (a dotted key: the operator guide's code list leaves them
        // out; the states are explained in its sync section). A record's upload state
        // (registrations.sync_state), prefixed "sync.".
        // A record's outcome and liveness for the manager (day view columns, record detail); short;
        // dotted keys like the upload states below.
        {"outcome.match", QT_TRANSLATE_NOOP("RegistrationWorkflow", "match")},
        {"outcome.no_match", QT_TRANSLATE_NOOP("RegistrationWorkflow", "no match")},
        {"outcome.manual_review", QT_TRANSLATE_NOOP("RegistrationWorkflow", "for the manager")},
        {"outcome.manual_approved", QT_TRANSLATE_NOOP("RegistrationWorkflow", "approved by hand")},
        {"outcome.manual_rejected", QT_TRANSLATE_NOOP("RegistrationWorkflow", "rejected by hand")},
        {"outcome.recorded", QT_TRANSLATE_NOOP("RegistrationWorkflow", "recorded")},
        {"liveness.passed", QT_TRANSLATE_NOOP("RegistrationWorkflow", "passed")},
        {"liveness.failed", QT_TRANSLATE_NOOP("RegistrationWorkflow", "failed")},
        {"liveness.not_run", QT_TRANSLATE_NOOP("RegistrationWorkflow", "not run")},
        // Short: they also fill the day view's Upload column.
        {"sync.pending", QT_TRANSLATE_NOOP("RegistrationWorkflow", "waiting")},
        {"sync.acknowledged", QT_TRANSLATE_NOOP("RegistrationWorkflow", "confirmed")},
        {"sync.quota_exceeded", QT_TRANSLATE_NOOP("RegistrationWorkflow", "refused (ID quota)")},
        {"sync.parked", QT_TRANSLATE_NOOP("RegistrationWorkflow", "refused (to check)")},
        {"face_check_too_many_attempts",
         QT_TRANSLATE_NOOP("RegistrationWorkflow", "Too many face checks for this customer in 10 minutes.")},
    };
    for (const auto &w : kWords)
        if (code == QLatin1String(w.code))
            return QCoreApplication::translate("RegistrationWorkflow", w.words);
    return {};
}

QString RegistrationWorkflow::syncStateWords(const QString &state)
{
    return codeWords(&RegistrationWorkflow::reasonWords, QStringLiteral("sync."), state);
}

QStringList RegistrationWorkflow::outcomeReasons() const
{
    QStringList out;
    const std::vector<std::string> &codes = m_unsaved ? m_unsaved->reasonCodes : m_storedReasons;
    for (const auto &code : codes) {
        const QString c = QString::fromStdString(code);
        const QString words = reasonWords(c);
        out << (words.isEmpty() ? c : words);
    }
    return out;
}

void RegistrationWorkflow::setOutcome(const QString &outcome, const QString &message)
{
    m_outcome = outcome;
    m_outcomeMessage = message;
    emit outcomeChanged();
}

void RegistrationWorkflow::cancelRegistration()
{
    if (m_screen != Screen::CustomerForm && m_screen != Screen::IdPhoto && m_screen != Screen::Consent &&
        m_screen != Screen::FaceCheck)
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
    if (m_unsaved && !storeUnsavedFailure())
        qCCritical(lcGui) << "a finished registration could not be stored and is lost (see the error above)";
    if (m_faceService != nullptr && m_faceService->running())
        m_faceService->cancel();
    m_screenFlash.stop();
    ++m_faceRequestId; // a reply still on its way is ignored
    if (m_quotaCheckId != 0) {
        m_quotaCheckId = 0; // the carrier's answer, when it comes, is ignored
        emit formRefusalChanged();
    }
    m_faceView.clear();
    m_unsaved.reset();
    m_recorded.reset();
    m_storedReasons.clear();
    setOutcome({});
    m_registration.reset();
    m_form.clear();
    m_idPhoto.clear();
    m_idPortrait = {};
    m_consent = {};
    if (m_language != m_kioskLanguage) // the next customer starts in the kiosk's language
        applyLanguage(m_kioskLanguage);
}

bool RegistrationWorkflow::switchLanguage(const QString &language)
{
    static const QStringList kOffered = {QStringLiteral("en"), QStringLiteral("zh_CN"), QStringLiteral("de")};
    const bool customerScreen =
        m_screen == Screen::Consent || m_screen == Screen::FaceCheck || m_screen == Screen::Outcome;
    if (!customerScreen || !kOffered.contains(language)) {
        qCWarning(lcGui) << "language switch to" << language << "refused on screen" << screenName();
        return false;
    }
    return applyLanguage(language);
}

bool RegistrationWorkflow::applyLanguage(const QString &language)
{
    if (language == m_language)
        return true;
    if (!m_languageSwitch || !m_languageSwitch(language))
        return false;
    m_language = language;
    qCInfo(lcGui) << "language" << language;
    emit languageChanged();
    // Texts made in C++ (the consent notice, the reasons) are read again in the new language.
    emit screenChanged();
    emit outcomeChanged();
    return true;
}

void RegistrationWorkflow::setScreen(Screen next)
{
    if (next == Screen::Login)
        m_idleTimer.stop();
    else
        m_idleTimer.start();
    if (next == m_screen)
        return;
    if (m_screen == Screen::IdPhoto)
        m_idPhoto.stopCamera(); // the face check may need the same camera
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

#include "app/gui/record_detail_model.h"

#include "app/gui/day_view_model.h"
#include "app/gui/gui_log.h"
#include "app/gui/local_time.h"
#include "app/gui/review_words.h"
#include "app/liveness_summary.h"
#include "store/registration_repository.h"
#include "store/review_repository.h"
#include "store/staff_repository.h"

#include <QCoreApplication>
#include <QVariantMap>

#include <algorithm>

namespace simkyc::app {
namespace {

constexpr const char *kReadReason = "record_detail";

QString localText(const std::string &utc, const char *format)
{
    const auto t = store::parseUtcTimestamp(utc);
    return t ? localDateTime(*t).toString(QString::fromLatin1(format)) : QString::fromStdString(utc);
}

QVariantMap decisionEntry(core::ReviewDecision decision, const QString &label)
{
    QVariantList reasons;
    for (std::string_view code : core::reviewReasons(decision)) {
        const QString c = QString::fromLatin1(code.data(), static_cast<qsizetype>(code.size()));
        reasons << QVariantMap{{QStringLiteral("code"), c}, {QStringLiteral("words"), reviewReasonWords(c)}};
    }
    const std::string_view name = core::reviewDecisionName(decision);
    return {{QStringLiteral("decision"), QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()))},
            {QStringLiteral("label"), label},
            {QStringLiteral("reasons"), reasons}};
}

} // namespace

RecordDetailModel::RecordDetailModel(StoreSession *session, ReasonWords reasonWords, QObject *parent)
    : QObject(parent), m_session(session), m_reasonWords(std::move(reasonWords))
{
}

void RecordDetailModel::clear()
{
    m_recordId.clear();
    m_when.clear();
    m_clerk.clear();
    m_outcome.clear();
    m_reasons.clear();
    m_distance.clear();
    m_liveness.clear();
    m_syncState.clear();
    m_faceChecks = 0;
    m_customer.clear();
    m_picture.fill('\0'); // the picture is biometric data: wiped, then dropped
    m_picture.clear();
    m_pictureNote.clear();
    m_reviews.clear();
    m_decisions.clear();
    m_needsDecision = false;
    m_decisionNote.clear();
    m_error.clear();
    emit changed();
}

bool RecordDetailModel::loadMetadata()
{
    store::RegistrationRepository repo(m_session->db, m_session->keys);
    auto summary = repo.summary(m_recordId.toStdString());
    if (!summary.ok()) {
        m_error = QString::fromStdString(summary.error().toString());
        return false;
    }
    store::StaffRepository staffRepo(m_session->db, crypto::ScryptParams{});
    auto staff = staffRepo.all();
    const auto nameOf = [&staff](std::int64_t id) {
        return staff.ok() && staff->count(id) ? QString::fromStdString(staff->at(id).name)
                                              : QStringLiteral("#%1").arg(id);
    };
    m_when = localText(summary->createdAt, "yyyy-MM-dd HH:mm:ss");
    m_clerk = nameOf(summary->clerkId);
    m_outcome = QString::fromStdString(summary->outcome.empty() ? summary->status : summary->outcome);
    QStringList words;
    for (const auto &code : summary->reasonCodes) {
        const QString c = QString::fromStdString(code);
        const QString w = m_reasonWords ? m_reasonWords(c) : QString();
        words << (w.isEmpty() ? c : w);
    }
    m_reasons = words.join(QLatin1Char(' '));
    m_distance = summary->matchDistance ? QString::number(*summary->matchDistance, 'f', 3) : QString();
    m_liveness = DayViewModel::livenessOf(summary->livenessSummary);
    m_faceChecks = faceChecksOf(summary->livenessSummary);
    m_syncState = QString::fromStdString(summary->syncState);

    store::ReviewRepository reviewRepo(m_session->db);
    auto reviews = reviewRepo.forRecord(m_recordId.toStdString());
    m_reviews.clear();
    if (reviews.ok()) {
        for (const store::Review &r : *reviews) {
            auto state = reviewRepo.upload(r.reviewId);
            const QString upload =
                !state.ok() ? QString()
                : state->state == "acknowledged"
                    ? QCoreApplication::translate("RecordDetailModel", "confirmed by the carrier")
                : state->state == "parked"
                    ? QCoreApplication::translate("RecordDetailModel", "refused by the carrier: see the upload")
                : summary->syncState == "pending" || summary->syncState == "parked"
                    ? QCoreApplication::translate("RecordDetailModel", "sent after the record")
                    : QCoreApplication::translate("RecordDetailModel", "waiting to be sent");
            m_reviews << QStringLiteral("%1  %2  %3  (%4)")
                             .arg(localText(r.decidedAt, "yyyy-MM-dd HH:mm"), nameOf(r.reviewerId),
                                  reviewWords(r.decision, QString::fromStdString(r.reason)), upload);
        }
    } else {
        m_error = QString::fromStdString(reviews.error().toString());
    }
    m_needsDecision = summary->status == core::stateName(core::RegistrationState::ManualReview);
    m_decisions.clear();
    m_decisionNote.clear();
    if (m_needsDecision) {
        if (core::checkReviewer(core::ReviewDecision::ManualApproved, summary->clerkId, m_managerId))
            m_decisions << decisionEntry(core::ReviewDecision::ManualApproved,
                                         QCoreApplication::translate("RecordDetailModel", "Confirm the identity"));
        else
            m_decisionNote = QCoreApplication::translate(
                "RecordDetailModel", "You registered this customer yourself: another manager confirms the identity.");
        m_decisions << decisionEntry(core::ReviewDecision::ManualRejected,
                                     QCoreApplication::translate("RecordDetailModel", "Identity not confirmed"));
    } else {
        m_decisions << decisionEntry(core::ReviewDecision::Approved,
                                     QCoreApplication::translate("RecordDetailModel", "Approve"))
                    << decisionEntry(core::ReviewDecision::Flagged,
                                     QCoreApplication::translate("RecordDetailModel", "Flag"));
        // An issued number not cancelled yet can be (it frees the person's quota place).
        const auto status = core::parseState(summary->status);
        const auto outcome = core::parseDecision(summary->outcome);
        const bool cancelled = reviews.ok() && std::any_of(reviews->begin(), reviews->end(), [](const auto &r) {
                                   return r.decision == core::ReviewDecision::Cancelled;
                               });
        constexpr auto kCancel = core::ReviewDecision::Cancelled;
        if (status && outcome && !cancelled && summary->syncState != "quota_exceeded" &&
            core::checkReview(*status, *outcome, kCancel, core::reviewReasons(kCancel).front()))
            m_decisions << decisionEntry(core::ReviewDecision::Cancelled,
                                         QCoreApplication::translate("RecordDetailModel", "Record as cancelled"));
    }
    return true;
}

bool RecordDetailModel::open(const QString &recordId, std::int64_t managerId, store::Clock::time_point now)
{
    clear();
    if (m_session == nullptr) {
        m_error = QCoreApplication::translate("RecordDetailModel", "This kiosk has no store to read from.");
        emit changed();
        return false;
    }
    m_recordId = recordId;
    m_managerId = managerId;
    if (!loadMetadata()) {
        emit changed();
        return false;
    }
    store::RegistrationRepository repo(m_session->db, m_session->keys);
    const std::string id = recordId.toStdString();
    const std::string actor = "staff:" + std::to_string(managerId);
    auto pii = repo.readCustomer(id, actor, kReadReason, now);
    if (pii.ok()) {
        m_customer = {
            QCoreApplication::translate("RecordDetailModel", "Name: %1").arg(QString::fromStdString(pii->name)),
            QCoreApplication::translate("RecordDetailModel", "ID number: %1")
                .arg(QString::fromStdString(pii->idNumber)),
            QCoreApplication::translate("RecordDetailModel", "Birth date: %1")
                .arg(QString::fromStdString(pii->birthDate)),
            QCoreApplication::translate("RecordDetailModel", "Address: %1").arg(QString::fromStdString(pii->address)),
            QCoreApplication::translate("RecordDetailModel", "Phone: %1").arg(QString::fromStdString(pii->phone)),
            QCoreApplication::translate("RecordDetailModel", "SIM (ICCID): %1")
                .arg(QString::fromStdString(pii->iccid))};
    } else {
        m_customer = {
            pii.error().code == ErrorCode::NotFound
                ? QCoreApplication::translate("RecordDetailModel", "The customer's data is no longer held: %1")
                      .arg(QString::fromStdString(pii.error().message))
                : QString::fromStdString(pii.error().toString())};
    }
    auto picture = repo.readReviewThumbnail(id, actor, kReadReason, now);
    if (!picture.ok()) {
        m_pictureNote = QString::fromStdString(picture.error().toString());
    } else if (!picture->has_value()) {
        m_pictureNote = QCoreApplication::translate(
            "RecordDetailModel", "No face picture: the customer chose the manual check, the face check did not get "
                                 "that far, or the picture was deleted after the retention period.");
    } else {
        m_picture =
            QByteArray(reinterpret_cast<const char *>((*picture)->data()), static_cast<qsizetype>((*picture)->size()));
        ++m_pictureSerial;
    }
    qCInfo(lcGui) << "record" << recordId << "opened by staff" << managerId;
    emit changed();
    return true;
}

bool RecordDetailModel::decide(const QString &decision, const QString &reason)
{
    if (m_session == nullptr || m_recordId.isEmpty())
        return false;
    auto parsed = core::parseReviewDecision(decision.toStdString());
    if (!parsed.ok()) {
        m_error = QCoreApplication::translate("RecordDetailModel", "Unknown decision.");
        emit changed();
        return false;
    }
    store::ReviewRepository reviews(m_session->db);
    const auto now = store::Clock::now();
    auto recorded = reviews.record(m_recordId.toStdString(), m_managerId, *parsed, reason.toStdString(), now);
    if (!recorded.ok()) {
        m_error = QCoreApplication::translate("RecordDetailModel", "The decision was not recorded: %1")
                      .arg(QString::fromStdString(recorded.error().message));
        emit changed();
        return false;
    }
    m_error.clear();
    loadMetadata();
    qCInfo(lcGui) << "record" << m_recordId << "reviewed:" << decision << reason;
    emit changed();
    emit decided();
    return true;
}

} // namespace simkyc::app

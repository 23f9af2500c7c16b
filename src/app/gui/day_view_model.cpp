#include "app/gui/day_view_model.h"

#include "app/gui/code_words.h"
#include "app/gui/day_statistics.h"
#include "app/gui/gui_log.h"
#include "app/gui/local_time.h"
#include "app/gui/review_words.h"
#include "app/liveness_summary.h"
#include "core/id_number.h"
#include "core/text.h"
#include "store/atomic_file.h"
#include "store/audit_log.h"
#include "store/outbox_repository.h"
#include "store/registration_repository.h"
#include "store/review_repository.h"
#include "store/staff_repository.h"
#include "vision/matcher.h"

#include <QCoreApplication>
#include <QDateTime>

#include <chrono>
#include <cstdlib>

namespace simkyc::app {
namespace {

// "HH:mm" for today, "yyyy-MM-dd HH:mm" otherwise, "-" for none.
QString whenText(const std::optional<std::string> &utc, const QDate &today)
{
    if (!utc)
        return QStringLiteral("-");
    const auto t = store::parseUtcTimestamp(*utc);
    if (!t)
        return QString::fromStdString(*utc);
    const QDateTime local = localDateTime(*t);
    return local.toString(local.date() == today ? QStringLiteral("HH:mm") : QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

DayViewModel::DayViewModel(StoreSession *session, ReasonWords reasonWords, QObject *parent)
    : QAbstractListModel(parent), m_session(session), m_reasonWords(std::move(reasonWords)),
      m_threshold(vision::kDefaultMatchThreshold)
{
}

int DayViewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
}

QVariant DayViewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount())
        return {};
    const DayRow &r = m_shown[static_cast<size_t>(index.row())];
    switch (role) {
    case RecordIdRole: return r.recordId;
    case TimeRole: return r.time;
    case ClerkRole: return r.clerk;
    case NameRole: return r.name;
    case IdNumberRole: return r.idNumber;
    case OutcomeRole: return r.outcome;
    case ReasonsRole: return r.reasons;
    case DistanceRole: return r.distance;
    case LivenessRole: return r.liveness;
    case SyncStateRole: return r.syncState;
    case SyncWordsRole: return r.syncWords;
    case OutcomeWordsRole: return r.outcomeWords;
    case LivenessWordsRole: return r.livenessWords;
    case ReviewRole: return r.review;
    case ReviewWordsRole: return r.reviewWords;
    default: return {};
    }
}

QHash<int, QByteArray> DayViewModel::roleNames() const
{
    return {{RecordIdRole, "recordId"},
            {TimeRole, "time"},
            {ClerkRole, "clerk"},
            {NameRole, "name"},
            {IdNumberRole, "idNumber"},
            {OutcomeRole, "outcome"},
            {ReasonsRole, "reasons"},
            {DistanceRole, "distance"},
            {LivenessRole, "liveness"},
            {SyncStateRole, "syncState"},
            {SyncWordsRole, "syncWords"},
            {OutcomeWordsRole, "outcomeWords"},
            {LivenessWordsRole, "livenessWords"},
            {ReviewRole, "review"},
            {ReviewWordsRole, "reviewWords"}};
}

QString DayViewModel::livenessOf(const std::string &livenessSummary)
{
    if (livenessSummary.find("passed=1") != std::string::npos)
        return QStringLiteral("passed");
    if (livenessSummary.find("passed=0") != std::string::npos)
        return QStringLiteral("failed");
    return QStringLiteral("not_run");
}

void DayViewModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    applyFilter();
}

void DayViewModel::applyFilter()
{
    beginResetModel();
    m_shown.clear();
    for (const DayRow &r : m_all) {
        const bool manual = r.outcome.startsWith(QLatin1String("manual"));
        if (m_filter == QLatin1String("all") || (m_filter == QLatin1String("passed") && r.outcome == "match") ||
            (m_filter == QLatin1String("failed") && r.outcome == "no_match") ||
            (m_filter == QLatin1String("manual") && manual))
            m_shown.push_back(r);
    }
    endResetModel();
    emit refreshed();
}

void DayViewModel::clear()
{
    beginResetModel();
    m_all.clear();
    m_shown.clear();
    endResetModel();
    m_passed = m_failed = m_manual = m_notSynced = m_toReview = 0;
    m_error.clear();
    m_syncHealth.clear();
    m_parked.clear();
    emit refreshed();
}

QString DayViewModel::csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')) &&
        !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString DayViewModel::exportCsv(const QString &folder)
{
    QString out =
        QStringLiteral("date,time,clerk,name,id_number,outcome,distance,liveness,upload,reasons,record_id\r\n");
    for (const DayRow &r : m_all) {
        QStringList fields;
        for (const QString &f : {m_date, r.time, r.clerk, r.name, r.idNumber, r.outcome, r.distance, r.liveness,
                                 r.syncState, r.reasons, r.recordId})
            fields << csvField(f);
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    const std::filesystem::path file =
        std::filesystem::path(folder.toStdString()) / ("simkyc-day-" + m_date.toStdString() + ".csv");
    const QByteArray bytes = out.toUtf8();
    const Status written = store::writeFileAtomically(
        file, std::span(reinterpret_cast<const std::uint8_t *>(bytes.constData()), static_cast<size_t>(bytes.size())),
        store::kOwnerOnly, true);
    if (!written.ok()) {
        m_error = QString::fromStdString(written.error().toString());
        emit refreshed();
        return {};
    }
    qCInfo(lcGui) << "day report exported:" << m_all.size() << "rows";
    return QString::fromStdString(file.string());
}

DayStatistics DayViewModel::statistics() const
{
    return computeDayStatistics(m_all, m_threshold);
}

QString DayViewModel::figures() const
{
    if (m_all.empty())
        return {};
    const DayStatistics s = statistics();
    return QCoreApplication::translate("DayView", "Pass rate %1 % (%2 of %3 automatic decisions). %4 face checks, %5 "
                                                  "of them retries. %6 waiting for your decision, %7 reviewed, %8 "
                                                  "flagged or not confirmed.")
        .arg(qRound(s.passRate() * 100))
        .arg(s.passed)
        .arg(s.passed + s.failed)
        .arg(s.faceChecks)
        .arg(s.retries)
        .arg(s.toReview)
        .arg(s.reviewed)
        .arg(s.flagged);
}

QString DayViewModel::exportPdf(const QString &folder, const QString &managerName, const QStringList &clerkSignals,
                                const QStringList &simReconciliation)
{
    if (!m_renderer) {
        m_error = QCoreApplication::translate("DayView", "This kiosk cannot write PDF reports.");
        emit refreshed();
        return {};
    }
    DayReport report;
    report.date = m_date;
    report.generatedAt = QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    report.generatedBy = managerName;
    report.rows = m_all;
    report.statistics = statistics();
    report.figures = figures();
    report.syncHealth = m_syncHealth;
    report.parked = m_parked;
    report.clerkSignals = clerkSignals;
    report.simReconciliation = simReconciliation;
    if (m_session != nullptr) {
        auto chain = store::verifyAuditChain(m_session->db);
        report.auditChain =
            !chain.ok() ? QString::fromStdString(chain.error().toString())
            : chain->ok
                ? QCoreApplication::translate("DayView", "Audit chain verified: %1 entries.").arg(chain->entries)
                : QCoreApplication::translate("DayView", "Audit chain BROKEN at entry %1 (%2).")
                      .arg(chain->firstBadId)
                      .arg(QString::fromStdString(chain->problem));
    }
    auto pdf = m_renderer(report);
    if (!pdf.ok()) {
        m_error = QString::fromStdString(pdf.error().toString());
        emit refreshed();
        return {};
    }
    const std::filesystem::path file =
        std::filesystem::path(folder.toStdString()) / ("simkyc-day-" + m_date.toStdString() + ".pdf");
    const Status written = store::writeFileAtomically(
        file, std::span(reinterpret_cast<const std::uint8_t *>(pdf->constData()), static_cast<size_t>(pdf->size())),
        store::kOwnerOnly, true);
    if (!written.ok()) {
        m_error = QString::fromStdString(written.error().toString());
        emit refreshed();
        return {};
    }
    qCInfo(lcGui) << "day report exported as PDF:" << m_all.size() << "rows," << pdf->size() << "bytes";
    return QString::fromStdString(file.string());
}

void DayViewModel::readSyncHealth(const QDate &today)
{
    m_parked.clear();
    store::OutboxRepository outbox(m_session->db);
    auto counts = outbox.counts();
    if (!counts.ok()) {
        m_syncHealth = QString::fromStdString(counts.error().toString());
        return;
    }
    m_syncHealth =
        QCoreApplication::translate("DayView", "Upload to the carrier: %1 waiting (%2 after a failed try; the oldest "
                                               "from %3), %4 acknowledged, %5 over the quota, %6 parked for the "
                                               "manager. Last success: %7. Next try: %8.")
            .arg(counts->pending)
            .arg(counts->retrying)
            .arg(whenText(counts->oldestPending, today))
            .arg(counts->acknowledged)
            .arg(counts->quotaExceeded)
            .arg(counts->parked)
            .arg(whenText(counts->lastSuccess, today), whenText(counts->nextAttempt, today));
    if (auto reviews = store::ReviewRepository(m_session->db).uploadCounts(); reviews.ok())
        m_syncHealth += QLatin1Char(' ') + QCoreApplication::translate("DayView", "Your decisions: %1 waiting to be "
                                                                                  "sent, %2 confirmed by the carrier, "
                                                                                  "%3 refused.")
                                               .arg(reviews->pending)
                                               .arg(reviews->acknowledged)
                                               .arg(reviews->parked);
    auto parked = outbox.parked(20);
    if (parked.ok())
        for (const auto &p : *parked)
            m_parked << QStringLiteral("%1 (%2): %3")
                            .arg(QString::fromStdString(p.recordId), whenText(p.createdAt, today),
                                 QString::fromStdString(p.reason));
}

void DayViewModel::refresh(std::int64_t managerId, store::Clock::time_point now)
{
    m_all.clear();
    m_passed = m_failed = m_manual = m_notSynced = m_toReview = 0;
    m_error.clear();
    const QDate today = localDateTime(now).date();
    m_date = today.toString(Qt::ISODate);
    if (m_session == nullptr) {
        m_error = QStringLiteral("no store");
        applyFilter();
        return;
    }
    store::RegistrationRepository repo(m_session->db, m_session->keys);
    store::StaffRepository staffRepo(m_session->db, crypto::ScryptParams{});
    store::ReviewRepository reviews(m_session->db);
    auto staff = staffRepo.all();
    const std::string actor = "staff:" + std::to_string(managerId);
    // The local day spans two UTC days; listDay works in UTC.
    const QDateTime start = QDateTime(today, QTime(0, 0)).toUTC();
    const QDateTime end = QDateTime(today.addDays(1), QTime(0, 0)).toUTC();
    for (QDate utcDay = start.date(); utcDay <= end.date(); utcDay = utcDay.addDays(1)) {
        auto day = repo.listDay(utcDay.toString(Qt::ISODate).toStdString());
        if (!day.ok()) {
            m_error = QString::fromStdString(day.error().toString());
            break;
        }
        for (const auto &s : *day) {
            const auto created = store::parseUtcTimestamp(s.createdAt);
            if (!created)
                continue;
            const QDateTime local = localDateTime(*created);
            if (local.date() != today)
                continue;
            DayRow row;
            row.recordId = QString::fromStdString(s.id);
            row.time = local.toString(QStringLiteral("HH:mm"));
            row.clerk = staff.ok() && staff->count(s.clerkId) ? QString::fromStdString(staff->at(s.clerkId).name)
                                                              : QStringLiteral("#%1").arg(s.clerkId);
            row.outcome = s.outcome.empty() ? QString::fromStdString(s.status) : QString::fromStdString(s.outcome);
            QStringList words;
            for (const auto &code : s.reasonCodes) {
                const QString c = QString::fromStdString(code);
                const QString w = m_reasonWords ? m_reasonWords(c) : QString();
                words << (w.isEmpty() ? c : w);
            }
            for (const auto &kind : s.carrierFindings) // what the carrier found since (e.g. duplicate_face)
                words << codeWords(m_reasonWords, QStringLiteral("finding."), QString::fromStdString(kind));
            row.reasons = words.join(QLatin1Char(' '));
            row.distance = s.matchDistance ? QString::number(*s.matchDistance, 'f', 3) : QString();
            row.liveness = livenessOf(s.livenessSummary);
            row.syncState = QString::fromStdString(s.syncState);
            row.syncWords = codeWords(m_reasonWords, QStringLiteral("sync."), row.syncState);
            row.outcomeWords = codeWords(m_reasonWords, QStringLiteral("outcome."), row.outcome);
            row.livenessWords = codeWords(m_reasonWords, QStringLiteral("liveness."), row.liveness);
            row.hour = local.time().hour();
            row.distanceValue = s.matchDistance;
            row.faceChecks = faceChecksOf(s.livenessSummary);
            if (auto review = reviews.latest(s.id); review.ok() && review->has_value()) {
                row.review = QString::fromStdString(std::string(core::reviewDecisionName((*review)->decision)));
                row.reviewWords = reviewWords((*review)->decision, QString::fromStdString((*review)->reason));
            }
            m_toReview += s.status == "manual_review" ? 1 : 0;
            if (s.piiPurgedAt) {
                row.name = row.idNumber = QStringLiteral("(purged)");
            } else {
                auto pii = repo.readCustomer(s.id, actor, "day_view", now);
                if (pii.ok()) {
                    row.name = QString::fromStdString(core::maskPersonName(pii->name));
                    row.idNumber = QString::fromStdString(core::maskIdNumber(pii->idNumber));
                } else {
                    row.name = row.idNumber = QStringLiteral("(%1)").arg(errorCodeName(pii.error().code).data());
                }
            }
            m_passed += row.outcome == QLatin1String("match") ? 1 : 0;
            m_failed += row.outcome == QLatin1String("no_match") ? 1 : 0;
            m_manual += row.outcome.startsWith(QLatin1String("manual")) ? 1 : 0;
            m_notSynced += row.syncState == QLatin1String("acknowledged") || row.syncState == "quota_exceeded" ? 0 : 1;
            m_all.push_back(std::move(row));
        }
    }
    readSyncHealth(today);
    qCInfo(lcGui) << "day view:" << m_all.size() << "records of" << m_date << "read by staff" << managerId;
    applyFilter();
}

} // namespace simkyc::app

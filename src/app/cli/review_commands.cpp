// simkyc-cli review list | decide: the store manager's review without the kiosk's screen (a shop
// that runs headless, scripts, tests). list shows a day's registrations without customer data
// (nothing is decrypted); decide records a decision exactly as the kiosk's record detail does, the
// deciding manager signed in with their own password (store::ReviewRepository: manager only, the
// decision fitting the record, four eyes, a reason from its list, audited), to be sent upstream by
// the next `sync run`; clerks prints the per-clerk signals (app/clerk_signals_report.h).
#include "app/clerk_signals_report.h"
#include "app/cli/command_list.h"
#include "app/kiosk_config.h"
#include "app/store_session.h"
#include "store/registration_repository.h"
#include "store/review_repository.h"
#include "store/staff_repository.h"

#include <QDateTime>
#include <QJsonArray>

namespace simkyc::app::cli {
namespace {

inline constexpr const char *kStaffPasswordEnv = "SIMKYC_STAFF_PASSWORD";

std::optional<std::filesystem::path> passphraseFile(const QCommandLineParser &parser)
{
    if (!parser.isSet("passphrase-file"))
        return std::nullopt;
    return std::filesystem::path(parser.value("passphrase-file").toStdString());
}

// list: the day's registrations; findings: those the carrier reported something about, any day.
int runList(const QCommandLineParser &parser, const CommonOptions &options, bool findingsOnly)
{
    const QString date =
        parser.isSet("date") ? parser.value("date") : QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    auto session = openSession(options.dataDir.toStdString(), passphraseFile(parser), true);
    if (!session)
        return fail(options, session.error());
    store::RegistrationRepository registrations(session->db, session->keys);
    store::ReviewRepository reviews(session->db);
    auto day = findingsOnly ? registrations.listWithCarrierFindings() : registrations.listDay(date.toStdString());
    if (!day)
        return fail(options, day.error());
    QJsonArray records;
    for (const store::RegistrationSummary &r : *day) {
        QJsonObject record{
            {"record_id", QString::fromStdString(r.id)},         {"created_at", QString::fromStdString(r.createdAt)},
            {"status", QString::fromStdString(r.status)},        {"outcome", QString::fromStdString(r.outcome)},
            {"sync_state", QString::fromStdString(r.syncState)}, {"review", QJsonValue()}};
        QJsonArray findings; // what the carrier found since (verified at sync time)
        for (const std::string &kind : r.carrierFindings)
            findings.append(QString::fromStdString(kind));
        record["carrier_findings"] = findings;
        auto latest = reviews.latest(r.id);
        if (!latest)
            return fail(options, latest.error());
        if (latest->has_value()) {
            const store::Review &v = **latest;
            auto state = reviews.upload(v.reviewId);
            record["review"] =
                QJsonObject{{"review_id", QString::fromStdString(v.reviewId)},
                            {"decision", QString::fromStdString(std::string(core::reviewDecisionName(v.decision)))},
                            {"reason", QString::fromStdString(v.reason)},
                            {"decided_at", QString::fromStdString(v.decidedAt)},
                            {"upload", state ? QString::fromStdString(state->state) : QString()}};
        }
        records.append(record);
    }
    if (options.json) {
        printJson(QJsonObject{{"date", date}, {"records", records}});
        return kExitOk;
    }
    for (const QJsonValue &v : records) {
        const QJsonObject r = v.toObject();
        const QJsonObject review = r["review"].toObject();
        printText(QStringLiteral("%1  %2  %3  %4  %5\n")
                      .arg(r["record_id"].toString(), r["created_at"].toString(),
                           r["outcome"].toString().isEmpty() ? r["status"].toString() : r["outcome"].toString(),
                           r["sync_state"].toString(),
                           review.isEmpty() ? QStringLiteral("-")
                                            : review["decision"].toString() + "/" + review["reason"].toString() + " (" +
                                                  review["upload"].toString() + ")"));
    }
    return kExitOk;
}

int runDecide(const QString &recordId, const QCommandLineParser &parser, const CommonOptions &options)
{
    auto decision = core::parseReviewDecision(parser.value("decision").toStdString());
    if (!decision)
        return fail(options, "invalid_argument",
                    "--decision must be approved, flagged, manual_approved, manual_rejected or cancelled");
    if (!parser.isSet("manager") || !parser.isSet("reason"))
        return fail(options, "invalid_argument", "give --manager NAME and --reason CODE");
    // The deciding manager signs in: holding the store passphrase does not make one every manager.
    auto password = readSecret(parser.isSet("password-file")
                                   ? std::optional(std::filesystem::path(parser.value("password-file").toStdString()))
                                   : std::nullopt,
                               kStaffPasswordEnv);
    if (!password)
        return fail(options, password.error());
    if (!password->has_value())
        return fail(options, "invalid_argument",
                    "give the deciding manager's own password: --password-file FILE or SIMKYC_STAFF_PASSWORD");
    auto session = openSession(options.dataDir.toStdString(), passphraseFile(parser), true);
    if (!session)
        return fail(options, session.error());
    store::StaffRepository staff(session->db, crypto::ScryptParams{});
    auto login = staff.verifyLogin(parser.value("manager").toStdString(), (*password)->view());
    if (!login)
        return fail(options, login.error());
    if (login->outcome == store::LoginOutcome::Locked)
        return fail(options, "locked",
                    QStringLiteral("the account is locked until ") + QString::fromStdString(login->lockedUntil));
    if (login->outcome != store::LoginOutcome::Ok || !login->member)
        return fail(options, "wrong_credentials", "wrong name or password");
    store::ReviewRepository reviews(session->db);
    auto review =
        reviews.record(recordId.toStdString(), login->member->id, *decision, parser.value("reason").toStdString());
    if (!review)
        return fail(options, review.error());
    const QJsonObject out{{"review_id", QString::fromStdString(review->reviewId)},
                          {"record_id", recordId},
                          {"decision", parser.value("decision")},
                          {"reason", QString::fromStdString(review->reason)},
                          {"decided_at", QString::fromStdString(review->decidedAt)},
                          {"upload", "pending"}};
    if (options.json)
        printJson(out);
    else
        printText(QStringLiteral("review %1 of %2 recorded; sent to the carrier by the next sync run\n")
                      .arg(out["review_id"].toString(), recordId));
    return kExitOk;
}

// review clerks: the per-clerk signals over the last --days days (app/clerk_signals_report.h).
int runClerks(const QCommandLineParser &parser, const CommonOptions &options)
{
    const QDate last = parser.isSet("date") ? QDate::fromString(parser.value("date"), Qt::ISODate)
                                            : QDateTime::currentDateTimeUtc().date();
    bool ok = true;
    const int days = parser.isSet("days") ? parser.value("days").toInt(&ok) : 7;
    if (!last.isValid() || !ok)
        return fail(options, "invalid_argument", "--date must be YYYY-MM-DD and --days a number 1..31");
    // The shop's opening hours: store.opening_hours of the configuration file, when there is one.
    std::optional<core::OpeningHours> hours;
    if (const auto file = configFileFor(parser.value("config").toStdString());
        parser.isSet("config") || std::filesystem::exists(file)) {
        auto config = loadKioskConfig(file);
        if (!config)
            return fail(options, config.error());
        if (!config->openingHours.empty())
            hours = *core::parseOpeningHours(config->openingHours);
    }
    auto session = openSession(options.dataDir.toStdString(), passphraseFile(parser), true);
    if (!session)
        return fail(options, session.error());
    auto report = clerkSignals(*session, last, days, hours);
    if (!report)
        return fail(options, report.error());
    const QJsonObject out = clerkSignalsJson(*report);
    if (options.json) {
        printJson(out);
    } else {
        printText(QStringLiteral("%1 .. %2, opening hours %3\n")
                      .arg(out["from"].toString(), out["to"].toString(),
                           out["opening_hours"].toString(QStringLiteral("not configured"))));
        for (const QJsonValue &v : out["clerks"].toArray()) {
            const QJsonObject c = v.toObject();
            QStringList flags, approvers;
            for (const QJsonValue &f : c["flags"].toArray())
                flags << f.toString();
            for (const QJsonValue &a : c["approved_by"].toArray())
                approvers << QStringLiteral("%1 %2%3")
                                 .arg(a["name"].toString(QString::number(a["staff_id"].toInteger())))
                                 .arg(a["approvals"].toInt())
                                 .arg(a["paired"].toBool() ? QStringLiteral(" (paired)") : QString());
            printText(QStringLiteral("%1: %2 registrations, %3 failed matches, %4 liveness failures, %5 staff faces, "
                                     "%6 retries, %7 hand-overs, %8 manual approvals%9%10%11\n")
                          .arg(c["name"].toString(QString::number(c["staff_id"].toInteger())))
                          .arg(c["registrations"].toInt())
                          .arg(c["failed_matches"].toInt())
                          .arg(c["liveness_failures"].toInt())
                          .arg(c["staff_faces"].toInt())
                          .arg(c["retries"].toInt())
                          .arg(c["hand_overs"].toInt())
                          .arg(c["manual_approvals"].toInt())
                          .arg(approvers.isEmpty() ? QString() : " by " + approvers.join(QStringLiteral(", ")))
                          .arg(c["outside_hours"].isNull()
                                   ? QString()
                                   : QStringLiteral(", %1 outside opening hours").arg(c["outside_hours"].toInt()))
                          .arg(flags.isEmpty() ? QString() : "  FLAGGED: " + flags.join(QStringLiteral(", "))));
        }
    }
    return out["flagged"].toBool() ? kExitNegative : kExitOk;
}

} // namespace

Command reviewCommand()
{
    Command c;
    c.name = "review";
    c.summary = "The store manager's review without the kiosk: list a day's registrations (no customer data), "
                "decide one (approve/flag, the manual identity decision, or a cancelled number), sent upstream by the "
                "next sync run, or "
                "the per-clerk signals of the last days (exit 1 when a clerk is flagged).";
    c.declare = [](QCommandLineParser &parser) {
        parser.addPositionalArgument("action", "list | findings | decide | clerks");
        parser.addPositionalArgument("record", "The registration's id (decide).", "[RECORD_ID]");
        parser.addOption(
            {"date", "The UTC day to list, or the last day for clerks, YYYY-MM-DD (default: today).", "DATE"});
        parser.addOption({"days", "clerks: the days ending --date (1..31, default 7).", "N"});
        parser.addOption({"config",
                          "clerks: the configuration file with store.opening_hours (default: $SIMKYC_CONFIG, else "
                          "/etc/simkyc/simkyc.conf, when it exists).",
                          "FILE"});
        parser.addOption(
            {"decision", "approved, flagged, manual_approved, manual_rejected or cancelled (decide).", "DECISION"});
        parser.addOption({"reason", "A reason code of that decision (decide; see docs/operator-guide.md).", "CODE"});
        parser.addOption({"manager", "The deciding manager's login name (decide).", "NAME"});
        parser.addOption({"password-file",
                          "decide: the deciding manager's own password (or set SIMKYC_STAFF_PASSWORD); a wrong one "
                          "counts towards the account's lockout.",
                          "FILE"});
        parser.addOption({"passphrase-file", "The manager's passphrase (or set SIMKYC_PASSPHRASE).", "FILE"});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        const QStringList args = parser.positionalArguments();
        if (args.size() == 1 && (args[0] == "list" || args[0] == "findings"))
            return runList(parser, options, args[0] == "findings");
        if (args.size() == 2 && args[0] == "decide")
            return runDecide(args[1], parser, options);
        if (args.size() == 1 && args[0] == "clerks")
            return runClerks(parser, options);
        return fail(options, "invalid_argument",
                    "usage: simkyc-cli review list [--date D] | review findings | review decide RECORD_ID "
                    "--decision D --reason R --manager NAME [--password-file F] | review clerks [--date D] [--days N] "
                    "[--config FILE]");
    };
    return c;
}

} // namespace simkyc::app::cli

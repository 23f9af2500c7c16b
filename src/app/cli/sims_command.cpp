// simkyc-cli sims reconcile: the store manager's reconciliation of the day's activated SIMs (the
// carrier's export) against the day's registrations (app/sim_reconciler.h). Exit 0 when the day
// reconciles, 1 when a list is not empty, 2 on an error (a bad export is refused whole).
#include "app/cli/command_list.h"
#include "app/sim_reconciler.h"

#include <QDateTime>
#include <QJsonArray>

namespace simkyc::app::cli {
namespace {

void printList(const QString &title, const QJsonArray &items)
{
    printText(QStringLiteral("%1: %2\n").arg(title).arg(items.size()));
    for (const QJsonValue &v : items) {
        if (v.isString()) {
            printText("  " + v.toString() + "\n");
            continue;
        }
        QStringList ids;
        for (const QJsonValue &id : v["record_ids"].toArray())
            ids << id.toString();
        printText("  " + v["iccid"].toString() + "  " + ids.join(QStringLiteral(", ")) + "\n");
    }
}

int runReconcile(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("activations"))
        return fail(options, "invalid_argument", "give --activations FILE.csv (the carrier's export of the day)");
    const QString date =
        parser.isSet("date") ? parser.value("date") : QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    if (!QDate::fromString(date, Qt::ISODate).isValid())
        return fail(options, "invalid_argument", "--date must be YYYY-MM-DD");
    auto activated = readActivations(parser.value("activations").toStdString());
    if (!activated)
        return fail(options, activated.error());
    auto session = openSession(options.dataDir.toStdString(), passphraseFileOption(parser), true);
    if (!session)
        return fail(options, session.error());
    auto day = reconcileDay(*session, date.toStdString(), *activated, "cli");
    if (!day)
        return fail(options, day.error());
    const QJsonObject report = reconciliationJson(*day);
    if (options.json) {
        printJson(report);
    } else {
        printText(
            QStringLiteral("%1: %2 activated SIMs, %3 registrations%4\n")
                .arg(date)
                .arg(report["activations"].toInt())
                .arg(report["registrations"].toInt())
                .arg(day->unreadable.empty()
                         ? QString()
                         : QStringLiteral(" (%1 not reconciled: customer data shredded)").arg(day->unreadable.size())));
        printList(QStringLiteral("activated without a registration"),
                  report["activated_without_registration"].toArray());
        printList(QStringLiteral("activated although no registration handed it over"),
                  report["activated_without_hand_over"].toArray());
        printList(QStringLiteral("handed over by two or more registrations"), report["registered_twice"].toArray());
        printList(QStringLiteral("handed over but not activated"), report["handed_over_not_activated"].toArray());
    }
    return day->result.clean() ? kExitOk : kExitNegative;
}

} // namespace

Command simsCommand()
{
    Command c;
    c.name = "sims";
    c.summary = "SIM reconciliation: the carrier's activated SIMs of a day against the day's registrations "
                "(exit 1 when something does not reconcile).";
    c.declare = [](QCommandLineParser &parser) {
        parser.addPositionalArgument("action", "reconcile");
        parser.addOption({"activations", "The carrier's export of activated SIMs: CSV with an iccid column.", "FILE"});
        parser.addOption({"date", "The UTC day of the registrations, YYYY-MM-DD (default: today).", "DATE"});
        parser.addOption({"passphrase-file", "The manager's passphrase (or set SIMKYC_PASSPHRASE).", "FILE"});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        const QStringList args = parser.positionalArguments();
        if (args.size() == 1 && args[0] == "reconcile")
            return runReconcile(parser, options);
        return fail(options, "invalid_argument",
                    "usage: simkyc-cli sims reconcile --activations FILE.csv [--date YYYY-MM-DD]");
    };
    return c;
}

} // namespace simkyc::app::cli

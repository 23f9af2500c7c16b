// simkyc-cli sync export --to DIR | sync import-receipts DIR (removable media, docs/upstream-api.md).
#include "app/cli/command_list.h"
#include "app/store_session.h"
#include "sync/removable_media.h"

namespace simkyc::app::cli {

int runSyncExport(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("to"))
        return fail(options, "invalid_argument", "sync export needs --to DIR");
    auto session = openSession(options.dataDir.toStdString(), passphraseFileOption(parser), true);
    if (!session)
        return fail(options, session.error());
    auto report = sync::exportPending(session->db, session->keys, parser.value("to").toStdString());
    if (!report)
        return fail(options, report.error());
    if (options.json)
        printJson(QJsonObject{{"written", report->written},
                              {"device_id", QString::fromStdString(report->deviceId)},
                              {"to", parser.value("to")}});
    else
        printText(QStringLiteral("%1 pending records written to %2\n").arg(report->written).arg(parser.value("to")));
    return kExitOk;
}

int runSyncImportReceipts(const QCommandLineParser &parser, const CommonOptions &options)
{
    const QString dir = parser.positionalArguments().value(1);
    auto session = openSession(options.dataDir.toStdString(), passphraseFileOption(parser), true);
    if (!session)
        return fail(options, session.error());
    auto report = sync::importReceipts(session->db, session->keys, dir.toStdString());
    if (!report)
        return fail(options, report.error());
    if (options.json)
        printJson(QJsonObject{{"acknowledged", report->acknowledged},
                              {"quota_exceeded", report->quotaExceeded},
                              {"already_done", report->alreadyDone},
                              {"rejected", report->rejected}});
    else
        printText(QStringLiteral("acknowledged %1 (quota exceeded %2), already done %3, rejected %4\n")
                      .arg(report->acknowledged)
                      .arg(report->quotaExceeded)
                      .arg(report->alreadyDone)
                      .arg(report->rejected));
    return report->rejected == 0 ? kExitOk : kExitNegative;
}

} // namespace simkyc::app::cli

// simkyc-cli demo: the headless registration demo.
#include "app/cli/command_list.h"
#include "app/demo_registration.h"

namespace simkyc::app::cli {

Command demoCommand()
{
    Command c;
    c.name = "demo";
    c.summary = "Run demo registrations end to end without a window (store in --data-dir).";
    c.declare = [](QCommandLineParser &p) {
        p.addOption({"records", "How many registrations (default 1).", "N"});
        p.addOption(
            {"sample-video", "The face video playing the camera (default: the labelled data's d13.mp4).", "VIDEO"});
        p.addOption({"manual-check", "Every record takes the non-face path (a manual identity check by the "
                                     "manager): no camera, no face data."});
        p.addOption({"kdf-cost-log2", "Tests only: scrypt cost of the demo clerk's password (10-22).", "N"});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        DemoOptions demo;
        demo.dataDir = options.dataDir.toStdString();
        bool ok = true;
        demo.records = parser.isSet("records") ? parser.value("records").toInt(&ok) : 1;
        if (!ok)
            return fail(options, "invalid_argument", "--records takes a number");
        demo.manualCheck = parser.isSet("manual-check");
        if (parser.isSet("sample-video"))
            demo.sampleVideo = std::filesystem::path(parser.value("sample-video").toStdString());
        if (parser.isSet("kdf-cost-log2"))
            demo.kdfCostLog2 = parser.value("kdf-cost-log2").toUInt();
        const bool json = options.json;
        auto status = runDemo(ModelCatalog::builtIn(options.modelsDir), demo, [json](const QJsonObject &line) {
            if (json) {
                if (line["step"].toString() == "registration")
                    printJson(line);
                return;
            }
            if (line["step"].toString() == "ready") {
                printText(QStringLiteral("demo store: %1 (clerk %2); path: %3\n")
                              .arg(line["data_dir"].toString(), line["clerk"].toString(), line["path"].toString()));
                if (line["path"].toString() == "manual_check")
                    printText("no sample face video found (give --sample-video FILE, or put the labelled data at "
                              "../shared/data): registrations take the manual-check path\n");
                return;
            }
            printText(QStringLiteral("registration %1: %2 %3 -> %4 (%5), sync %6\n")
                          .arg(line["record_id"].toString(), line["name"].toString(), line["id_number"].toString(),
                               line["status"].toString(), line["outcome"].toString(), line["sync_state"].toString()));
        });
        if (!status.ok())
            return fail(options, QString::fromUtf8(errorCodeName(status.error().code).data()),
                        QString::fromStdString(status.error().message));
        return kExitOk;
    };
    return c;
}

} // namespace simkyc::app::cli

// simkyc-cli models: what the kiosk finds of the manifest's models (list), and the operator's way to
// provision a model that no Debian package carries, the MiniFASNet networks of the passive
// anti-spoofing cue (install: app/model_install.h).
#include "app/cli/command_list.h"
#include "app/face_services.h"
#include "app/model_install.h"

#include <QJsonArray>

namespace simkyc::app::cli {
namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

// "on", or why the passive cue is off (the models are missing or damaged).
QJsonObject passiveCueJson(const ModelCatalog &catalog)
{
    auto files = locateSpoofModels(catalog);
    if (files.ok())
        return QJsonObject{{"passive_cue", "on"}};
    return QJsonObject{{"passive_cue", "off"}, {"passive_cue_problem", q(files.error().message)}};
}

int runList(const CommonOptions &options)
{
    const ModelCatalog catalog = ModelCatalog::builtIn(options.modelsDir);
    bool requiredOk = true;
    QJsonArray models;
    for (const ModelEntry &entry : catalog.entries()) {
        const ModelStatus status = catalog.verify(entry);
        requiredOk = requiredOk && (!entry.required || status.state == ModelState::Ok);
        QJsonObject line{{"id", q(entry.id)},
                         {"file", q(entry.file)},
                         {"required", entry.required},
                         {"state", q(std::string(modelStateName(status.state)))},
                         {"path", q(status.path.string())}};
        if (status.state != ModelState::Ok)
            line.insert("problem", q(status.problem()));
        models.append(line);
        if (!options.json)
            printText(QStringLiteral("%1 %2 %3%4\n")
                          .arg(q(std::string(modelStateName(status.state))).leftJustified(14),
                               q(entry.file).leftJustified(44),
                               status.path.empty() ? QStringLiteral("-") : q(status.path.string()),
                               entry.required ? QString() : QStringLiteral(" (optional)")));
    }
    const QJsonObject passive = passiveCueJson(catalog);
    if (options.json) {
        QJsonObject report{{"models", models}, {"install_dir", q(defaultModelInstallDir(catalog).string())}};
        for (auto it = passive.begin(); it != passive.end(); ++it)
            report.insert(it.key(), it.value());
        printJson(report);
    } else {
        printText(passive["passive_cue"].toString() == "on" ? QStringLiteral("passive anti-spoofing cue: on\n")
                                                            : QStringLiteral("passive anti-spoofing cue: OFF: %1\n")
                                                                  .arg(passive["passive_cue_problem"].toString()));
    }
    return requiredOk ? kExitOk : kExitNegative;
}

int runInstall(const QCommandLineParser &parser, const CommonOptions &options, const QStringList &files)
{
    if (files.isEmpty())
        return fail(options, "invalid_argument", "usage: simkyc-cli models install FILE... [--to DIR]");
    const ModelCatalog catalog = ModelCatalog::builtIn(options.modelsDir);
    const std::filesystem::path dir =
        parser.isSet("to") ? std::filesystem::path(parser.value("to").toStdString()) : defaultModelInstallDir(catalog);
    int errors = 0;
    for (const QString &file : files) {
        auto installed = installModel(catalog, file.toStdString(), dir);
        if (!installed.ok()) {
            ++errors;
            const QString code = q(std::string(errorCodeName(installed.error().code)));
            if (options.json)
                printJson(QJsonObject{{"file", file}, {"error", code}, {"message", q(installed.error().message)}});
            else
                std::fprintf(stderr, "simkyc-cli models install: %s\n", installed.error().message.c_str());
            continue;
        }
        if (options.json)
            printJson(QJsonObject{{"file", file},
                                  {"id", q(installed->entry.id)},
                                  {"installed", q(installed->path.string())},
                                  {"sha256", q(installed->entry.sha256)},
                                  {"replaced", installed->replaced}});
        else
            printText(QStringLiteral("installed %1 (%2, SHA-256 verified) as %3\n")
                          .arg(file, q(installed->entry.id), q(installed->path.string())));
    }
    // What the kiosk will find now, when it looks where the file went.
    const ModelCatalog after = ModelCatalog::builtIn(dir);
    const QJsonObject passive = passiveCueJson(after);
    if (options.json)
        printJson(passive);
    else
        printText(QStringLiteral("passive anti-spoofing cue: %1\n").arg(passive["passive_cue"].toString()));
    return errors > 0 ? kExitError : kExitOk;
}

} // namespace

Command modelsCommand()
{
    Command c;
    c.name = "models";
    c.summary = "The models the kiosk finds (list; exit 1 when a required one is missing), or install FILE... "
                "(verified by SHA-256 against the manifest, e.g. the MiniFASNet networks; exit 2 on any refused file).";
    c.declare = [](QCommandLineParser &parser) {
        parser.addPositionalArgument("action", "list | install");
        parser.addPositionalArgument("FILE", "install: model files (recognised by their SHA-256).", "[FILE...]");
        parser.addOption({"to",
                          "install: into this folder (default: the first folder the kiosk searches: "
                          "--models-dir, $SIMKYC_MODELS_DIR, else <prefix>/share/simkyc/models).",
                          "DIR"});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        QStringList args = parser.positionalArguments();
        const QString action = args.isEmpty() ? QString() : args.takeFirst();
        if (action == "list" && args.isEmpty())
            return runList(options);
        if (action == "install")
            return runInstall(parser, options, args);
        return fail(options, "invalid_argument", "usage: simkyc-cli models list | models install FILE... [--to DIR]");
    };
    return c;
}

} // namespace simkyc::app::cli

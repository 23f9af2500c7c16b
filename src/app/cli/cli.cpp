#include "app/cli/cli.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QStandardPaths>

#include <cstdio>

namespace simkyc::app::cli {
namespace {

const QString kExitCodesHelp =
    QStringLiteral("Exit codes:\n"
                   "  0  success, or a positive outcome (match, liveness passed, all checks hold)\n"
                   "  1  a negative outcome (no match, liveness failed, a check did not hold)\n"
                   "  2  an error (bad usage, unreadable input, missing or damaged model, store unavailable)\n");

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addOption({"data-dir", "Where the store, keys and configuration live (default: <XDG data>/simkyc).", "DIR"});
    parser.addOption({"models-dir", "Look for model files here first.", "DIR"});
    parser.addOption({"json", "Print results as JSON (one object per line)."});
}

CommonOptions commonOptions(const QCommandLineParser &global, const QCommandLineParser &local)
{
    CommonOptions o;
    auto pick = [&](const QString &name) { return local.isSet(name) ? local.value(name) : global.value(name); };
    o.dataDir = pick("data-dir");
    if (o.dataDir.isEmpty())
        o.dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/simkyc";
    o.dataDir = QDir::cleanPath(QDir(o.dataDir).absolutePath());
    const QString models = pick("models-dir");
    if (!models.isEmpty())
        o.modelsDir = std::filesystem::path(models.toStdString());
    o.json = local.isSet("json") || global.isSet("json");
    return o;
}

QString globalHelp(const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    text += "\nCommands:\n";
    for (const auto &c : commands())
        text += "  " + c.name.leftJustified(12) + " " + c.summary + "\n";
    text += "\nRun 'simkyc-cli COMMAND --help' for a command's options.\n\n" + kExitCodesHelp;
    return text;
}

} // namespace

void printJson(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
}

void printText(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

int fail(const CommonOptions &options, const QString &code, const QString &message, int exitCode)
{
    if (options.json)
        printJson(QJsonObject{{"error", code}, {"message", message}});
    const QByteArray bytes = ("simkyc-cli: " + code + ": " + message + "\n").toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    return exitCode;
}

std::optional<std::filesystem::path> passphraseFileOption(const QCommandLineParser &parser)
{
    if (!parser.isSet("passphrase-file"))
        return std::nullopt;
    return std::filesystem::path(parser.value("passphrase-file").toStdString());
}

int intOption(const QCommandLineParser &parser, const char *name, int fallback, int low, int high, bool &ok)
{
    if (!parser.isSet(name))
        return fallback;
    bool parsed = false;
    const int v = parser.value(name).toInt(&parsed);
    ok = ok && parsed && v >= low && v <= high;
    return v;
}

int fail(const CommonOptions &options, const Error &error, int exitCode)
{
    return fail(options, QString::fromStdString(std::string(errorCodeName(error.code))),
                QString::fromStdString(error.message), exitCode);
}

int run(const QStringList &arguments)
{
    QCommandLineParser global;
    global.setApplicationDescription(
        "SimKYC headless tools: self-test, face matching, liveness, store administration.");
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    global.addOption({{"h", "help"}, "Show this help."});
    global.addOption({{"v", "version"}, "Print the version and exit."});
    addCommonOptions(global);
    global.addPositionalArgument("command", "The command to run (see below).", "COMMAND [ARGS...]");

    if (!global.parse(arguments)) {
        std::fprintf(stderr, "simkyc-cli: %s\nRun 'simkyc-cli --help' for usage.\n", qPrintable(global.errorText()));
        return kExitError;
    }
    if (global.isSet("version")) {
        if (global.isSet("json"))
            printJson(QJsonObject{{"name", "simkyc-cli"}, {"version", SIMKYC_VERSION}});
        else
            printText(QStringLiteral("simkyc-cli %1\n").arg(SIMKYC_VERSION));
        return kExitOk;
    }
    const QStringList rest = global.positionalArguments();
    if (global.isSet("help") || rest.isEmpty()) {
        printText(globalHelp(global));
        return rest.isEmpty() && !global.isSet("help") ? kExitError : kExitOk;
    }
    for (const Command &command : commands()) {
        if (command.name != rest.first())
            continue;
        QCommandLineParser local;
        local.setApplicationDescription(command.summary);
        local.addOption({{"h", "help"}, "Show this help."});
        addCommonOptions(local);
        if (command.declare)
            command.declare(local);
        QStringList localArgs = rest;
        localArgs[0] = "simkyc-cli " + command.name;
        if (!local.parse(localArgs)) {
            std::fprintf(stderr, "simkyc-cli %s: %s\n", qPrintable(command.name), qPrintable(local.errorText()));
            return kExitError;
        }
        if (local.isSet("help")) {
            printText(local.helpText() + "\n" + kExitCodesHelp);
            return kExitOk;
        }
        return command.run(local, commonOptions(global, local));
    }
    std::fprintf(stderr, "simkyc-cli: unknown command '%s'. Run 'simkyc-cli --help' for the list.\n",
                 qPrintable(rest.first()));
    return kExitError;
}

} // namespace simkyc::app::cli

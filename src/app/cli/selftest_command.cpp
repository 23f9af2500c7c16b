#include "app/cli/command_list.h"
#include "app/selftest.h"

namespace simkyc::app::cli {

Command selftestCommand()
{
    Command c;
    c.name = "selftest";
    c.summary = "Load every model, check its SHA-256 and print library versions.";
    c.run = [](const QCommandLineParser &, const CommonOptions &options) {
        const auto report = runSelfTest(ModelCatalog::builtIn(options.modelsDir));
        if (options.json)
            printJson(report.toJson());
        else
            printText(QString::fromStdString(report.toText()));
        if (!report.ok) {
            for (const auto &problem : report.problems)
                std::fprintf(stderr, "simkyc-cli selftest: %s\n", problem.c_str());
            return kExitNegative;
        }
        return kExitOk;
    };
    return c;
}

} // namespace simkyc::app::cli

#include "app/cli/cli.h"
#include "app/cli/command_list.h"

namespace simkyc::app::cli {

std::vector<Command> commands()
{
    return {selftestCommand(), embedCommand(),    matchCommand(),  evalCommand(),  analyzeCommand(),
            livenessCommand(), keysCommand(),     dbCommand(),     staffCommand(), reviewCommand(),
            demoCommand(),     spoofCommand(),    idcardCommand(), syncCommand(),  soakCommand(),
            configCommand(),   diagnoseCommand(), simsCommand(),   modelsCommand()};
}

} // namespace simkyc::app::cli

#include "app/cli/cli.h"
#include "app/cli/command_list.h"

namespace simkyc::app::cli {

std::vector<Command> commands()
{
    return {selftestCommand()};
}

} // namespace simkyc::app::cli

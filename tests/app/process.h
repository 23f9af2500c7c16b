// Runs a program as a child process and captures its exit code, stdout and stderr.
#pragma once

#include <string>
#include <vector>

namespace simkyc::test {

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

ProcessResult runProcess(const std::string &program, const std::vector<std::string> &args);

} // namespace simkyc::test

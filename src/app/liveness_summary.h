// Reading a stored registration's liveness summary, the ";"-separated codes the kiosk writes with
// each record ("challenges=3;passed=1;passive=0.81;staff_faces=2;consent=face_check;...;
// face_checks=2;quota=carrier"; registration_workflow.cpp writes it). Pure functions; reentrant.
#pragma once

#include <cstdlib>
#include <string>

namespace simkyc::app {

// "face_checks=N": the face checks of the registration; 0 when absent (older records, manual checks).
[[nodiscard]] inline int faceChecksOf(const std::string &livenessSummary)
{
    const std::string key = "face_checks=";
    const std::size_t at = livenessSummary.find(key);
    if (at == std::string::npos)
        return 0;
    return std::atoi(livenessSummary.c_str() + at + key.size());
}

} // namespace simkyc::app

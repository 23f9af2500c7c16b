// Summary statistics over measured values, for the checks that decide on a median (the passive
// cue's scores, the sensor-noise shares).
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <vector>

namespace simkyc::core {

// The median (the mean of the two middle values for an even count); nullopt for no values.
std::optional<double> median(std::vector<double> values);

} // namespace simkyc::core

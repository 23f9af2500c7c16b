// Reads a CSV file into a core::CsvTable (core/csv.h has the format): the label tables the
// evaluation tools read and the carrier's activations export. Thread-safety: pure functions.
#pragma once

#include "core/csv.h"
#include "core/result.h"

#include <filesystem>

namespace simkyc::app {

using core::CsvTable;

// Errors: NotFound (cannot open), InvalidFormat (no header line).
Result<CsvTable> readCsvTable(const std::filesystem::path &path);

} // namespace simkyc::app

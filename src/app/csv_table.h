// A small CSV reader for the label tables the evaluation tools read (RFC 4180 quoting, first line
// is the header). Thread-safety: pure functions.
#pragma once

#include "core/result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace simkyc::app {

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    // Index of the named column, or -1.
    [[nodiscard]] int column(const std::string &name) const;
    // The cell, or "" when the row is short or the column is -1.
    [[nodiscard]] const std::string &cell(const std::vector<std::string> &row, int column) const;
};

// Errors: NotFound (cannot open), InvalidFormat (no header line). Blank lines are skipped.
Result<CsvTable> readCsvTable(const std::filesystem::path &path);

std::vector<std::string> splitCsvLine(const std::string &line);

} // namespace simkyc::app

// CSV text (RFC 4180 quoting, one record per line, no line break inside a field): the label tables
// the evaluation tools read, the carrier's activations export, and the tables the tools write.
// The first line is the header. Pure functions on text; reading the file is the caller's job.
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::core {

// One record's fields. "" gives one empty field; a trailing '\r' is dropped.
[[nodiscard]] std::vector<std::string> splitCsvLine(std::string_view line);

// `text` quoted for CSV when it holds a comma, a quote or a line break; otherwise unchanged.
[[nodiscard]] std::string csvField(std::string_view text);

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows; // each padded with empty fields to the header's width

    // Index of the named column, or nullopt.
    [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const;
    // The cell, or "" when the column is nullopt or past the row's end.
    [[nodiscard]] const std::string &cell(const std::vector<std::string> &row, std::optional<std::size_t> column) const;
};

// The table in `text`, or nullopt when there is no header line. Blank lines are skipped.
[[nodiscard]] std::optional<CsvTable> parseCsvTable(std::string_view text);

} // namespace simkyc::core

#include "app/csv_table.h"

#include <algorithm>
#include <fstream>

namespace simkyc::app {

std::vector<std::string> splitCsvLine(const std::string &line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

int CsvTable::column(const std::string &name) const
{
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

const std::string &CsvTable::cell(const std::vector<std::string> &row, int column) const
{
    static const std::string kEmpty;
    return column >= 0 && static_cast<size_t>(column) < row.size() ? row[static_cast<size_t>(column)] : kEmpty;
}

Result<CsvTable> readCsvTable(const std::filesystem::path &path)
{
    std::ifstream in(path);
    if (!in)
        return {ErrorCode::NotFound, path.string() + ": cannot open"};
    CsvTable table;
    std::string line;
    if (!std::getline(in, line))
        return {ErrorCode::InvalidFormat, path.string() + ": empty table, no header line"};
    table.header = splitCsvLine(line);
    while (std::getline(in, line))
        if (!line.empty() && line != "\r")
            table.rows.push_back(splitCsvLine(line));
    return table;
}

} // namespace simkyc::app

#include "core/csv.h"

#include <algorithm>

namespace simkyc::core {

std::vector<std::string> splitCsvLine(std::string_view line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                fields.back() += line[++i];
            else if (c == '"')
                quoted = false;
            else
                fields.back() += c;
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

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::optional<std::size_t> CsvTable::column(std::string_view name) const
{
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - header.begin());
}

const std::string &CsvTable::cell(const std::vector<std::string> &row, std::optional<std::size_t> column) const
{
    static const std::string kEmpty;
    return column && *column < row.size() ? row[*column] : kEmpty;
}

std::optional<CsvTable> parseCsvTable(std::string_view text)
{
    std::optional<CsvTable> table;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (line.empty() || line == "\r")
            continue;
        if (!table) {
            table.emplace();
            table->header = splitCsvLine(line);
            continue;
        }
        auto fields = splitCsvLine(line);
        if (fields.size() < table->header.size())
            fields.resize(table->header.size());
        table->rows.push_back(std::move(fields));
    }
    return table;
}

} // namespace simkyc::core

#include "tool_util.h"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace simkyc::tools {

std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b)
{
    std::uint64_t z = seed ^ (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::string safeName(const std::string &text)
{
    std::string out = text;
    for (char &c : out)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
            c = '_';
    return out;
}

std::vector<std::string> parseCsvLine(const std::string &line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
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

std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text)
        out += (c == '"') ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

size_t CsvTable::column(const std::string &name) const
{
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
}

std::optional<CsvTable> readCsvTable(const std::filesystem::path &path)
{
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line))
        return std::nullopt;
    CsvTable table;
    table.header = parseCsvLine(line);
    while (std::getline(in, line)) {
        if (line.empty() || line == "\r")
            continue;
        auto fields = parseCsvLine(line);
        if (fields.size() < table.header.size())
            fields.resize(table.header.size());
        table.rows.push_back(std::move(fields));
    }
    return table;
}

} // namespace simkyc::tools

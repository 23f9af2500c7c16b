#include "app/csv_table.h"

#include <fstream>
#include <sstream>

namespace simkyc::app {

Result<CsvTable> readCsvTable(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {ErrorCode::NotFound, path.string() + ": cannot open"};
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        return {ErrorCode::IoError, path.string() + ": cannot read"};
    auto table = core::parseCsvTable(text.str());
    if (!table)
        return {ErrorCode::InvalidFormat, path.string() + ": empty table, no header line"};
    return std::move(*table);
}

} // namespace simkyc::app

#include "store/statement.h"

#include "store/sqlite_error.h"

#include <sqlite3.h>

#include <utility>

namespace simkyc::store {
namespace {

std::string sqlExcerpt(sqlite3_stmt *stmt)
{
    const char *sql = stmt != nullptr ? sqlite3_sql(stmt) : nullptr;
    return store::sqlExcerpt(sql != nullptr ? std::string_view(sql) : std::string_view());
}

const std::byte kEmpty{0}; // a non-null pointer for empty values: a null pointer would bind NULL

} // namespace

Statement::Statement(Statement &&other) noexcept : m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Status Statement::checkBind(int resultCode, int index) const
{
    if (resultCode == SQLITE_OK)
        return {};
    return sqliteError(sqlite3_db_handle(m_stmt), resultCode,
                       "bind parameter " + std::to_string(index) + " of \"" + sqlExcerpt(m_stmt) + "\"");
}

Status Statement::bindInt64(int index, std::int64_t value)
{
    return checkBind(sqlite3_bind_int64(m_stmt, index, value), index);
}

Status Statement::bindDouble(int index, double value)
{
    return checkBind(sqlite3_bind_double(m_stmt, index, value), index);
}

Status Statement::bindText(int index, std::string_view value)
{
    const char *data = value.data() != nullptr ? value.data() : reinterpret_cast<const char *>(&kEmpty);
    return checkBind(sqlite3_bind_text64(m_stmt, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index);
}

Status Statement::bindBlob(int index, std::span<const std::byte> value)
{
    const void *data = value.data() != nullptr ? static_cast<const void *>(value.data()) : &kEmpty;
    return checkBind(sqlite3_bind_blob64(m_stmt, index, data, value.size(), SQLITE_TRANSIENT), index);
}

Status Statement::bindNull(int index)
{
    return checkBind(sqlite3_bind_null(m_stmt, index), index);
}

Result<int> Statement::parameterIndex(std::string_view name) const
{
    const int index = sqlite3_bind_parameter_index(m_stmt, std::string(name).c_str());
    if (index == 0)
        return Error{ErrorCode::DatabaseError, "no parameter named \"" + std::string(name) + "\" in \"" +
                                                   sqlExcerpt(m_stmt) + "\" (names include their prefix, e.g. :key)"};
    return index;
}

template <typename BindAt>
Status Statement::bindByName(std::string_view name, BindAt bindAt)
{
    const Result<int> index = parameterIndex(name);
    if (!index)
        return index.error();
    return bindAt(*index);
}

Status Statement::bindInt64(std::string_view name, std::int64_t value)
{
    return bindByName(name, [&](int index) { return bindInt64(index, value); });
}

Status Statement::bindDouble(std::string_view name, double value)
{
    return bindByName(name, [&](int index) { return bindDouble(index, value); });
}

Status Statement::bindText(std::string_view name, std::string_view value)
{
    return bindByName(name, [&](int index) { return bindText(index, value); });
}

Status Statement::bindBlob(std::string_view name, std::span<const std::byte> value)
{
    return bindByName(name, [&](int index) { return bindBlob(index, value); });
}

Status Statement::bindNull(std::string_view name)
{
    return bindByName(name, [&](int index) { return bindNull(index); });
}

Result<StepResult> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return StepResult::Row;
    if (rc == SQLITE_DONE)
        return StepResult::Done;
    return sqliteError(sqlite3_db_handle(m_stmt), rc, "step \"" + sqlExcerpt(m_stmt) + "\"");
}

void Statement::reset()
{
    // sqlite3_reset repeats the last step's error, which step() already reported.
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

std::string Statement::columnName(int column) const
{
    const char *name = sqlite3_column_name(m_stmt, column);
    return name != nullptr ? name : "";
}

ColumnType Statement::columnType(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER: return ColumnType::Integer;
    case SQLITE_FLOAT: return ColumnType::Float;
    case SQLITE_TEXT: return ColumnType::Text;
    case SQLITE_BLOB: return ColumnType::Blob;
    default: return ColumnType::Null;
    }
}

std::int64_t Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::columnText(int column) const
{
    // Order matters: column_text first, then column_bytes (SQLite's documented safe sequence).
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column));
    return text != nullptr ? std::string(text, size) : std::string();
}

std::vector<std::byte> Statement::columnBlob(int column) const
{
    const auto *data = static_cast<const std::byte *>(sqlite3_column_blob(m_stmt, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column));
    return data != nullptr ? std::vector<std::byte>(data, data + size) : std::vector<std::byte>();
}

std::string_view Statement::sql() const
{
    const char *sql = m_stmt != nullptr ? sqlite3_sql(m_stmt) : nullptr;
    return sql != nullptr ? std::string_view(sql) : std::string_view();
}

} // namespace simkyc::store

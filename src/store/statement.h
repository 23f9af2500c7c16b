// A prepared SQLite statement (RAII over sqlite3_stmt): bind by index (1-based) or by name (with its
// prefix, ":key"), step, read columns, reset. Errors come back as Result and never contain bound
// values. Column getters are valid only after step() returned Row and follow SQLite's conversion
// rules (NULL reads as 0, 0.0, "" or an empty blob).
// Thread-safety: the thread that uses its Database (see database.h); must not outlive it.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_stmt;

namespace simkyc::store {

enum class StepResult { Row, Done };
enum class ColumnType { Integer, Float, Text, Blob, Null };

class Statement {
public:
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Status bindInt64(int index, std::int64_t value);
    Status bindDouble(int index, double value);
    Status bindText(int index, std::string_view value);           // copied; may contain NUL bytes
    Status bindBlob(int index, std::span<const std::byte> value); // copied; empty binds an empty blob, not NULL
    Status bindNull(int index);

    Status bindInt64(std::string_view name, std::int64_t value);
    Status bindDouble(std::string_view name, double value);
    Status bindText(std::string_view name, std::string_view value);
    Status bindBlob(std::string_view name, std::span<const std::byte> value);
    Status bindNull(std::string_view name);

    // Row: columns are readable. Done: finished (call reset() to run again).
    Result<StepResult> step();
    // Back to the start and all bindings cleared to NULL, so no customer data lingers in the statement.
    void reset();

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] std::string columnName(int column) const;
    [[nodiscard]] ColumnType columnType(int column) const;
    [[nodiscard]] bool columnIsNull(int column) const { return columnType(column) == ColumnType::Null; }
    [[nodiscard]] std::int64_t columnInt64(int column) const;
    [[nodiscard]] double columnDouble(int column) const;
    [[nodiscard]] std::string columnText(int column) const;
    [[nodiscard]] std::vector<std::byte> columnBlob(int column) const;

    // The SQL text as prepared (placeholders, never the bound values).
    [[nodiscard]] std::string_view sql() const;
    [[nodiscard]] sqlite3_stmt *handle() const { return m_stmt; }

private:
    friend class Database;
    explicit Statement(sqlite3_stmt *stmt) : m_stmt(stmt) {}

    Result<int> parameterIndex(std::string_view name) const;
    template <typename BindAt>
    Status bindByName(std::string_view name, BindAt bindAt);
    Status checkBind(int resultCode, int index) const;

    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace simkyc::store

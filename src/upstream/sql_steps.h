// Internal to src/upstream: the prepared-statement steps the repositories share (prepare once per
// connection, bind in order, run), and text conversions. Not part of the module's interface.
// Thread-safety: as the Database passed in (one per thread).
#pragma once

#include "core/result.h"
#include "upstream/database.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <optional>
#include <string>

namespace simkyc::upstream::sql {

inline QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

inline std::string text(const QSqlQuery &q, int column)
{
    return q.value(column).toString().toStdString();
}

inline QVariant nullableText(const std::optional<std::string> &s)
{
    return s ? QVariant(qs(*s)) : QVariant(QMetaType(QMetaType::QString));
}

inline QVariant nullableBlob(const std::optional<QByteArray> &b)
{
    return b ? QVariant(*b) : QVariant(QMetaType(QMetaType::QByteArray));
}

// Prepares (cached), binds in order and runs; the query stays positioned before its first row.
[[nodiscard]] Result<QSqlQuery *> query(Database &db, const QString &sql, std::initializer_list<QVariant> values);
// The first column of the first row, or nullopt when there is none.
[[nodiscard]] Result<std::optional<std::string>> singleText(Database &db, const QString &sql,
                                                            std::initializer_list<QVariant> values);
[[nodiscard]] Status write(Database &db, const QString &sql, std::initializer_list<QVariant> values);
// The current UTC time, ISO 8601 with milliseconds.
[[nodiscard]] QString now();

} // namespace simkyc::upstream::sql

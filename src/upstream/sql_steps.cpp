#include "upstream/sql_steps.h"

#include <QDateTime>

namespace simkyc::upstream::sql {

Result<QSqlQuery *> query(Database &db, const QString &sql, std::initializer_list<QVariant> values)
{
    auto q = db.prepared(sql);
    if (!q)
        return q.error();
    int i = 0;
    for (const QVariant &v : values)
        (*q)->bindValue(i++, v);
    if (Status s = Database::run(**q); !s)
        return s.error();
    return q;
}

Result<std::optional<std::string>> singleText(Database &db, const QString &sql, std::initializer_list<QVariant> values)
{
    auto q = query(db, sql, values);
    if (!q)
        return q.error();
    std::optional<std::string> out;
    if ((*q)->next())
        out = text(**q, 0);
    (*q)->finish();
    return out;
}

Status write(Database &db, const QString &sql, std::initializer_list<QVariant> values)
{
    auto q = query(db, sql, values);
    if (!q)
        return q.error();
    return {};
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace simkyc::upstream::sql

#include "store/settings.h"

#include "store/database.h"

namespace simkyc::store {

Result<std::optional<std::string>> readSetting(Database &db, std::string_view key)
{
    auto s = db.cached("SELECT value FROM settings WHERE key = ?");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindText(1, key); !b)
        return b.error();
    auto step = (*s)->step();
    if (!step)
        return step.error();
    if (*step == StepResult::Done)
        return std::optional<std::string>();
    return std::optional<std::string>((*s)->columnText(0));
}

Status writeSetting(Database &db, std::string_view key, std::string_view value, Clock::time_point now)
{
    auto s = db.cached("INSERT INTO settings (key, value, updated_at) VALUES (?,?,?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
    if (!s)
        return s.error();
    for (Status b : {(*s)->bindText(1, key), (*s)->bindText(2, value), (*s)->bindText(3, utcTimestamp(now))})
        if (!b)
            return b;
    auto step = (*s)->step();
    if (!step)
        return step.error();
    return {};
}

} // namespace simkyc::store

#include "store/settings.h"

#include "store/database.h"

#include <charconv>

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

Result<std::int64_t> readIntSetting(Database &db, std::string_view key, std::int64_t fallback, std::int64_t low,
                                    std::int64_t high)
{
    auto text = readSetting(db, key);
    if (!text)
        return text.error();
    if (!*text)
        return fallback;
    std::int64_t value = 0;
    const std::string &v = **text;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || end != v.data() + v.size() || value < low || value > high)
        return Error{ErrorCode::InvalidArgument, "setting " + std::string(key) + " must be a whole number " +
                                                     std::to_string(low) + ".." + std::to_string(high)};
    return value;
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
    return stepOnce(s);
}

} // namespace simkyc::store

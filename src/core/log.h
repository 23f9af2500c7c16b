// Logging for the Qt-free modules (core, vision, crypto, store). One category per module,
// named simkyc.<module>[.<part>]. Programs install a sink once at start (the Qt programs route
// it into QLoggingCategory so QT_LOGGING_RULES and the journal work); the default sink writes
// "category: level: message" to stderr.
// Never log images, embeddings, keys, tokens or customer data.
// Thread-safety: all functions may be called from any thread; setSink/setMinimumLevel are atomic.
#pragma once

#include <string_view>

namespace simkyc::log {

enum class Level { Debug = 0, Info = 1, Warning = 2, Critical = 3 };

struct Category {
    const char *name;
};

using Sink = void (*)(Level level, std::string_view category, std::string_view message);

void setSink(Sink sink);           // nullptr restores the default stderr sink
void setMinimumLevel(Level level); // messages below this level are dropped before formatting
Level minimumLevel();
std::string_view levelName(Level level);

void write(Level level, const Category &category, std::string_view message);
inline void debug(const Category &c, std::string_view m)
{
    write(Level::Debug, c, m);
}
inline void info(const Category &c, std::string_view m)
{
    write(Level::Info, c, m);
}
inline void warning(const Category &c, std::string_view m)
{
    write(Level::Warning, c, m);
}
inline void critical(const Category &c, std::string_view m)
{
    write(Level::Critical, c, m);
}

// The module categories, set up once here so every module logs under a stable name.
inline constexpr Category kCore{"simkyc.core"};
inline constexpr Category kVision{"simkyc.vision"};
inline constexpr Category kCrypto{"simkyc.crypto"};
inline constexpr Category kStore{"simkyc.store"};
inline constexpr Category kSync{"simkyc.sync"};
inline constexpr Category kUpstream{"simkyc.upstream"};
inline constexpr Category kApp{"simkyc.app"};

} // namespace simkyc::log

#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <string>

namespace simkyc::log {
namespace {

void stderrSink(Level level, std::string_view category, std::string_view message)
{
    std::string line;
    line.reserve(category.size() + message.size() + 16);
    line.append(category).append(": ").append(levelName(level)).append(": ").append(message).push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stderr);
}

std::atomic<Sink> g_sink{&stderrSink};
std::atomic<Level> g_minimum{Level::Info};

} // namespace

void setSink(Sink sink)
{
    g_sink.store(sink != nullptr ? sink : &stderrSink);
}
void setMinimumLevel(Level level)
{
    g_minimum.store(level);
}
Level minimumLevel()
{
    return g_minimum.load();
}

std::string_view levelName(Level level)
{
    switch (level) {
    case Level::Debug: return "debug";
    case Level::Info: return "info";
    case Level::Warning: return "warning";
    case Level::Critical: return "critical";
    }
    return "info";
}

void write(Level level, const Category &category, std::string_view message)
{
    if (static_cast<int>(level) < static_cast<int>(g_minimum.load()))
        return;
    g_sink.load()(level, category.name, message);
}

} // namespace simkyc::log

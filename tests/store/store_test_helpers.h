// Helpers for the store tests: file bytes, small migration lists and a log capture.
// Thread-safety: one test at a time (the log capture is process-wide).
#pragma once

#include "core/log.h"
#include "store/migrations.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::store::test {

inline std::vector<char> readBytes(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const std::filesystem::path &file, const std::vector<char> &bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    ASSERT_TRUE(out.good()) << file;
}

inline void writeText(const std::filesystem::path &file, std::string_view text)
{
    writeBytes(file, std::vector<char>(text.begin(), text.end()));
}

inline std::vector<std::byte> bytesOf(std::initializer_list<int> values)
{
    std::vector<std::byte> out;
    for (int v : values)
        out.push_back(static_cast<std::byte>(v));
    return out;
}

// Three versions of a small schema, for upgrade tests: the first `count` of them.
inline std::vector<Migration> threeVersions(std::size_t count = 3)
{
    std::vector<Migration> all = {
        {1, "customer", "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"},
        {2, "phone_and_device",
         "ALTER TABLE customer ADD COLUMN phone TEXT;\nCREATE TABLE device (id INTEGER PRIMARY KEY);"},
        {3, "index_and_seed", "CREATE INDEX customer_phone ON customer (phone);\nINSERT INTO device (id) VALUES (1);"},
    };
    all.resize(count);
    return all;
}

// Captures every log line ("category|level|message") while alive.
class LogCapture {
public:
    LogCapture()
    {
        lines().clear();
        log::setSink(&sink);
    }
    ~LogCapture() { log::setSink(nullptr); }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    static std::vector<std::string> &lines()
    {
        static std::vector<std::string> captured;
        return captured;
    }
    [[nodiscard]] std::string all() const
    {
        std::string out;
        for (const std::string &line : lines())
            out += line + "\n";
        return out;
    }

private:
    static void sink(log::Level level, std::string_view category, std::string_view message)
    {
        lines().push_back(std::string(category) + "|" + std::string(log::levelName(level)) + "|" +
                          std::string(message));
    }
};

} // namespace simkyc::store::test

#include "store/migrations.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

namespace simkyc::store {
namespace {

constexpr std::string_view kSuffix = ".sql";
constexpr std::size_t kDigits = 4;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || isDigit(c) || c == '_';
}
bool isValidName(std::string_view name)
{
    return !name.empty() && std::all_of(name.begin(), name.end(), isNameChar);
}

bool startsWithDigits(std::string_view fileName)
{
    return fileName.size() >= kDigits && std::all_of(fileName.begin(), fileName.begin() + kDigits, isDigit);
}

Error badName(std::string_view fileName, std::string_view reason)
{
    return Error{ErrorCode::InvalidFormat, "malformed migration file name '" + std::string(fileName) +
                                               "': " + std::string(reason) +
                                               " (expected NNNN_name.sql, e.g. 0001_initial.sql)"};
}

std::string fourDigits(int version)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d", version);
    return buffer;
}

} // namespace

Result<Migration> parseMigrationFileName(std::string_view fileName)
{
    if (fileName.size() <= kSuffix.size() || fileName.substr(fileName.size() - kSuffix.size()) != kSuffix)
        return badName(fileName, "it does not end in .sql");
    const std::string_view stem = fileName.substr(0, fileName.size() - kSuffix.size());
    if (!startsWithDigits(stem) || (stem.size() > kDigits && isDigit(stem[kDigits])))
        return badName(fileName, "it does not start with exactly 4 digits");
    if (stem.size() <= kDigits + 1 || stem[kDigits] != '_')
        return badName(fileName, "the 4 digits must be followed by '_' and a name");
    const std::string_view name = stem.substr(kDigits + 1);
    if (!isValidName(name))
        return badName(fileName, "the name may hold only a-z, 0-9 and '_'");
    Migration migration;
    migration.version = std::stoi(std::string(stem.substr(0, kDigits)));
    if (migration.version == 0)
        return badName(fileName, "versions start at 0001");
    migration.name = std::string(name);
    return migration;
}

std::string migrationLabel(const Migration &migration)
{
    return fourDigits(migration.version) + "_" + migration.name;
}

Status validateMigrations(const std::vector<Migration> &migrations)
{
    int expected = 1;
    for (const Migration &migration : migrations) {
        if (migration.version != expected)
            return Error{ErrorCode::InvalidFormat,
                         "migrations must be numbered 0001, 0002, ... in order without gaps or duplicates: expected " +
                             fourDigits(expected) + " but found " + migrationLabel(migration)};
        if (!isValidName(migration.name))
            return Error{ErrorCode::InvalidFormat, "migration " + fourDigits(migration.version) +
                                                       " has an invalid name (only a-z, 0-9 and '_' allowed)"};
        if (expected++ > kMaxMigrationVersion)
            return Error{ErrorCode::InvalidFormat, "too many migrations (at most 9999)"};
    }
    return {};
}

Result<std::vector<Migration>> loadMigrations(const std::filesystem::path &directory)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec))
        return Error{ErrorCode::NotFound, "migrations folder '" + directory.string() + "' does not exist"};

    std::vector<Migration> migrations;
    std::filesystem::directory_iterator it(directory, ec);
    for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        const std::string fileName = it->path().filename().string();
        const bool looksLikeMigration = fileName.ends_with(kSuffix) || startsWithDigits(fileName);
        if (fileName.starts_with('.') || !looksLikeMigration || it->is_directory(ec))
            continue;
        Result<Migration> migration = parseMigrationFileName(fileName);
        if (!migration)
            return migration.error();
        std::ifstream in(it->path(), std::ios::binary);
        std::ostringstream text;
        if (in.is_open())
            text << in.rdbuf();
        if (!in.is_open() || in.bad())
            return Error{ErrorCode::IoError, "cannot read migration '" + it->path().string() + "'"};
        migration->sql = std::move(text).str();
        migrations.push_back(std::move(migration).value());
    }
    if (ec)
        return Error{ErrorCode::IoError, "cannot list migrations folder '" + directory.string() + "': " + ec.message()};

    std::sort(migrations.begin(), migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    if (Status valid = validateMigrations(migrations); !valid)
        return valid.error();
    return migrations;
}

} // namespace simkyc::store

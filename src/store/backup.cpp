#include "store/backup.h"

#include "core/log.h"
#include "crypto/aead.h"
#include "store/atomic_file.h"
#include "store/builtin_migrations.h"
#include "store/bytes.h"
#include "store/database.h"
#include "store/quarantine.h"
#include "store/sqlite_error.h"

#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace simkyc::store {
namespace fs = std::filesystem;
namespace {

constexpr int kBusyRetries = 100;
constexpr int kBusySleepMs = 50;
constexpr std::size_t kHeaderSize = 100;
constexpr std::size_t kWriteVersionOffset = 18; // file format bytes: 1 = rollback journal, 2 = WAL
constexpr std::size_t kReadVersionOffset = 19;

struct SqliteCloser {
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using MemoryDb = std::unique_ptr<sqlite3, SqliteCloser>;

Result<MemoryDb> openMemory()
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    MemoryDb db(raw);
    if (rc != SQLITE_OK)
        return sqliteError(raw, rc, "cannot open an in-memory database");
    sqlite3_extended_result_codes(raw, 1);
    return db;
}

// One consistent snapshot of `source` as a database file image, marked rollback-journal so that it
// can be checked in memory; openStore switches it back to WAL.
Result<crypto::SecureBytes> snapshot(sqlite3 *source)
{
    auto memory = openMemory();
    if (!memory)
        return memory.error();
    sqlite3_backup *backup = sqlite3_backup_init(memory->get(), "main", source, "main");
    if (backup == nullptr)
        return sqliteError(memory->get(), sqlite3_extended_errcode(memory->get()), "backup: cannot start");
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < kBusyRetries; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(kBusySleepMs);
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return sqliteError(nullptr, rc, "backup: copying the database failed");
    sqlite3_int64 size = 0;
    unsigned char *image = sqlite3_serialize(memory->get(), "main", &size, 0);
    if (image == nullptr || size < static_cast<sqlite3_int64>(kHeaderSize)) {
        sqlite3_free(image);
        return Error{ErrorCode::DatabaseError, "backup: cannot serialize the snapshot"};
    }
    crypto::SecureBytes bytes(std::span<const std::uint8_t>(image, static_cast<std::size_t>(size)));
    sqlite3_free(image);
    bytes.data()[kWriteVersionOffset] = 1;
    bytes.data()[kReadVersionOffset] = 1;
    return bytes;
}

// integrity_check and user_version of an image, in memory (read-only; the buffer stays ours).
Result<int> checkImage(crypto::SecureBytes &image)
{
    auto memory = openMemory();
    if (!memory)
        return memory.error();
    const auto size = static_cast<sqlite3_int64>(image.size());
    int rc = sqlite3_deserialize(memory->get(), "main", image.data(), size, size, SQLITE_DESERIALIZE_READONLY);
    if (rc != SQLITE_OK)
        return sqliteError(memory->get(), rc, "restore: cannot load the backup image");
    auto pragma = [&](const char *sql, std::string &text) -> Status {
        sqlite3_stmt *stmt = nullptr;
        int step = sqlite3_prepare_v2(memory->get(), sql, -1, &stmt, nullptr);
        if (step == SQLITE_OK)
            step = sqlite3_step(stmt);
        if (step == SQLITE_ROW) {
            const auto *value = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
            text = value != nullptr ? value : "";
        }
        const Error error = step == SQLITE_ROW ? Error{} : sqliteError(memory->get(), step, "restore: check");
        sqlite3_finalize(stmt);
        if (step != SQLITE_ROW)
            return error;
        return {};
    };
    std::string integrity;
    std::string version;
    if (auto s = pragma("PRAGMA integrity_check", integrity); !s)
        return Error{ErrorCode::DatabaseError, "backup image is damaged: " + s.error().message};
    if (integrity != "ok")
        return Error{ErrorCode::DatabaseError, "backup image fails its integrity check: " + integrity.substr(0, 200)};
    if (auto s = pragma("PRAGMA user_version", version); !s)
        return s.error();
    return std::stoi(version);
}

int newestKnownVersion()
{
    int newest = 0;
    for (const Migration &m : builtInMigrations())
        newest = std::max(newest, m.version);
    return newest;
}

fs::path withSuffix(const fs::path &file, std::string_view suffix)
{
    return fs::path(file.string() + std::string(suffix));
}

} // namespace

Status backupStore(Database &database, const Keyring &keys, const fs::path &out, bool replace)
{
    std::error_code ec;
    if (!replace && fs::exists(out, ec))
        return Error{ErrorCode::InvalidArgument, "refusing to overwrite " + out.string()};
    auto image = snapshot(database.handle());
    if (!image)
        return image.error();
    auto sealed = crypto::aeadSeal(keys.storeKey, image->span(), textBytes(kBackupAssociatedData));
    if (!sealed)
        return sealed.error();
    std::vector<std::uint8_t> file(kBackupMagic.begin(), kBackupMagic.end());
    file.insert(file.end(), sealed->begin(), sealed->end());
    if (auto written = writeFileAtomically(out, file, kOwnerOnly, replace); !written)
        return written.error();
    log::info(log::kStore, "backup written to '" + out.string() + "' (" + std::to_string(file.size()) + " bytes)");
    return {};
}

Result<RestoreReport> restoreStore(const fs::path &backup, const Keyring &keys, const fs::path &dbFile, bool force)
{
    std::error_code ec;
    const bool dbExists = fs::exists(dbFile, ec);
    const bool strayWal = !dbExists && fs::exists(withSuffix(dbFile, "-wal"), ec);
    if (strayWal)
        return Error{ErrorCode::InvalidArgument, "a stray " + withSuffix(dbFile, "-wal").string() +
                                                     " would be applied to the restored database; move it away first"};
    if (dbExists && !force)
        return Error{ErrorCode::InvalidArgument,
                     "a database already exists at " + dbFile.string() +
                         "; restore refuses to overwrite it (with --force it is moved to quarantine/ first)"};

    auto file = readSmallFile(backup, kMaxBackupBytes + kBackupMagic.size() + crypto::kAeadOverhead);
    if (!file)
        return file.error();
    if (file->size() < kBackupMagic.size() ||
        !std::equal(kBackupMagic.begin(), kBackupMagic.end(), file->begin(),
                    [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; }))
        return Error{ErrorCode::InvalidFormat, backup.string() + " is not a SimKYC backup"};
    auto image = crypto::aeadOpen(keys.storeKey, std::span(*file).subspan(kBackupMagic.size()),
                                  textBytes(kBackupAssociatedData));
    if (!image) {
        if (image.error().code == ErrorCode::CryptoFailure)
            return Error{ErrorCode::CryptoFailure,
                         "backup " + backup.string() + " does not decrypt: made under another store key, or altered"};
        return image.error();
    }
    auto version = checkImage(*image);
    if (!version)
        return version.error();
    if (*version > newestKnownVersion())
        return Error{ErrorCode::Unsupported, "backup schema version " + std::to_string(*version) +
                                                 " is newer than this program (" +
                                                 std::to_string(newestKnownVersion()) + "); update SimKYC first"};

    RestoreReport report;
    report.schemaVersion = *version;
    report.bytes = image->size();
    if (dbExists) {
        auto moved = quarantineDatabase(dbFile);
        if (!moved)
            return moved.error();
        report.quarantinedAt = *moved;
    }
    if (auto dir = ensurePrivateDirectory(dbFile.has_parent_path() ? dbFile.parent_path() : fs::path(".")); !dir)
        return dir.error();
    if (auto written = writeFileAtomically(dbFile, image->span(), kOwnerOnly, false); !written)
        return written.error();

    auto db = Database::open(dbFile, {.createIfMissing = false});
    if (!db)
        return db.error();
    auto integrity = db->queryText("PRAGMA integrity_check");
    if (!integrity)
        return integrity.error();
    if (*integrity != "ok")
        return Error{ErrorCode::DatabaseError, "restored database fails its integrity check: " + *integrity};
    log::info(log::kStore, "restored '" + dbFile.string() + "' from '" + backup.string() + "' (schema version " +
                               std::to_string(*version) + ")");
    return report;
}

} // namespace simkyc::store

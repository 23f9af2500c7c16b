#include "store/key_rotation.h"

#include "core/log.h"
#include "crypto/hmac.h"
#include "crypto/key_wrap.h"
#include "store/atomic_file.h"
#include "store/audit_log.h"
#include "store/bytes.h"
#include "store/database.h"
#include "store/key_provider.h"
#include "store/keyring.h"
#include "store/open_store.h"
#include "store/settings.h"
#include "store/transaction.h"

#include <array>
#include <memory>
#include <utility>
#include <vector>

namespace simkyc::store {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kKeyCheckLabel = "simkyc/key-check/v1";
constexpr std::string_view kStagedSuffix = ".new";

fs::path staged(const fs::path &file)
{
    return fs::path(file.string() + std::string(kStagedSuffix));
}

std::optional<crypto::SecureBytes> cloneOf(const std::optional<crypto::SecureBytes> &secret)
{
    return secret ? std::optional<crypto::SecureBytes>(secret->clone()) : std::nullopt;
}

// The files a rotation replaces, the store key file last (the order of staging and of activation).
std::array<fs::path, 3> rotatedFiles(const fs::path &dir, bool passphrase)
{
    return {dir / kDeviceKeyFileName, dir / kBlindIndexKeyFileName,
            dir / (passphrase ? kPassphraseKeyFileName : kRawKeyFileName)};
}

void removeStaged(const fs::path &dir)
{
    std::error_code ec;
    for (std::string_view name : {kDeviceKeyFileName, kBlindIndexKeyFileName, kPassphraseKeyFileName, kRawKeyFileName})
        fs::remove(staged(dir / name), ec);
}

Status writeWrapped(const fs::path &file, const crypto::SecureBytes &kek, const crypto::SecureBytes &key)
{
    auto wrapped = crypto::wrapKey(kek, key);
    if (!wrapped)
        return wrapped.error();
    return writeFileAtomically(file, textBytes(hexEncode(*wrapped) + "\n"));
}

// Step 2: every new key file as <name>.new, the store key file last.
Status stage(const fs::path &dir, const Keyring &keys, const crypto::SecureBytes &newKey, bool passphraseMode,
             const crypto::SecureBytes *passphrase)
{
    const auto files = rotatedFiles(dir, passphraseMode);
    if (Status s = writeWrapped(staged(files[0]), newKey, keys.devicePrivate); !s)
        return s;
    if (Status s = writeWrapped(staged(files[1]), newKey, keys.blindIndexKey); !s)
        return s;
    if (!passphraseMode)
        return KeyFileProvider::create(staged(files[2]), newKey);
    auto params = PassphraseKeyProvider::storedParams(files[2]);
    if (!params)
        return params.error();
    return PassphraseKeyProvider::create(staged(files[2]), newKey, passphrase->view(), *params);
}

// Step 3, inside the caller's transaction.
Status rewrapDatabase(Database &db, const crypto::SecureBytes &oldKey, const crypto::SecureBytes &newKey,
                      RotationReport &report)
{
    std::vector<std::pair<std::string, std::vector<std::uint8_t>>> records;
    {
        auto s = db.prepare("SELECT id, wrapped_data_key FROM registrations WHERE length(wrapped_data_key) > 0");
        if (!s)
            return s.error();
        for (;;) {
            auto step = s->step();
            if (!step)
                return step.error();
            if (*step == StepResult::Done)
                break;
            records.emplace_back(s->columnText(0), fromBlob(s->columnBlob(1)));
        }
    }
    for (const auto &[id, wrapped] : records) {
        auto rewrapped = crypto::rewrapKey(oldKey, newKey, wrapped);
        if (!rewrapped)
            return Error{ErrorCode::CryptoFailure, "the data key of record " + id +
                                                       " does not unwrap under the current store key; nothing changed"};
        auto u = db.cached("UPDATE registrations SET wrapped_data_key = ? WHERE id = ?");
        if (!u)
            return u.error();
        for (Status b : {(*u)->bindBlob(1, asBlob(*rewrapped)), (*u)->bindText(2, id)})
            if (!b)
                return b;
        if (auto step = (*u)->step(); !step)
            return step.error();
        ++report.recordsRewrapped;
    }
    auto purged = db.queryInt64("SELECT COUNT(*) FROM registrations WHERE pii_purged_at IS NOT NULL");
    if (!purged)
        return purged.error();
    report.recordsPurged = *purged;

    std::vector<std::pair<std::string, std::string>> settings;
    {
        auto s = db.prepare("SELECT key, value FROM settings WHERE key LIKE '%\\_wrapped' ESCAPE '\\'");
        if (!s)
            return s.error();
        for (auto step = s->step(); step && *step == StepResult::Row; step = s->step())
            settings.emplace_back(s->columnText(0), s->columnText(1));
    }
    for (const auto &[key, value] : settings) {
        auto wrapped = hexDecode(value);
        if (!wrapped)
            return Error{ErrorCode::InvalidFormat, "setting " + key + " is not hex; nothing changed"};
        auto rewrapped = crypto::rewrapKey(oldKey, newKey, *wrapped);
        if (!rewrapped)
            return Error{ErrorCode::CryptoFailure,
                         "setting " + key + " does not unwrap under the current store key; nothing changed"};
        if (Status w = writeSetting(db, key, hexEncode(*rewrapped)); !w)
            return w;
        ++report.settingsRewrapped;
    }
    auto check = storeKeyCheck(newKey);
    if (!check)
        return check.error();
    return writeSetting(db, kKeyCheckSetting, *check);
}

// Step 4: the staged files that are still there, in order (a rerun after a crash skips done ones).
Status activate(const fs::path &dir, bool passphraseMode, RotationOptions::StopAfter stop)
{
    std::error_code ec;
    bool first = true;
    for (const fs::path &file : rotatedFiles(dir, passphraseMode)) {
        if (!fs::exists(staged(file), ec))
            continue;
        if (Status s = renameDurably(staged(file), file); !s)
            return s;
        if (first && stop == RotationOptions::StopAfter::FirstRename)
            return {};
        first = false;
    }
    return {};
}

// Holds the database file's lock until the connection closes. In WAL mode every open connection keeps
// a shared lock, so this fails while another program has the store open: it would go on wrapping new
// records' data keys under the old store key after the rotation.
Status lockExclusively(Database &db)
{
    if (Status s = db.exec("PRAGMA busy_timeout = 1000; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT"); !s)
        return Error{ErrorCode::DatabaseError, "another program has the store open (stop the kiosk and any sync, "
                                               "then rotate); nothing changed: " +
                                                   s.error().message};
    return {};
}

// The store key in `file` (a passphrase or a raw key file), or the error.
Result<crypto::SecureBytes> unlockFile(const fs::path &file, bool passphraseMode,
                                       const std::optional<crypto::SecureBytes> &passphrase)
{
    if (!passphraseMode)
        return KeyFileProvider(file).unlockStoreKey();
    if (!passphrase)
        return Error{ErrorCode::InvalidArgument, "the store key is passphrase-protected: a passphrase is required"};
    return PassphraseKeyProvider(file, passphrase->clone()).unlockStoreKey();
}

// Does the database's data keys open under `key`? true when there is no record to test.
Result<bool> sampleUnwraps(Database &db, const crypto::SecureBytes &key)
{
    auto s = db.prepare("SELECT wrapped_data_key FROM registrations WHERE length(wrapped_data_key) > 0 LIMIT 1");
    if (!s)
        return s.error();
    auto step = s->step();
    if (!step)
        return step.error();
    if (*step == StepResult::Done)
        return true;
    return crypto::unwrapKey(key, fromBlob(s->columnBlob(0))).ok();
}

} // namespace

std::string_view recoveryOutcomeName(RecoveryOutcome outcome)
{
    switch (outcome) {
    case RecoveryOutcome::NothingToDo: return "nothing_to_do";
    case RecoveryOutcome::RolledBack: return "rolled_back";
    case RecoveryOutcome::RolledForward: return "rolled_forward";
    }
    return "nothing_to_do";
}

Result<std::string> storeKeyCheck(const crypto::SecureBytes &storeKey)
{
    auto check = crypto::deriveSubKey(storeKey, kKeyCheckLabel, 16);
    if (!check)
        return check.error();
    return hexEncode(check->span());
}

Result<RecoveryOutcome> resolveInterruptedRotation(const fs::path &dataDir, const fs::path &dbFile,
                                                   const std::optional<crypto::SecureBytes> &passphrase)
{
    const fs::path dir = keysDirOf(dataDir);
    std::error_code ec;
    bool any = false;
    for (std::string_view name : {kDeviceKeyFileName, kBlindIndexKeyFileName, kPassphraseKeyFileName, kRawKeyFileName})
        any = any || fs::exists(staged(dir / name), ec);
    if (!any)
        return RecoveryOutcome::NothingToDo;
    const bool passphraseMode = fs::exists(staged(dir / kPassphraseKeyFileName), ec);
    const bool complete = passphraseMode || fs::exists(staged(dir / kRawKeyFileName), ec);
    auto rollBack = [&](std::string_view why) {
        removeStaged(dir);
        log::warning(log::kStore, "interrupted store-key rotation rolled back (" + std::string(why) + ")");
        return RecoveryOutcome::RolledBack;
    };
    if (!complete) // staging stopped before the store key file: the database was never touched
        return rollBack("staging incomplete");

    std::optional<std::string> dbCheck;
    std::optional<Database> db;
    if (fs::exists(dbFile, ec)) {
        auto opened = openStore(dbFile);
        if (!opened)
            return opened.error();
        db.emplace(std::move(opened).value());
        auto check = readSetting(*db, kKeyCheckSetting);
        if (!check)
            return check.error();
        dbCheck = *check;
    }
    if (!dbCheck) // every rotation writes the check in its transaction: this one never committed
        return rollBack("database not re-wrapped");
    if (passphraseMode && !passphrase)
        return Error{ErrorCode::InvalidArgument, "a store-key rotation was interrupted in " + dir.string() +
                                                     ": give the passphrase (--passphrase-file) to resolve it"};
    const fs::path storeFile = dir / (passphraseMode ? kPassphraseKeyFileName : kRawKeyFileName);
    auto newKey = unlockFile(staged(storeFile), passphraseMode, passphrase);
    if (newKey) {
        auto check = storeKeyCheck(*newKey);
        if (!check)
            return check.error();
        if (*check != *dbCheck)
            return rollBack("database still under the previous key");
        auto sample = sampleUnwraps(*db, *newKey);
        if (!sample)
            return sample.error();
        if (!*sample)
            return Error{ErrorCode::CryptoFailure, "interrupted key rotation: the database's key check names the new "
                                                   "key but a record does not unwrap under it; nothing changed"};
        if (Status s = activate(dir, passphraseMode, RotationOptions::StopAfter::Never); !s)
            return s.error();
        log::warning(log::kStore, "interrupted store-key rotation completed");
        return RecoveryOutcome::RolledForward;
    }
    auto oldKey = unlockFile(storeFile, passphraseMode, passphrase);
    if (oldKey) {
        auto check = storeKeyCheck(*oldKey);
        if (check && *check == *dbCheck)
            return rollBack("database still under the previous key");
    }
    return Error{ErrorCode::CryptoFailure,
                 "interrupted key rotation in " + dir.string() +
                     ": the database is under the new key; give the new passphrase to finish it (nothing changed)"};
}

Result<RotationReport> rotateStoreKey(const fs::path &dataDir, const fs::path &dbFile, RotationOptions options,
                                      Clock::time_point now)
{
    const fs::path dir = keysDirOf(dataDir);
    if (auto recovered = resolveInterruptedRotation(dataDir, dbFile, options.passphrase); !recovered)
        return recovered.error();
    auto provider = detectKeyProvider(dir, cloneOf(options.passphrase));
    if (!provider)
        return provider.error();
    auto keys = unlockKeyring(dataDir, **provider); // a wrong passphrase stops here: nothing changed
    if (!keys)
        return keys.error();
    RotationReport report;
    report.protection = std::string((*provider)->kind());
    const bool passphraseMode = report.protection == "passphrase";
    if (options.newPassphrase && !passphraseMode)
        return Error{ErrorCode::InvalidArgument, "this store key is a key file, not passphrase-protected"};
    const crypto::SecureBytes *passphrase =
        options.newPassphrase ? &*options.newPassphrase : (options.passphrase ? &*options.passphrase : nullptr);
    if (passphraseMode && (passphrase == nullptr || passphrase->size() < 8))
        return Error{ErrorCode::InvalidArgument, "the new passphrase must be at least 8 characters"};
    std::error_code ec;
    if (!fs::exists(dbFile, ec))
        return Error{ErrorCode::NotFound, "no store at " + dbFile.string() + "; nothing to rotate"};
    auto db = openStore(dbFile);
    if (!db)
        return db.error();
    if (Status alone = lockExclusively(*db); !alone)
        return alone.error();
    auto newKey = crypto::generateDataKey();
    if (!newKey)
        return newKey.error();
    report.blindIndexKeyPersisted = !fs::exists(dir / kBlindIndexKeyFileName, ec);

    if (Status s = stage(dir, *keys, *newKey, passphraseMode, passphrase); !s) {
        removeStaged(dir);
        return s.error();
    }
    if (options.stopAfterForTests == RotationOptions::StopAfter::Staged)
        return report;
    {
        auto tx = Transaction::begin(*db);
        Status done = tx ? rewrapDatabase(*db, keys->storeKey, *newKey, report) : Status(tx.error());
        const std::string detail = "records=" + std::to_string(report.recordsRewrapped) +
                                   ",settings=" + std::to_string(report.settingsRewrapped) +
                                   ",protection=" + report.protection;
        if (done)
            if (auto a = appendAudit(*db, {options.actor, "key.rotate", std::nullopt, detail}, now); !a)
                done = a.error();
        if (done)
            done = tx->commit();
        if (!done) { // rolled back with the transaction: the old key still opens everything
            removeStaged(dir);
            return done.error();
        }
    }
    if (options.stopAfterForTests == RotationOptions::StopAfter::Committed)
        return report;
    if (Status s = activate(dir, passphraseMode, options.stopAfterForTests); !s)
        return s.error(); // the next start rolls forward (the database is under the new key)
    log::info(log::kStore, "store key rotated (" + report.protection + ", " + std::to_string(report.recordsRewrapped) +
                               " data keys re-wrapped)");
    return report;
}

} // namespace simkyc::store

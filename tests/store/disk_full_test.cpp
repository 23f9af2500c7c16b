// Disk full: a forked child writes registrations under RLIMIT_FSIZE (SIGXFSZ ignored, so a write past
// the limit fails with EFBIG instead of killing it) until a commit fails; the failure must be a clear
// IoError, and after reopening without the limit every record committed before it is still there,
// decrypts, and the store passes integrity_check and the audit chain. Label: integration.
#include "store/audit_log.h"
#include "store/disk_space.h"
#include "store_fixture.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace simkyc::store::test {
namespace {

constexpr std::uintmax_t kHeadroomBytes = 96 * 1024; // room for a few commits, then EFBIG

std::uintmax_t sizeOr0(const std::filesystem::path &file)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    return ec ? 0 : size;
}

void writeAll(int fd, const std::string &text)
{
    if (::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        _exit(4);
}

// The child: "id <id>" per committed record, then "error <code>|<message>"; exit 0.
[[noreturn]] void fillDisk(const std::filesystem::path &dataDir, const std::filesystem::path &dbFile,
                           std::int64_t clerkId, int out)
{
    KeyFileProvider provider(keysDirOf(dataDir) / kRawKeyFileName);
    auto keys = unlockKeyring(dataDir, provider);
    auto db = openStore(dbFile);
    if (!keys || !db)
        _exit(3);
    ::signal(SIGXFSZ, SIG_IGN);
    const rlim_t limit = std::max(sizeOr0(dbFile), sizeOr0(dbFile.string() + "-wal")) + kHeadroomBytes;
    const struct rlimit rl {
        limit, limit
    };
    if (::setrlimit(RLIMIT_FSIZE, &rl) != 0)
        _exit(5);
    RegistrationRepository repo(*db, *keys);
    for (int i = 0; i < 10000; ++i) {
        auto id = repo.insert(sampleRegistration(clerkId, "ZZFULL Name" + std::to_string(i)));
        if (!id) {
            writeAll(out, "error " + std::string(errorCodeName(id.error().code)) + "|" + id.error().message + "\n");
            _exit(0);
        }
        writeAll(out, "id " + *id + "\n");
    }
    writeAll(out, "error none|no write failed\n");
    _exit(0);
}

class DiskFull : public StoreFixture {};

TEST_F(DiskFull, AFailedWriteIsAClearIoErrorAndLosesNothingCommittedBefore)
{
    RegistrationRepository before = repository();
    auto first = before.insert(sampleRegistration(m_clerkId, "ZZFULL First"));
    ASSERT_TRUE(first);
    m_db.reset(); // closes and checkpoints; the child opens its own connection

    int fds[2];
    ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ::close(fds[0]);
        fillDisk(dataDir(), dbFile(), m_clerkId, fds[1]);
    }
    ::close(fds[1]);
    std::string output;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        output.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status << "\n" << output;

    std::vector<std::string> ids{*first};
    std::string error;
    std::size_t start = 0;
    for (std::size_t nl = output.find('\n'); nl != std::string::npos; nl = output.find('\n', start)) {
        const std::string line = output.substr(start, nl - start);
        if (line.rfind("id ", 0) == 0)
            ids.push_back(line.substr(3));
        else if (line.rfind("error ", 0) == 0)
            error = line.substr(6);
        start = nl + 1;
    }
    std::printf("[ disk full ] committed before the failure: %zu; error shown: %s\n", ids.size() - 1, error.c_str());
    EXPECT_EQ(error.rfind("io_error|", 0), 0u) << error;
    EXPECT_NE(error.find("SQLITE_IOERR"), std::string::npos) << error; // EFBIG: SQLite's write error
    EXPECT_EQ(error.find("ZZFULL"), std::string::npos) << "no customer data in the error";
    EXPECT_GT(ids.size(), 1u) << "the headroom should let a few commits through first";

    auto db = openStore(dbFile());
    ASSERT_TRUE(db) << db.error().toString();
    auto integrity = db->queryText("PRAGMA integrity_check");
    ASSERT_TRUE(integrity);
    EXPECT_EQ(*integrity, "ok");
    RegistrationRepository repo(*db, *m_keys);
    auto count = repo.count();
    ASSERT_TRUE(count);
    EXPECT_EQ(*count, static_cast<std::int64_t>(ids.size())) << "the failed registration left nothing behind";
    for (const std::string &id : ids) {
        auto customer = repo.readCustomer(id, "system", "disk_full_test");
        ASSERT_TRUE(customer) << id << ": " << customer.error().toString();
        EXPECT_EQ(customer->name.rfind("ZZFULL", 0), 0u);
    }
    auto chain = verifyAuditChain(*db);
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok) << chain->problem;
}

// A real full file system (ENOSPC), when this process may mount a 1 MiB tmpfs (root; skipped
// otherwise): the write fails with SQLITE_FULL, the free-space guard then refuses new registrations,
// and once the file system grows again both the guard and the store accept them.
class TinyFileSystem : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (::mount("tmpfs", m_mount.path().c_str(), "tmpfs", 0, "size=1m,mode=0700") != 0)
            GTEST_SKIP() << "cannot mount a tmpfs here (needs root): " << std::strerror(errno);
        m_mounted = true;
    }
    void TearDown() override
    {
        if (m_mounted)
            ::umount2(m_mount.path().c_str(), MNT_DETACH);
    }
    simkyc::test::TempDir m_mount;
    simkyc::test::TempDir m_carrier;
    bool m_mounted = false;
};

TEST_F(TinyFileSystem, FullDiskIsSqliteFullAndTheGuardRefusesUntilSpaceIsBack)
{
    const std::filesystem::path data = m_mount.path() / "data";
    KeyInitOptions options;
    options.protection = KeyInitOptions::Protection::KeyFile;
    options.demoCarrierDir = m_carrier.path();
    ASSERT_TRUE(initKeys(data, options));
    KeyFileProvider provider(keysDirOf(data) / kRawKeyFileName);
    auto keys = unlockKeyring(data, provider);
    ASSERT_TRUE(keys);
    std::vector<std::string> ids;
    std::string error;
    std::int64_t clerkId = 0;
    {
        auto db = openStore(data / "simkyc.db");
        ASSERT_TRUE(db) << db.error().toString();
        StaffRepository staff(*db, kCheapScrypt);
        auto clerk = staff.add("clerk1", StaffRole::Clerk, "clerk-password");
        ASSERT_TRUE(clerk);
        clerkId = clerk->id;
        RegistrationRepository repo(*db, *keys);
        for (int i = 0; i < 2000 && error.empty(); ++i) {
            auto id = repo.insert(sampleRegistration(clerk->id, "ZZFULL Name" + std::to_string(i)));
            if (id)
                ids.push_back(*id);
            else
                error = std::string(errorCodeName(id.error().code)) + "|" + id.error().message;
        }
    }
    std::printf("[ tmpfs full ] committed: %zu; error shown: %s\n", ids.size(), error.c_str());
    EXPECT_EQ(error.rfind("io_error|", 0), 0u) << error;
    EXPECT_NE(error.find("SQLITE_FULL"), std::string::npos) << error;
    EXPECT_NE(error.find("full"), std::string::npos) << error;

    const Status refused = requireFreeSpace(data, 256 * 1024);
    ASSERT_FALSE(refused) << "the guard refuses new registrations on a full disk";
    EXPECT_EQ(refused.error().code, ErrorCode::IoError);
    std::printf("[ tmpfs full ] guard: %s\n", refused.error().message.c_str());

    ASSERT_EQ(::mount("tmpfs", m_mount.path().c_str(), "tmpfs", MS_REMOUNT, "size=8m,mode=0700"), 0);
    EXPECT_TRUE(requireFreeSpace(data, 256 * 1024)) << "space is back";
    auto db = openStore(data / "simkyc.db");
    ASSERT_TRUE(db) << db.error().toString();
    EXPECT_EQ(*db->queryText("PRAGMA integrity_check"), "ok");
    RegistrationRepository repo(*db, *keys);
    EXPECT_EQ(*repo.count(), static_cast<std::int64_t>(ids.size()));
    for (const std::string &id : ids)
        ASSERT_TRUE(repo.readCustomer(id, "system", "disk_full_test")) << id;
    EXPECT_TRUE(repo.insert(sampleRegistration(clerkId, "ZZFULL After")));
    auto chain = verifyAuditChain(*db);
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok) << chain->problem;
}

} // namespace
} // namespace simkyc::store::test

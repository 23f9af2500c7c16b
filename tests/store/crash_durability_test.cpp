// Crash durability: a forked child commits registrations in a loop and reports each acknowledged id
// on a pipe only after commit() returned; the parent SIGKILLs it at random moments and, after each
// kill, reopens the store and checks that every acknowledged record is present and decrypts, that
// PRAGMA integrity_check is "ok" and that the audit chain verifies. Label: integration (~seconds).
#include "store/audit_log.h"
#include "store_fixture.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace simkyc::store::test {
namespace {

constexpr int kKills = 100;

// The child: never returns. Exit code 3 when the store cannot be opened or a commit fails.
[[noreturn]] void commitForever(const std::filesystem::path &dataDir, const std::filesystem::path &dbFile,
                                std::int64_t clerkId, int out)
{
    KeyFileProvider provider(keysDirOf(dataDir) / kRawKeyFileName);
    auto keys = unlockKeyring(dataDir, provider);
    if (!keys)
        _exit(3);
    auto db = openStore(dbFile);
    if (!db)
        _exit(3);
    RegistrationRepository repo(*db, *keys);
    for (int i = 0;; ++i) {
        auto id = repo.insert(sampleRegistration(clerkId, "ZZCRASH Name" + std::to_string(i)));
        if (!id)
            _exit(3);
        const std::string line = *id + "\n";
        if (::write(out, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
            _exit(4);
    }
}

// Appends complete lines read from fd to ids, keeping a partial tail in `pending`.
void drain(int fd, std::string &pending, std::vector<std::string> &ids)
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        pending.append(buffer, static_cast<std::size_t>(n));
    }
    std::size_t start = 0;
    for (std::size_t nl = pending.find('\n'); nl != std::string::npos; nl = pending.find('\n', start)) {
        ids.push_back(pending.substr(start, nl - start));
        start = nl + 1;
    }
    pending.erase(0, start);
}

class CrashDurability : public StoreFixture {};

TEST_F(CrashDurability, EveryAcknowledgedRecordSurvivesSigkill)
{
    m_db.reset(); // no connection may be shared with the child
    std::mt19937 rng(std::random_device{}());
    std::uniform_int_distribution<int> delayMs(5, 40);
    std::set<std::string> acknowledged;
    std::int64_t decrypted = 0;
    int childFailures = 0;

    for (int round = 0; round < kKills; ++round) {
        int fds[2];
        ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::close(fds[0]);
            commitForever(dataDir(), dbFile(), m_clerkId, fds[1]);
        }
        ::close(fds[1]);
        ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(rng)));
        ASSERT_EQ(::kill(pid, SIGKILL), 0);
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL))
            ++childFailures; // exited on its own: an open or commit failed
        std::string pending;
        std::vector<std::string> fresh;
        drain(fds[0], pending, fresh);
        ::close(fds[0]);
        EXPECT_TRUE(pending.empty() || pending.size() < 36) << "partial line is only ever an unacknowledged tail";

        auto db = openStore(dbFile());
        ASSERT_TRUE(db) << "round " << round << ": " << db.error().toString();
        auto integrity = db->queryText("PRAGMA integrity_check");
        ASSERT_TRUE(integrity) << integrity.error().toString();
        ASSERT_EQ(*integrity, "ok") << "round " << round;

        std::set<std::string> present;
        {
            auto stmt = db->prepare("SELECT id FROM registrations");
            ASSERT_TRUE(stmt);
            for (auto step = stmt->step(); step && *step == StepResult::Row; step = stmt->step())
                present.insert(stmt->columnText(0));
        }
        acknowledged.insert(fresh.begin(), fresh.end());
        for (const std::string &id : acknowledged)
            ASSERT_TRUE(present.count(id)) << "acknowledged record lost after kill " << round << ": " << id;

        RegistrationRepository repo(*db, *m_keys);
        for (const std::string &id : fresh) {
            auto customer = repo.readCustomer(id, "system", "crash_test");
            ASSERT_TRUE(customer) << id << ": " << customer.error().toString();
            EXPECT_EQ(customer->name.rfind("ZZCRASH Name", 0), 0u);
            ++decrypted;
        }
        auto chain = verifyAuditChain(*db);
        ASSERT_TRUE(chain) << chain.error().toString();
        ASSERT_TRUE(chain->ok) << "round " << round << ": " << chain->problem << " at " << chain->firstBadId;
    }
    EXPECT_EQ(childFailures, 0);
    EXPECT_GT(acknowledged.size(), 0u);
    std::printf("[ crash ] kills=%d acknowledged=%zu decrypted=%lld child_failures=%d\n", kKills, acknowledged.size(),
                static_cast<long long>(decrypted), childFailures);
}

} // namespace
} // namespace simkyc::store::test

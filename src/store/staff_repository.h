// StaffRepository: clerk and manager accounts with scrypt password hashes (parameters stored in each
// hash; production calibrates to ~250 ms, tests pass cheap ones) and failed-attempt lockout.
// Guarantees: a login attempt against a locked account is refused without checking the password and
// without extending the lock; maxFailures consecutive failures lock the account for the policy's
// duration and reset the counter; a success resets it. An unknown name costs one hash like a known
// one. Every change is audited (codes only). Passwords never reach logs, errors or the audit log.
// Thread-safety: one instance per thread (that of its Database).
#pragma once

#include "core/result.h"
#include "crypto/password_hash.h"
#include "store/record_id.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::store {

class Database;

enum class StaffRole { Clerk, Manager };
[[nodiscard]] std::string_view staffRoleName(StaffRole role); // "clerk", "manager"
[[nodiscard]] Result<StaffRole> parseStaffRole(std::string_view name);

struct StaffMember {
    std::int64_t id = 0;
    std::string name;
    StaffRole role = StaffRole::Clerk;
};

struct LockoutPolicy {
    int maxFailures = 5;
    std::chrono::seconds lockDuration{15 * 60};
};

enum class LoginOutcome { Ok, WrongCredentials, Locked };

struct LoginResult {
    LoginOutcome outcome = LoginOutcome::WrongCredentials;
    std::optional<StaffMember> member; // set when Ok
    std::string lockedUntil;           // set when Locked (UTC ISO 8601)
};

inline constexpr std::size_t kMinPasswordLength = 8;

// One account as the manager's staff screen shows it (no password hash).
struct StaffAccount {
    StaffMember member;
    std::int64_t failedAttempts = 0;
    std::optional<std::string> lockedUntil; // UTC ISO 8601, when a lock was ever set (may be past)
};

class StaffRepository {
public:
    StaffRepository(Database &db, crypto::ScryptParams params, LockoutPolicy policy = {})
        : m_db(db), m_params(params), m_policy(policy)
    {
    }

    // Names: 1..64 of [A-Za-z0-9._-]. InvalidArgument for a bad name or a password shorter than
    // kMinPasswordLength; DatabaseError (SQLITE_CONSTRAINT_UNIQUE) for a taken name.
    [[nodiscard]] Result<StaffMember> add(std::string_view name, StaffRole role, std::string_view password,
                                          Clock::time_point now = Clock::now());
    [[nodiscard]] Result<LoginResult> verifyLogin(std::string_view name, std::string_view password,
                                                  Clock::time_point now = Clock::now());
    // NotFound for an unknown name. Clears failed attempts and any lock.
    [[nodiscard]] Status changePassword(std::string_view name, std::string_view newPassword,
                                        Clock::time_point now = Clock::now());
    // Locks until `until` (a manager's action).
    [[nodiscard]] Status lock(std::string_view name, Clock::time_point until, Clock::time_point now = Clock::now());
    [[nodiscard]] Result<std::optional<StaffMember>> find(std::string_view name);
    // Every member, by id (the manager's day view names the clerk of each record).
    [[nodiscard]] Result<std::map<std::int64_t, StaffMember>> all();
    // Every account with its lockout state, by name.
    [[nodiscard]] Result<std::vector<StaffAccount>> accounts();
    // Who the audit entries of add, changePassword and lock name ("cli" by default; the kiosk passes
    // "staff:N", the manager acting). A code: [A-Za-z0-9_.:-].
    void setActor(std::string actor) { m_actor = std::move(actor); }

private:
    Database &m_db;
    crypto::ScryptParams m_params;
    LockoutPolicy m_policy;
    std::string m_actor = "cli";
};

} // namespace simkyc::store

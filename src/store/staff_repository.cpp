#include "store/staff_repository.h"

#include "store/audit_log.h"
#include "store/database.h"
#include "store/transaction.h"

#include <algorithm>

namespace simkyc::store {
namespace {

bool validName(std::string_view name)
{
    return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    });
}

struct StaffRow {
    StaffMember member;
    std::string passwordHash;
    std::int64_t failedAttempts = 0;
    std::string lockedUntil;
};

Result<std::optional<StaffRow>> loadRow(Database &db, std::string_view name)
{
    auto s = db.cached("SELECT id, name, role, password_hash, failed_attempts, locked_until FROM staff WHERE name = ?");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindText(1, name); !b)
        return b.error();
    auto step = (*s)->step();
    if (!step)
        return step.error();
    if (*step == StepResult::Done)
        return std::optional<StaffRow>();
    auto role = parseStaffRole((*s)->columnText(2));
    if (!role)
        return role.error();
    return std::optional<StaffRow>(StaffRow{{(*s)->columnInt64(0), (*s)->columnText(1), *role},
                                            (*s)->columnText(3),
                                            (*s)->columnInt64(4),
                                            (*s)->columnText(5)});
}

// UPDATE staff SET failed_attempts = ?, locked_until = ? [, password_hash = ?] WHERE id = ?, plus an audit entry.
Status updateRow(Database &db, std::int64_t id, std::int64_t failed, const std::string &lockedUntil,
                 const std::string *passwordHash, const AuditEntry &audit, Clock::time_point now)
{
    auto tx = Transaction::begin(db);
    if (!tx)
        return tx.error();
    {
        auto s = db.cached("UPDATE staff SET failed_attempts = ?1, locked_until = ?2, "
                           "password_hash = coalesce(?3, password_hash) WHERE id = ?4");
        if (!s)
            return s.error();
        Statement &q = **s;
        for (Status b : {q.bindInt64(1, failed), lockedUntil.empty() ? q.bindNull(2) : q.bindText(2, lockedUntil),
                         passwordHash ? q.bindText(3, *passwordHash) : q.bindNull(3), q.bindInt64(4, id)})
            if (!b)
                return b;
        if (auto step = q.step(); !step)
            return step.error();
    }
    if (auto a = appendAudit(db, audit, now); !a)
        return a.error();
    return tx->commit();
}

} // namespace

std::string_view staffRoleName(StaffRole role)
{
    return role == StaffRole::Manager ? "manager" : "clerk";
}

Result<StaffRole> parseStaffRole(std::string_view name)
{
    if (name == "clerk")
        return StaffRole::Clerk;
    if (name == "manager")
        return StaffRole::Manager;
    return Error{ErrorCode::InvalidFormat, "role must be clerk or manager"};
}

Result<StaffMember> StaffRepository::add(std::string_view name, StaffRole role, std::string_view password,
                                         Clock::time_point now)
{
    if (!validName(name))
        return Error{ErrorCode::InvalidArgument, "staff names are 1..64 of A-Z a-z 0-9 . _ -"};
    if (password.size() < kMinPasswordLength)
        return Error{ErrorCode::InvalidArgument, "password must be at least 8 characters"};
    auto hash = crypto::hashPassword(password, m_params);
    if (!hash)
        return hash.error();
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    std::int64_t id = 0;
    {
        auto s = m_db.cached("INSERT INTO staff (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)");
        if (!s)
            return s.error();
        Statement &q = **s;
        for (Status b : {q.bindText(1, name), q.bindText(2, staffRoleName(role)), q.bindText(3, *hash),
                         q.bindText(4, utcTimestamp(now))})
            if (!b)
                return b.error();
        if (auto step = q.step(); !step)
            return step.error();
        id = m_db.lastInsertRowId();
    }
    const AuditEntry audit{m_actor, "staff.add", std::nullopt,
                           "staff=" + std::to_string(id) + " role=" + std::string(staffRoleName(role))};
    if (auto a = appendAudit(m_db, audit, now); !a)
        return a.error();
    if (Status c = tx->commit(); !c)
        return c.error();
    return StaffMember{id, std::string(name), role};
}

Result<LoginResult> StaffRepository::verifyLogin(std::string_view name, std::string_view password,
                                                 Clock::time_point now)
{
    auto row = loadRow(m_db, name);
    if (!row)
        return row.error();
    if (!row->has_value()) {
        (void)crypto::hashPassword(password, m_params); // same cost as a known name
        return LoginResult{};
    }
    const StaffRow &r = **row;
    const std::string nowText = utcTimestamp(now);
    if (!r.lockedUntil.empty() && r.lockedUntil > nowText)
        return LoginResult{LoginOutcome::Locked, std::nullopt, r.lockedUntil};
    auto match = crypto::verifyPassword(password, r.passwordHash);
    if (!match)
        return match.error();
    const std::string staff = "staff=" + std::to_string(r.member.id);
    if (*match) {
        if (r.failedAttempts != 0 || !r.lockedUntil.empty())
            if (Status s =
                    updateRow(m_db, r.member.id, 0, "", nullptr, {"system", "staff.login", std::nullopt, staff}, now);
                !s)
                return s.error();
        return LoginResult{LoginOutcome::Ok, r.member, ""};
    }
    const std::int64_t failed = r.failedAttempts + 1;
    if (failed >= m_policy.maxFailures) {
        const std::string until = utcTimestamp(now + m_policy.lockDuration);
        if (Status s =
                updateRow(m_db, r.member.id, 0, until, nullptr, {"system", "staff.locked", std::nullopt, staff}, now);
            !s)
            return s.error();
        return LoginResult{LoginOutcome::Locked, std::nullopt, until};
    }
    if (Status s = updateRow(m_db, r.member.id, failed, "", nullptr,
                             {"system", "staff.login_failed", std::nullopt, staff}, now);
        !s)
        return s.error();
    return LoginResult{};
}

Status StaffRepository::changePassword(std::string_view name, std::string_view newPassword, Clock::time_point now)
{
    if (newPassword.size() < kMinPasswordLength)
        return Error{ErrorCode::InvalidArgument, "password must be at least 8 characters"};
    auto row = loadRow(m_db, name);
    if (!row)
        return row.error();
    if (!row->has_value())
        return Error{ErrorCode::NotFound, "no staff member with that name"};
    auto hash = crypto::hashPassword(newPassword, m_params);
    if (!hash)
        return hash.error();
    const std::int64_t id = (*row)->member.id;
    return updateRow(m_db, id, 0, "", &*hash, {m_actor, "staff.passwd", std::nullopt, "staff=" + std::to_string(id)},
                     now);
}

Status StaffRepository::lock(std::string_view name, Clock::time_point until, Clock::time_point now)
{
    auto row = loadRow(m_db, name);
    if (!row)
        return row.error();
    if (!row->has_value())
        return Error{ErrorCode::NotFound, "no staff member with that name"};
    const std::int64_t id = (*row)->member.id;
    return updateRow(m_db, id, (*row)->failedAttempts, utcTimestamp(until), nullptr,
                     {m_actor, "staff.lock", std::nullopt, "staff=" + std::to_string(id)}, now);
}

Result<std::optional<StaffMember>> StaffRepository::find(std::string_view name)
{
    auto row = loadRow(m_db, name);
    if (!row)
        return row.error();
    if (!row->has_value())
        return std::optional<StaffMember>();
    return std::optional<StaffMember>((*row)->member);
}

Result<std::map<std::int64_t, StaffMember>> StaffRepository::all()
{
    auto listed = accounts();
    if (!listed)
        return listed.error();
    std::map<std::int64_t, StaffMember> out;
    for (StaffAccount &a : *listed)
        out.emplace(a.member.id, std::move(a.member));
    return out;
}

Result<std::vector<StaffAccount>> StaffRepository::accounts()
{
    auto s = m_db.cached("SELECT id, name, role, failed_attempts, locked_until FROM staff ORDER BY name");
    if (!s)
        return s.error();
    std::vector<StaffAccount> out;
    Status bad;
    Status read = forEachRow(s, [&](const Statement &q) {
        auto role = parseStaffRole(q.columnText(2));
        if (!role) {
            bad = role.error();
            return;
        }
        StaffAccount a{{q.columnInt64(0), q.columnText(1), *role}, q.columnInt64(3), std::nullopt};
        if (!q.columnIsNull(4) && !q.columnText(4).empty())
            a.lockedUntil = q.columnText(4);
        out.push_back(std::move(a));
    });
    if (!read)
        return read.error();
    if (!bad)
        return bad.error();
    return out;
}

} // namespace simkyc::store

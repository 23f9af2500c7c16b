// simkyc-cli staff add | passwd | lock.
#include "app/cli/command_list.h"
#include "app/store_session.h"
#include "store/staff_repository.h"

namespace simkyc::app::cli {
namespace {

inline constexpr const char *kPasswordEnv = "SIMKYC_STAFF_PASSWORD";

std::optional<std::filesystem::path> pathOption(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        return std::nullopt;
    return std::filesystem::path(parser.value(name).toStdString());
}

Result<crypto::SecureBytes> password(const QCommandLineParser &parser)
{
    auto secret = readSecret(pathOption(parser, "password-file"), kPasswordEnv);
    if (!secret)
        return secret.error();
    if (!secret->has_value())
        return Error{ErrorCode::InvalidArgument, "give --password-file FILE or set SIMKYC_STAFF_PASSWORD"};
    return std::move(**secret);
}

Result<crypto::ScryptParams> scryptParams(const QCommandLineParser &parser)
{
    std::optional<unsigned> logN;
    if (parser.isSet("kdf-cost-log2")) {
        bool ok = false;
        logN = parser.value("kdf-cost-log2").toUInt(&ok);
        if (!ok)
            return Error{ErrorCode::InvalidArgument, "--kdf-cost-log2 must be a number 10..22"};
    }
    return scryptParamsFor(logN);
}

int runStaff(const QString &action, const QString &name, const QCommandLineParser &parser, const CommonOptions &options)
{
    auto params = scryptParams(parser);
    if (!params)
        return fail(options, params.error());
    auto session = openSession(options.dataDir.toStdString(), pathOption(parser, "passphrase-file"), true);
    if (!session)
        return fail(options, session.error());
    store::StaffRepository staff(session->db, *params);
    const std::string user = name.toStdString();
    QJsonObject out{{"name", name}, {"action", action}};
    if (action == "add") {
        auto role = store::parseStaffRole(parser.value("role").toStdString());
        auto secret = password(parser);
        if (!role || !secret)
            return fail(options, role ? secret.error() : role.error());
        auto member = staff.add(user, *role, secret->view());
        if (!member)
            return fail(options, member.error());
        out.insert("id", static_cast<qint64>(member->id));
        out.insert("role", QString::fromStdString(std::string(store::staffRoleName(member->role))));
    } else if (action == "passwd") {
        auto secret = password(parser);
        if (!secret)
            return fail(options, secret.error());
        if (Status s = staff.changePassword(user, secret->view()); !s)
            return fail(options, s.error());
    } else {
        bool ok = false;
        const qint64 minutes = parser.isSet("minutes") ? parser.value("minutes").toLongLong(&ok) : 0;
        if (parser.isSet("minutes") && (!ok || minutes <= 0))
            return fail(options, "invalid_argument", "--minutes must be a positive number");
        // Without --minutes: locked until a manager sets a new password (staff passwd).
        const auto until = store::Clock::now() +
                           (minutes > 0 ? std::chrono::minutes(minutes) : std::chrono::minutes(100LL * 365 * 24 * 60));
        if (Status s = staff.lock(user, until); !s)
            return fail(options, s.error());
        out.insert("locked_until", QString::fromStdString(store::utcTimestamp(until)));
    }
    if (options.json)
        printJson(out);
    else
        printText(QStringLiteral("staff %1: %2 done\n").arg(name, action));
    return kExitOk;
}

} // namespace

Command staffCommand()
{
    Command c;
    c.name = "staff";
    c.summary = "Manage clerk and manager accounts: add, passwd, lock.";
    c.declare = [](QCommandLineParser &parser) {
        parser.addPositionalArgument("action", "add | passwd | lock");
        parser.addPositionalArgument("name", "The staff member's login name.");
        parser.addOption({"role", "clerk or manager (add).", "ROLE", "clerk"});
        parser.addOption({"password-file", "The new password (or set SIMKYC_STAFF_PASSWORD).", "FILE"});
        parser.addOption({"minutes", "Lock for this long (lock; default: until passwd).", "N"});
        parser.addOption({"passphrase-file", "The manager's passphrase (or set SIMKYC_PASSPHRASE).", "FILE"});
        parser.addOption({"kdf-cost-log2", "scrypt cost N = 2^VALUE instead of calibrating (tests only).", "VALUE"});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 2 || !(args[0] == "add" || args[0] == "passwd" || args[0] == "lock"))
            return fail(options, "invalid_argument", "usage: simkyc-cli staff add|passwd|lock NAME [options]");
        return runStaff(args[0], args[1], parser, options);
    };
    return c;
}

} // namespace simkyc::app::cli

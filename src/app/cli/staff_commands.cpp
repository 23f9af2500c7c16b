// simkyc-cli staff add | passwd | lock | enrol-face | forget-face.
#include "app/cli/command_list.h"
#include "app/staff_face_enrolment.h"
#include "app/store_session.h"
#include "store/staff_face_repository.h"
#include "store/staff_repository.h"
#include "vision/liveness_session.h"

#include <QJsonArray>

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

// enrol-face: a liveness session on --source, the live face stored for the account; forget-face.
int runFace(const QString &action, const QString &name, const QCommandLineParser &parser, const CommonOptions &options)
{
    auto session = openSession(options.dataDir.toStdString(), pathOption(parser, "passphrase-file"), true);
    if (!session)
        return fail(options, session.error());
    store::StaffRepository staff(session->db, crypto::ScryptParams{});
    auto member = staff.find(name.toStdString());
    if (!member)
        return fail(options, member.error());
    if (!member->has_value())
        return fail(options, "not_found", "no staff member named " + name);
    QJsonObject out{{"name", name}, {"action", action}, {"id", static_cast<qint64>((*member)->id)}};
    if (action == "forget-face") {
        store::StaffFaceRepository faces(session->db, session->keys);
        auto removed = faces.remove((*member)->id, "cli");
        if (!removed)
            return fail(options, removed.error());
        out.insert("removed", *removed);
        if (options.json)
            printJson(out);
        else
            printText(*removed ? QStringLiteral("staff %1: face forgotten\n").arg(name)
                               : QStringLiteral("staff %1: no face was enrolled\n").arg(name));
        return kExitOk;
    }
    if (!parser.isSet("source"))
        return fail(options, "invalid_argument", "give --source CAMERA (the kiosk's camera, /dev/videoN)");
    StaffFaceEnrolmentRequest request;
    request.staffId = (*member)->id;
    request.sourceSpec = parser.value("source").toStdString();
    request.allowRecording = parser.isSet("demo");
    if (parser.isSet("prompts")) {
        auto script = vision::parsePromptScript(parser.value("prompts").toStdString());
        if (!script)
            return fail(options, script.error());
        request.script = std::move(script).value();
    } else {
        vision::ChallengePlanner planner;
        auto drawn = planner.draw(3);
        if (!drawn)
            return fail(options, drawn.error());
        for (const auto challenge : *drawn) {
            request.script.push_back({challenge, -1.0});
            if (!options.json)
                printText(
                    QStringLiteral("prompt: %1\n").arg(QString::fromUtf8(vision::challengeName(challenge).data())));
        }
    }
    auto enrolled = enrolStaffFace(*session, ModelCatalog::builtIn(options.modelsDir), request);
    if (!enrolled)
        return fail(options, enrolled.error());
    QJsonArray reasons;
    for (const std::string &r : enrolled->run.result.reasons)
        reasons.append(QString::fromStdString(r));
    out.insert("liveness_passed", enrolled->run.result.passed);
    out.insert("reasons", reasons);
    out.insert("frames_embedded", enrolled->framesEmbedded);
    out.insert("stored", enrolled->stored);
    if (enrolled->sameFaceAs)
        out.insert("same_face_as", static_cast<qint64>(*enrolled->sameFaceAs));
    if (options.json)
        printJson(out);
    else if (enrolled->stored)
        printText(QStringLiteral("staff %1: face enrolled (%2 frames)\n").arg(name).arg(enrolled->framesEmbedded));
    else if (enrolled->sameFaceAs)
        printText(QStringLiteral("staff %1: not enrolled: this face is already on file for staff id %2\n")
                      .arg(name)
                      .arg(*enrolled->sameFaceAs));
    else
        printText(QStringLiteral("staff %1: not enrolled: the liveness check failed (%2)\n")
                      .arg(name, QString::fromStdString(enrolled->run.result.reasons.empty()
                                                            ? std::string("no reason")
                                                            : enrolled->run.result.reasons.front())));
    return enrolled->stored ? kExitOk : kExitNegative;
}

} // namespace

Command staffCommand()
{
    Command c;
    c.name = "staff";
    c.summary = "Manage clerk and manager accounts: add, passwd, lock; enrol-face (a liveness session on the "
                "kiosk's camera: the staff member's own face, so registrations fronted with it fail staff_face), "
                "forget-face.";
    c.declare = [](QCommandLineParser &parser) {
        parser.addPositionalArgument("action", "add | passwd | lock | enrol-face | forget-face");
        parser.addPositionalArgument("name", "The staff member's login name.");
        parser.addOption({"role", "clerk or manager (add).", "ROLE", "clerk"});
        parser.addOption({"password-file", "The new password (or set SIMKYC_STAFF_PASSWORD).", "FILE"});
        parser.addOption({"minutes", "Lock for this long (lock; default: until passwd).", "N"});
        parser.addOption({"passphrase-file", "The manager's passphrase (or set SIMKYC_PASSPHRASE).", "FILE"});
        parser.addOption({"kdf-cost-log2", "scrypt cost N = 2^VALUE instead of calibrating (tests only).", "VALUE"});
        parser.addOption(
            {"source", "enrol-face: the kiosk's camera (/dev/videoN), or a recording (demos, tests).", "SOURCE"});
        parser.addOption(
            {"prompts", "enrol-face: a fixed script for a recording, e.g. blink@0.5,left@3.0 (seconds).", "SCRIPT"});
        parser.addOption({"demo", "enrol-face: accept a recording as --source (demonstrations and tests only)."});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        const QStringList args = parser.positionalArguments();
        if (args.size() == 2 && (args[0] == "enrol-face" || args[0] == "forget-face"))
            return runFace(args[0], args[1], parser, options);
        if (args.size() != 2 || !(args[0] == "add" || args[0] == "passwd" || args[0] == "lock"))
            return fail(options, "invalid_argument",
                        "usage: simkyc-cli staff add|passwd|lock|enrol-face|forget-face NAME [options]");
        return runStaff(args[0], args[1], parser, options);
    };
    return c;
}

} // namespace simkyc::app::cli

#include "upstream/cli.h"

#include "crypto/digest.h"
#include "protocol/protocol.h"

#include <QFile>
#include <QJsonDocument>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <pwd.h>
#include <unistd.h>

namespace simkyc::upstream {
namespace {

const std::set<std::string> kValueOptions{"listen",
                                          "db",
                                          "tls",
                                          "tls-min",
                                          "max-batch",
                                          "max-body-bytes",
                                          "idle-timeout-ms",
                                          "handshake-timeout-ms",
                                          "max-connections",
                                          "max-connections-per-ip",
                                          "fault-rate-500",
                                          "fault-rate-429",
                                          "delay-ms",
                                          "fault-drop-after-commit",
                                          "fault-garble-after-commit",
                                          "fault-seed",
                                          "limit",
                                          "threshold",
                                          "record",
                                          "carrier-key",
                                          "out",
                                          "reason"};
const std::set<std::string> kFlagOptions{"json", "quiet", "help"};

constexpr const char *kUsage = R"(usage: simkyc-upstream COMMAND [options]
  serve --listen HOST:PORT --db DB --tls DIR [--tls-min 1.2|1.3] [--max-batch N] [--max-body-bytes N]
        [--idle-timeout-ms N] [--handshake-timeout-ms N] [--max-connections N]
        [--max-connections-per-ip N] [--quiet] [--fault-rate-500 P] [--fault-rate-429 P] [--delay-ms N]
        [--fault-drop-after-commit P] [--fault-garble-after-commit P] [--fault-seed N]
  count --db DB [--json]                  {"records": N, "duplicates": N}
  list --db DB [--json] [--limit N]
  verify --db DB [--json]                 re-checks every stored registration
  import DIR --db DB --tls DIR [--json]   submissions from removable media; receipts to DIR/receipts
  open RECORD --db DB --carrier-key FILE [--out FILE] [--reason TEXT] [--json]   audited
  devices list --db DB [--json] | devices remove DEVICE_ID --db DB [--json]
  face-search --db DB --carrier-key FILE [--threshold D] [--json]   1:N search of new records, audited
  face-matches --db DB [--record RECORD] [--limit N] [--json]       what the searches found
DB is sqlite:FILE or postgresql://[user@]host[:port]/dbname[?host=SOCKET_DIR]
)";

} // namespace

std::optional<std::string> Args::value(const std::string &name) const
{
    if (auto it = values.find(name); it != values.end())
        return it->second;
    return std::nullopt;
}

Result<crypto::SecureBytes> readCarrierKey(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, "cannot read the carrier key " + path};
    QByteArray raw = file.read(4096);
    crypto::SecureBytes key;
    if (raw.size() == 32) {
        key = crypto::SecureBytes(std::span(reinterpret_cast<const std::uint8_t *>(raw.constData()), 32));
    } else {
        auto decoded = crypto::fromHex(raw.trimmed().toStdString());
        if (decoded && decoded->size() == 32)
            key = crypto::SecureBytes{std::span<const std::uint8_t>(*decoded)};
        if (decoded)
            std::fill(decoded->begin(), decoded->end(), 0);
    }
    raw.fill('\0');
    if (key.size() != 32)
        return Error{ErrorCode::InvalidFormat, "the carrier key is not 32 bytes (raw or 64 hex characters): " + path};
    return key;
}

std::string operatorName()
{
    if (const char *sudo = std::getenv("SUDO_USER"); sudo != nullptr && *sudo != '\0')
        return sudo;
    if (const passwd *pw = ::getpwuid(::getuid()); pw != nullptr)
        return pw->pw_name;
    return "uid " + std::to_string(::getuid());
}

Result<Args> parseArgs(int argc, char **argv)
{
    Args args;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) != 0) {
            if (args.command.empty())
                args.command = a;
            else
                args.positional.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        std::optional<std::string> inlineValue;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (kFlagOptions.contains(name) && !inlineValue) {
            args.flags.insert(name);
        } else if (kValueOptions.contains(name)) {
            if (!inlineValue && i + 1 >= argc)
                return Error{ErrorCode::InvalidArgument, "--" + name + " needs a value"};
            args.values[name] = inlineValue ? *inlineValue : std::string(argv[++i]);
        } else {
            return Error{ErrorCode::InvalidArgument, "unknown option --" + name};
        }
    }
    return args;
}

Result<double> rateValue(const Args &args, const std::string &name)
{
    const auto text = args.value(name);
    if (!text)
        return 0.0;
    double v = -1;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc() || end != text->data() + text->size() || v < 0.0 || v > 1.0)
        return Error{ErrorCode::InvalidArgument, "--" + name + " must be a probability between 0 and 1"};
    return v;
}

Result<long long> intValue(const Args &args, const std::string &name, long long fallback, long long min, long long max)
{
    const auto text = args.value(name);
    if (!text)
        return fallback;
    long long v = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc() || end != text->data() + text->size() || v < min || v > max)
        return Error{ErrorCode::InvalidArgument,
                     "--" + name + " must be an integer in " + std::to_string(min) + ".." + std::to_string(max)};
    return v;
}

Result<std::unique_ptr<Database>> openDatabase(const Args &args)
{
    const auto text = args.value("db");
    if (!text)
        return Error{ErrorCode::InvalidArgument, "--db is required"};
    auto location = parseDbLocation(*text);
    if (!location)
        return location.error();
    return Database::open(*location);
}

void printJson(const QJsonObject &json)
{
    const QByteArray out = QJsonDocument(json).toJson(QJsonDocument::Compact);
    std::fwrite(out.constData(), 1, static_cast<std::size_t>(out.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int fail(const Args &args, const Error &error, int exitCode)
{
    if (args.flag("json"))
        printJson(protocol::errorBody(errorCodeName(error.code), error.message));
    std::cerr << "simkyc-upstream: " << error.toString() << '\n';
    if (exitCode == kExitUsage)
        std::cerr << kUsage;
    return exitCode;
}

int runCli(int argc, char **argv)
{
    auto args = parseArgs(argc, argv);
    if (!args) {
        std::cerr << "simkyc-upstream: " << args.error().message << '\n' << kUsage;
        return kExitUsage;
    }
    if (args->flag("help") || args->command.empty() || args->command == "help") {
        std::cout << kUsage;
        return args->command.empty() && !args->flag("help") ? kExitUsage : kExitOk;
    }
    const std::map<std::string, int (*)(const Args &)> commands{{"serve", runServe},
                                                                {"count", runCount},
                                                                {"list", runList},
                                                                {"verify", runVerify},
                                                                {"import", runImport},
                                                                {"open", runOpen},
                                                                {"devices", runDevices},
                                                                {"face-search", runFaceSearch},
                                                                {"face-matches", runFaceMatches}};
    const auto it = commands.find(args->command);
    if (it == commands.end())
        return fail(*args, Error{ErrorCode::InvalidArgument, "unknown command " + args->command}, kExitUsage);
    return it->second(*args);
}

} // namespace simkyc::upstream

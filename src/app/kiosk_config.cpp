#include "app/kiosk_config.h"

#include "core/camera_pin.h"
#include "core/opening_hours.h"
#include "core/quota.h"
#include "store/atomic_file.h"

#include <QDir>
#include <QJsonArray>
#include <QStandardPaths>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace simkyc::app {
namespace {

// A key: how to set it from text (nullopt = accepted, else the problem after "KEY = VALUE ") and how
// to read it back as JSON.
struct KeySpec {
    std::string name;
    std::string range;
    std::function<std::optional<std::string>(KioskConfig &, const std::string &)> set;
    std::function<QJsonValue(const KioskConfig &)> get;
};

std::string trim(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r");
    return std::string(text.substr(first, last - first + 1));
}

std::optional<long long> parseWhole(const std::string &text)
{
    long long v = 0;
    const char *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc() || ptr != end || text.empty())
        return std::nullopt;
    return v;
}

std::optional<double> parseDecimal(const std::string &text)
{
    if (text.empty() || text.find_first_not_of("0123456789.-") != std::string::npos)
        return std::nullopt;
    char *end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

KeySpec intKey(std::string name, int KioskConfig::*member, int low, int high)
{
    std::string range = std::to_string(low) + ".." + std::to_string(high);
    return {name, range,
            [=](KioskConfig &c, const std::string &v) -> std::optional<std::string> {
                const auto n = parseWhole(v);
                if (!n)
                    return "is not a whole number (allowed " + range + ")";
                if (*n < low || *n > high)
                    return "is outside " + range;
                c.*member = static_cast<int>(*n);
                return std::nullopt;
            },
            [=](const KioskConfig &c) { return QJsonValue(c.*member); }};
}

KeySpec decimalKey(std::string name, double KioskConfig::*member, double low, double high, const char *rangeText)
{
    std::string range = rangeText;
    return {name, range,
            [=](KioskConfig &c, const std::string &v) -> std::optional<std::string> {
                const auto d = parseDecimal(v);
                if (!d)
                    return "is not a number (allowed " + range + ")";
                if (*d < low || *d > high)
                    return "is outside " + range;
                c.*member = *d;
                return std::nullopt;
            },
            [=](const KioskConfig &c) { return QJsonValue(c.*member); }};
}

KeySpec boolKey(std::string name, bool KioskConfig::*member)
{
    return {name, "true|false",
            [=](KioskConfig &c, const std::string &v) -> std::optional<std::string> {
                if (v != "true" && v != "false")
                    return std::string("is not true or false");
                c.*member = v == "true";
                return std::nullopt;
            },
            [=](const KioskConfig &c) { return QJsonValue(c.*member); }};
}

// Text with a check; `check` returns the problem or nullopt.
KeySpec textKey(std::string name, std::string range, std::string KioskConfig::*member,
                std::function<std::optional<std::string>(const std::string &)> check)
{
    return {name, range,
            [=](KioskConfig &c, const std::string &v) -> std::optional<std::string> {
                if (auto problem = check(v))
                    return problem;
                c.*member = v;
                return std::nullopt;
            },
            [=](const KioskConfig &c) { return QJsonValue(QString::fromStdString(c.*member)); }};
}

std::optional<std::string> absolutePath(const std::string &v, bool allowEmpty)
{
    if (v.empty() && allowEmpty)
        return std::nullopt;
    if (v.empty() || v.front() != '/' || v.find("..") != std::string::npos)
        return std::string("is not an absolute path");
    return std::nullopt;
}

std::optional<std::string> outputName(const std::string &v)
{
    const bool ok = std::all_of(
        v.begin(), v.end(), [](unsigned char ch) { return std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.'; });
    if (!ok || v.size() > 64)
        return std::string("is not a screen output name (letters, digits, - _ .; empty for none)");
    return std::nullopt;
}

std::optional<std::string> httpsUrl(const std::string &v)
{
    if (v.empty())
        return std::nullopt;
    const std::string prefix = "https://";
    const bool ok = v.size() > prefix.size() && v.compare(0, prefix.size(), prefix) == 0 &&
                    v.find_first_of(" \t\"'") == std::string::npos;
    if (!ok)
        return std::string("is not an https:// URL (or empty for no network sync)");
    return std::nullopt;
}

std::optional<std::string> hexPin(const std::string &v)
{
    if (v.empty())
        return std::nullopt;
    if (v.size() != 64 || v.find_first_not_of("0123456789abcdef") != std::string::npos)
        return std::string("is not 64 lowercase hex digits (or empty for no pin)");
    return std::nullopt;
}

const std::set<std::string> &knownLanguages()
{
    static const std::set<std::string> languages{"zh_CN", "en", "de"};
    return languages;
}

KeySpec allowedCamerasKey()
{
    return {"camera.allowed", "comma-separated vendor:product:serial, or empty",
            [](KioskConfig &c, const std::string &v) -> std::optional<std::string> {
                std::vector<std::string> list;
                std::stringstream in(v);
                std::string item;
                while (std::getline(in, item, ','))
                    if (!(item = trim(item)).empty()) {
                        if (auto problem = core::allowListEntryProblem(item); !problem.empty())
                            return problem;
                        list.push_back(item);
                    }
                c.allowedCameras = list;
                return std::nullopt;
            },
            [](const KioskConfig &c) {
                QJsonArray list;
                for (const auto &id : c.allowedCameras)
                    list.append(QString::fromStdString(id));
                return QJsonValue(list);
            }};
}

KeySpec languagesKey()
{
    return {"ui.languages", "comma-separated subset of zh_CN, en, de",
            [](KioskConfig &c, const std::string &v) -> std::optional<std::string> {
                std::vector<std::string> list;
                std::stringstream in(v);
                std::string item;
                while (std::getline(in, item, ',')) {
                    item = trim(item);
                    if (knownLanguages().count(item) == 0)
                        return "names a language other than zh_CN, en, de";
                    if (std::find(list.begin(), list.end(), item) != list.end())
                        return "names " + item + " twice";
                    list.push_back(item);
                }
                if (list.empty())
                    return std::string("is empty (allowed: a comma-separated subset of zh_CN, en, de)");
                c.languages = list;
                return std::nullopt;
            },
            [](const KioskConfig &c) {
                QJsonArray list;
                for (const auto &l : c.languages)
                    list.append(QString::fromStdString(l));
                return QJsonValue(list);
            }};
}

const std::vector<KeySpec> &specs()
{
    static const std::vector<KeySpec> all = [] {
        using C = KioskConfig;
        std::vector<KeySpec> s;
        s.push_back(textKey("store.data_dir", "absolute path", &C::dataDir,
                            [](const std::string &v) { return absolutePath(v, false); }));
        s.push_back(intKey("store.min_free_mib", &C::minFreeMib, 16, 65536));
        s.push_back(textKey("store.opening_hours", "HH:MM-HH:MM or empty", &C::openingHours,
                            [](const std::string &v) -> std::optional<std::string> {
                                if (v.empty() || core::parseOpeningHours(v))
                                    return std::nullopt;
                                return std::string("is not HH:MM-HH:MM (24-hour clock, two different times)");
                            }));
        s.push_back(textKey("camera.device", "absolute path under /dev", &C::cameraDevice,
                            [](const std::string &v) -> std::optional<std::string> {
                                if (v.rfind("/dev/", 0) != 0 || v.find("..") != std::string::npos)
                                    return std::string("is not a device path under /dev/");
                                return std::nullopt;
                            }));
        s.push_back(intKey("camera.width", &C::cameraWidth, 320, 3840));
        s.push_back(intKey("camera.height", &C::cameraHeight, 240, 2160));
        s.push_back(intKey("camera.fps", &C::cameraFps, 10, 60));
        s.push_back(boolKey("camera.allow_virtual", &C::allowVirtualCamera));
        s.push_back(allowedCamerasKey());
        s.push_back(textKey("camera.id_card", "empty, none or an absolute path under /dev", &C::idCardCamera,
                            [](const std::string &v) -> std::optional<std::string> {
                                if (v.empty() || v == "none")
                                    return std::nullopt;
                                if (v.rfind("/dev/", 0) != 0 || v.find("..") != std::string::npos)
                                    return std::string("is not empty, none or a device path under /dev/");
                                return std::nullopt;
                            }));
        s.push_back(textKey("screens.clerk", "output name or empty", &C::clerkScreen, outputName));
        s.push_back(textKey("screens.customer", "output name or empty", &C::customerScreen, outputName));
        s.push_back(decimalKey("match.threshold", &C::matchThreshold, 0.45, 0.65, "0.45..0.65"));
        s.push_back(intKey("liveness.challenges", &C::livenessChallenges, 2, 5));
        s.push_back(decimalKey("liveness.timeout_s", &C::livenessTimeoutS, 3.0, 15.0, "3..15"));
        s.push_back(intKey("liveness.max_sessions", &C::livenessMaxSessions, 1, 5));
        s.push_back(decimalKey("liveness.passive_threshold", &C::passiveThreshold, 0.05, 0.9, "0.05..0.9"));
        s.push_back(boolKey("liveness.require_passive_model", &C::requirePassiveModel));
        s.push_back(boolKey("liveness.screen_light", &C::screenLight));
        s.push_back(textKey("liveness.capture_quality_file", "absolute path or empty", &C::captureQualityFile,
                            [](const std::string &v) { return absolutePath(v, true); }));
        s.push_back(intKey("quota.max_per_id", &C::quotaMaxPerId, 1, core::kQuotaLimit));
        s.push_back(intKey("retention.review_extra_days", &C::reviewExtraDays, 0, 7));
        s.push_back(intKey("retention.pii_days", &C::piiDays, 1, 365));
        s.push_back(textKey("upstream.url", "https://HOST:PORT or empty", &C::upstreamUrl, httpsUrl));
        s.push_back(textKey("upstream.tls_dir", "absolute path", &C::upstreamTlsDir,
                            [](const std::string &v) { return absolutePath(v, false); }));
        s.push_back(boolKey("upstream.allow_tls12", &C::upstreamAllowTls12));
        s.push_back(textKey("upstream.pin_sha256", "64 hex digits or empty", &C::upstreamPinSha256, hexPin));
        s.push_back(intKey("upstream.batch", &C::upstreamBatch, 1, 1000));
        s.push_back(intKey("upstream.timeout_ms", &C::upstreamTimeoutMs, 100, 600000));
        s.push_back(intKey("upstream.deadline_s", &C::upstreamDeadlineS, 1, 86400));
        s.push_back(languagesKey());
        s.push_back(intKey("ui.idle_lock_minutes", &C::idleLockMinutes, 1, 60));
        return s;
    }();
    return all;
}

const KeySpec *findSpec(const std::string &name)
{
    for (const auto &s : specs())
        if (s.name == name)
            return &s;
    return nullptr;
}

std::string jsonText(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool() ? "true" : "false";
    if (v.isDouble())
        return QString::number(v.toDouble()).toStdString();
    if (v.isArray()) {
        std::string out;
        for (const auto &item : v.toArray())
            out += (out.empty() ? "" : ",") + item.toString().toStdString();
        return out;
    }
    return v.toString().toStdString();
}

} // namespace

const std::vector<ConfigKey> &kioskConfigKeys()
{
    static const std::vector<ConfigKey> keys = [] {
        std::vector<ConfigKey> out;
        const KioskConfig defaults;
        for (const auto &s : specs())
            out.push_back({s.name, s.range, jsonText(s.get(defaults))});
        return out;
    }();
    return keys;
}

namespace {

// Parses `text` over `config`; with managerOnly, keys outside managerSettingKeys() are refused.
// `values`, when given, receives each key's text as written.
Result<KioskConfig> parseOver(KioskConfig config, std::string_view text, std::string_view origin, bool managerOnly,
                              std::map<std::string, std::string> *values = nullptr)
{
    std::vector<std::string> problems;
    std::map<std::string, int> seen; // key -> line
    std::string section;
    std::istringstream in{std::string(text)};
    std::string raw;
    int lineNo = 0;
    while (std::getline(in, raw)) {
        ++lineNo;
        const std::string line = trim(raw);
        const std::string where = " (line " + std::to_string(lineNo) + ")";
        if (line.empty() || line.front() == '#' || line.front() == ';')
            continue;
        if (line.front() == '[') {
            if (line.back() != ']' || line.size() < 3) {
                problems.push_back("'" + line + "' is not a [section] header" + where);
                continue;
            }
            section = trim(std::string_view(line).substr(1, line.size() - 2));
            continue;
        }
        const auto eq = line.find('=');
        if (eq == std::string::npos) {
            problems.push_back("'" + line + "' is not 'key = value'" + where);
            continue;
        }
        const std::string key = trim(std::string_view(line).substr(0, eq));
        const std::string value = trim(std::string_view(line).substr(eq + 1));
        const std::string name = section.empty() ? key : section + "." + key;
        const KeySpec *spec = findSpec(name);
        if (spec == nullptr) {
            problems.push_back(name + " is not a known key (see /usr/share/doc/simkyc/simkyc.conf)" + where);
            continue;
        }
        if (managerOnly &&
            std::find(managerSettingKeys().begin(), managerSettingKeys().end(), name) == managerSettingKeys().end()) {
            problems.push_back(name + " is not a setting the store manager can change" + where);
            continue;
        }
        if (auto [it, inserted] = seen.emplace(name, lineNo); !inserted) {
            problems.push_back(name + " is set twice (lines " + std::to_string(it->second) + " and " +
                               std::to_string(lineNo) + ")");
            continue;
        }
        if (auto problem = spec->set(config, value))
            problems.push_back(name + " = " + value + " " + *problem + where);
        else if (values != nullptr)
            (*values)[name] = value;
    }
    if (!problems.empty()) {
        std::string message = std::string(origin) + ": ";
        for (size_t i = 0; i < problems.size(); ++i)
            message += (i ? "\n" : "") + problems[i];
        return Error{ErrorCode::InvalidArgument, message};
    }
    return config;
}

} // namespace

Result<KioskConfig> parseKioskConfig(std::string_view text, std::string_view origin)
{
    return parseOver(KioskConfig{}, text, origin, false);
}

const std::vector<std::string> &managerSettingKeys()
{
    static const std::vector<std::string> keys{
        "match.threshold",       "liveness.challenges",         "liveness.timeout_s",
        "liveness.max_sessions", "retention.review_extra_days", "retention.pii_days"};
    return keys;
}

Result<KioskConfig> applyManagerSettings(const KioskConfig &base, std::string_view text, std::string_view origin)
{
    return parseOver(base, text, origin, true);
}

std::filesystem::path managerSettingsFile(const std::filesystem::path &dataDir)
{
    return dataDir / kManagerSettingsFileName;
}

Result<std::map<std::string, std::string>> readManagerSettings(const std::filesystem::path &dataDir)
{
    std::map<std::string, std::string> values;
    const auto file = managerSettingsFile(dataDir);
    auto bytes = store::readSmallFile(file);
    if (!bytes.ok())
        return bytes.error().code == ErrorCode::NotFound ? Result<std::map<std::string, std::string>>(values)
                                                         : Result<std::map<std::string, std::string>>(bytes.error());
    const std::string text(bytes->begin(), bytes->end());
    if (auto checked = parseOver(KioskConfig{}, text, file.string(), true, &values); !checked.ok())
        return checked.error();
    return values;
}

Result<KioskConfig> applyManagerValues(const KioskConfig &base, const std::map<std::string, std::string> &values)
{
    KioskConfig out = base;
    for (const auto &[key, value] : values) {
        const KeySpec *spec = findSpec(key);
        if (spec == nullptr ||
            std::find(managerSettingKeys().begin(), managerSettingKeys().end(), key) == managerSettingKeys().end())
            return Error{ErrorCode::InvalidArgument, key + " is not a setting the store manager can change"};
        if (auto problem = spec->set(out, value))
            return Error{ErrorCode::InvalidArgument, key + " = " + value + " " + *problem};
    }
    return out;
}

Result<KioskConfig> withManagerSettings(const KioskConfig &base, const std::filesystem::path &dataDir)
{
    auto values = readManagerSettings(dataDir);
    if (!values.ok())
        return values.error();
    return applyManagerValues(base, *values);
}

Status writeManagerSettings(const std::filesystem::path &dataDir, const std::map<std::string, std::string> &values)
{
    std::string text = "# Settings changed by the store manager on the kiosk (Settings screen), over\n"
                       "# /etc/simkyc/simkyc.conf. Written by the kiosk; every change is in the audit log.\n";
    for (const auto &[key, value] : values)
        text += key + " = " + value + "\n";
    const auto file = managerSettingsFile(dataDir);
    if (auto checked = applyManagerSettings(KioskConfig{}, text, file.string()); !checked.ok())
        return checked.error();
    return store::writeFileAtomically(file, std::span(reinterpret_cast<const std::uint8_t *>(text.data()), text.size()),
                                      store::kOwnerOnly, true);
}

std::string configValueText(const KioskConfig &config, const std::string &key)
{
    const KeySpec *spec = findSpec(key);
    if (spec == nullptr)
        return {};
    const QJsonValue value = spec->get(config);
    if (value.isBool())
        return value.toBool() ? "true" : "false";
    if (value.isDouble())
        return QString::number(value.toDouble()).toStdString();
    return value.toString().toStdString();
}

std::string configKeyRange(const std::string &key)
{
    const KeySpec *spec = findSpec(key);
    return spec == nullptr ? std::string() : spec->range;
}

Result<KioskConfig> loadKioskConfig(const std::filesystem::path &file)
{
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return Error{ErrorCode::NotFound, "configuration file " + file.string() + " does not exist"};
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in && !in.eof())
        return Error{ErrorCode::IoError, "cannot read configuration file " + file.string()};
    if (text.str().size() > 1024 * 1024)
        return Error{ErrorCode::InvalidArgument, file.string() + " is larger than 1 MiB: not a configuration file"};
    return parseKioskConfig(text.str(), file.string());
}

std::filesystem::path configFileFor(const std::string &explicitFile)
{
    if (!explicitFile.empty())
        return explicitFile;
    if (const char *env = std::getenv(kConfigEnv); env != nullptr && *env != '\0')
        return env;
    return kDefaultConfigFile;
}

std::filesystem::path dataDirOf(const KioskConfig &config, const QString &commandLineDataDir)
{
    const QString fallback = QDir::cleanPath(
        QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/simkyc").absolutePath());
    if (!commandLineDataDir.isEmpty() && commandLineDataDir != fallback)
        return commandLineDataDir.toStdString();
    return config.dataDir;
}

QJsonObject configJson(const KioskConfig &config)
{
    QJsonObject out;
    for (const auto &s : specs())
        out.insert(QString::fromStdString(s.name), s.get(config));
    return out;
}

bool isSecretKeyName(std::string_view name)
{
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
    for (const char *word : {"key", "token", "passphrase", "password", "secret"})
        if (lower.find(word) != std::string::npos)
            return true;
    return false;
}

QJsonObject redactedConfigJson(const KioskConfig &config)
{
    QJsonObject out = configJson(config);
    for (auto it = out.begin(); it != out.end(); ++it)
        if (isSecretKeyName(it.key().toStdString()))
            it.value() = QStringLiteral("<redacted>");
    return out;
}

} // namespace simkyc::app

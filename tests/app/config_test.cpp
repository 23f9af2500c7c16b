// The kiosk configuration (app/kiosk_config.h, simkyc-cli config) and simkyc-cli diagnose: every key's
// range enforced and named, typos refused, the shipped file valid, and no customer data in a report.
#include "app/kiosk_config.h"
#include "process.h"
#include "store/key_provider.h"
#include "store/keyring.h"
#include "store/open_store.h"
#include "store/registration_repository.h"
#include "store/retention.h"
#include "store/staff_repository.h"
#include "support/test_env.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace simkyc::test {
namespace {

namespace fs = std::filesystem;

std::string cli()
{
    return (binDir() / "simkyc-cli").string();
}

void writeFile(const fs::path &file, const std::string &text)
{
    std::ofstream(file) << text;
}

std::string readFile(const fs::path &file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

QJsonObject lastJson(const std::string &out)
{
    const std::string line = out.substr(out.rfind('{'));
    return QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
}

// "[section]\nkey = value" for a full key name "section.key".
std::string line(const std::string &fullKey, const std::string &value)
{
    const auto dot = fullKey.find('.');
    return "[" + fullKey.substr(0, dot) + "]\n" + fullKey.substr(dot + 1) + " = " + value + "\n";
}

std::string errorOf(const std::string &text)
{
    auto config = app::parseKioskConfig(text, "test.conf");
    if (config)
        return "accepted";
    EXPECT_EQ(config.error().code, ErrorCode::InvalidArgument);
    return config.error().message;
}

TEST(KioskConfig, ShippedFileIsValidAndHoldsTheDefaults)
{
    auto config = app::loadKioskConfig(sourceDir() / "packaging" / "simkyc.conf");
    ASSERT_TRUE(config) << config.error().toString();
    EXPECT_EQ(app::configJson(*config), app::configJson(app::KioskConfig{}));
    // Every key is documented in the shipped file (commented or set).
    const std::string text = readFile(sourceDir() / "packaging" / "simkyc.conf");
    for (const auto &key : app::kioskConfigKeys()) {
        const std::string shortName = key.name.substr(key.name.find('.') + 1);
        EXPECT_NE(text.find("\n" + shortName + " ="), std::string::npos) << key.name;
    }
}

TEST(KioskConfig, OutOfRangeValueNamesKeyValueRangeAndLine)
{
    EXPECT_EQ(errorOf("# comment\n[match]\nthreshold = 0.9\n"),
              "test.conf: match.threshold = 0.9 is outside 0.45..0.65 (line 3)");
    EXPECT_EQ(errorOf(line("retention.pii_days", "0")), "test.conf: retention.pii_days = 0 is outside 1..365 (line 2)");
    EXPECT_EQ(errorOf(line("retention.review_extra_days", "8")),
              "test.conf: retention.review_extra_days = 8 is outside 0..7 (line 2)");
    EXPECT_EQ(errorOf(line("store.min_free_mib", "15")),
              "test.conf: store.min_free_mib = 15 is outside 16..65536 (line 2)");
}

TEST(KioskConfig, EveryNumericKeyAcceptsItsBoundsAndRefusesBeyondThem)
{
    int checked = 0;
    for (const auto &key : app::kioskConfigKeys()) {
        const auto dots = key.range.find("..");
        if (dots == std::string::npos)
            continue;
        const std::string low = key.range.substr(0, dots), high = key.range.substr(dots + 2);
        const bool decimal = low.find('.') != std::string::npos || key.name == "liveness.timeout_s";
        const double step = decimal ? 0.01 : 1.0;
        EXPECT_EQ(errorOf(line(key.name, low)), "accepted") << key.name;
        EXPECT_EQ(errorOf(line(key.name, high)), "accepted") << key.name;
        for (const double beyond : {std::stod(low) - step, std::stod(high) + step}) {
            std::ostringstream value;
            value << beyond;
            const std::string message = errorOf(line(key.name, value.str()));
            EXPECT_NE(message.find(key.name + " = " + value.str() + " is outside " + key.range), std::string::npos)
                << message;
        }
        ++checked;
    }
    EXPECT_EQ(checked, 16); // every whole-number and decimal key
}

TEST(KioskConfig, TyposDuplicatesAndBadValuesAreAllReported)
{
    const std::string message =
        errorOf("[match]\nthresold = 0.5\n[ui]\nlanguages = en, fr\nidle_lock_minutes = x\n"
                "idle_lock_minutes = 5\n[camera]\nallow_virtual = yes\ndevice = video0\nid_card = video1\n"
                "[upstream]\nurl = http://carrier\npin_sha256 = abc\nnot a pair\n");
    for (const char *expected :
         {"match.thresold is not a known key (see /usr/share/doc/simkyc/simkyc.conf) (line 2)",
          "ui.languages = en, fr names a language other than zh_CN, en, de (line 4)",
          "ui.idle_lock_minutes = x is not a whole number (allowed 1..60) (line 5)",
          "ui.idle_lock_minutes is set twice (lines 5 and 6)", "camera.allow_virtual = yes is not true or false",
          "camera.device = video0 is not a device path under /dev/",
          "camera.id_card = video1 is not empty, none or a device path under /dev/",
          "upstream.url = http://carrier is not an https://",
          "upstream.pin_sha256 = abc is not 64 lowercase hex digits", "'not a pair' is not 'key = value' (line 14)"})
        EXPECT_NE(message.find(expected), std::string::npos) << expected << "\n in: " << message;
    EXPECT_EQ(errorOf("threshold = 0.5\n"), "test.conf: threshold is not a known key "
                                            "(see /usr/share/doc/simkyc/simkyc.conf) (line 1)");
}

TEST(KioskConfig, ValuesAreParsedAndAMissingFileIsNotFound)
{
    auto config = app::parseKioskConfig("[match]\nthreshold = 0.5\n[ui]\nlanguages = de , en\n[upstream]\n"
                                        "url = https://carrier.example:8443\nallow_tls12 = true\n");
    ASSERT_TRUE(config) << config.error().toString();
    EXPECT_DOUBLE_EQ(config->matchThreshold, 0.5);
    EXPECT_EQ(config->languages, (std::vector<std::string>{"de", "en"}));
    EXPECT_EQ(config->upstreamUrl, "https://carrier.example:8443");
    EXPECT_TRUE(config->upstreamAllowTls12);
    auto missing = app::loadKioskConfig("/nonexistent/simkyc.conf");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST(KioskConfig, SecretLookingKeysAreRedacted)
{
    for (const char *name : {"upstream.api_key", "token", "store.passphrase", "staff.Password", "x.secret"})
        EXPECT_TRUE(app::isSecretKeyName(name)) << name;
    for (const char *name : {"upstream.url", "upstream.tls_dir", "match.threshold", "ui.languages"})
        EXPECT_FALSE(app::isSecretKeyName(name)) << name;
    const QJsonObject redacted = app::redactedConfigJson(app::KioskConfig{});
    EXPECT_EQ(redacted.size(), static_cast<qsizetype>(app::kioskConfigKeys().size()));
    EXPECT_EQ(redacted["upstream.tls_dir"].toString(), "/etc/simkyc/tls");
}

// Every code a person can see is in the operator guide with what to do: core's error codes, every
// code the CLI's fail() prints, and the liveness failure reasons.
TEST(OperatorGuide, ListsEveryCodeAPersonCanSee)
{
    const std::string guide = readFile(sourceDir() / "docs" / "operator-guide.md");
    std::set<std::string> codes{"challenge_timeout",  "wrong_direction", "flat_surface",     "face_lost",
                                "several_faces",      "face_changed",    "identity_changed", "virtual_camera",
                                "implausible_stream", "not_completed",   "no_face",          "disk_low"};
    for (int i = 0; i <= static_cast<int>(ErrorCode::InvalidTransition); ++i)
        codes.insert(std::string(errorCodeName(static_cast<ErrorCode>(i))));
    const std::regex failCode(R"re(fail\(options, "([a-z_]+)")re");
    for (const auto &entry : fs::directory_iterator(sourceDir() / "src" / "app" / "cli")) {
        const std::string text = readFile(entry.path());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), failCode); it != std::sregex_iterator(); ++it)
            codes.insert((*it)[1].str());
    }
    EXPECT_GE(codes.size(), 30u);
    for (const std::string &code : codes)
        EXPECT_NE(guide.find("`" + code), std::string::npos) << code << " is not in docs/operator-guide.md";
}

class ConfigCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        writeFile(m_work.path() / "pass", "manager passphrase\n");
        auto keys =
            runProcess(cli(), {"keys", "init", "--data-dir", data(), "--passphrase-file", pass(), "--demo-carrier",
                               (m_work.path() / "carrier").string(), "--kdf-cost-log2", "10"});
        ASSERT_EQ(keys.exitCode, 0) << keys.err;
        auto db = runProcess(cli(), {"db", "init", "--data-dir", data(), "--passphrase-file", pass()});
        ASSERT_EQ(db.exitCode, 0) << db.err;
    }
    [[nodiscard]] std::string data() const { return (m_work.path() / "data").string(); }
    [[nodiscard]] std::string pass() const { return (m_work.path() / "pass").string(); }
    [[nodiscard]] std::string conf() const { return (m_work.path() / "simkyc.conf").string(); }

    // A registration with a customer whose name, ID number and phone a report must never show.
    void plantCustomer()
    {
        const std::string_view passphrase = "manager passphrase";
        store::PassphraseKeyProvider provider(
            fs::path(data()) / "keys" / "store.key",
            crypto::SecureBytes(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(passphrase.data()),
                                                              passphrase.size())));
        auto keyring = store::unlockKeyring(data(), provider);
        auto db = store::openStore(fs::path(data()) / "simkyc.db");
        ASSERT_TRUE(keyring && db);
        store::StaffRepository staff(*db, crypto::ScryptParams{10, 8, 1});
        auto clerk = staff.add("clerk1", store::StaffRole::Clerk, "clerk password");
        ASSERT_TRUE(clerk) << clerk.error().toString();
        store::NewRegistration r;
        r.clerkId = clerk->id;
        r.customer = {kPlantedName, kPlantedId, "1949-12-31", "Plantedstreet 7", kPlantedPhone, "89860012345678901234"};
        r.biometricPayload = {1, 2, 3};
        auto id = store::RegistrationRepository(*db, *keyring).insert(r);
        ASSERT_TRUE(id) << id.error().toString();
    }

    static constexpr const char *kPlantedName = "Zhangplanted Sanfeng";
    static constexpr const char *kPlantedId = "11010519491231002X";
    static constexpr const char *kPlantedPhone = "13912345678";
    TempDir m_work;
};

TEST_F(ConfigCli, CheckPrintsTheEffectiveConfigurationOrNamesTheBadKey)
{
    writeFile(conf(), "[match]\nthreshold = 0.6\n");
    auto ok = runProcess(cli(), {"config", "check", "--config", conf(), "--json"});
    ASSERT_EQ(ok.exitCode, 0) << ok.err;
    EXPECT_DOUBLE_EQ(QJsonDocument::fromJson(QByteArray::fromStdString(ok.out))
                         .object()["config"]
                         .toObject()["match.threshold"]
                         .toDouble(),
                     0.6);

    writeFile(conf(), "[match]\nthreshold = 0.9\n");
    auto bad = runProcess(cli(), {"config", "check", "--config", conf(), "--json"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(lastJson(bad.out)["error"].toString(), "invalid_argument");
    EXPECT_NE(bad.err.find("match.threshold = 0.9 is outside 0.45..0.65"), std::string::npos) << bad.err;
}

TEST_F(ConfigCli, ApplyWritesRetentionAndFreeSpaceIntoTheStoreOnlyWhenTheyDiffer)
{
    writeFile(conf(), "[store]\ndata_dir = " + data() +
                          "\nmin_free_mib = 128\n[retention]\npii_days = 90\n"
                          "review_extra_days = 2\n");
    auto first = runProcess(cli(), {"config", "apply", "--config", conf(), "--json"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_TRUE(lastJson(first.out)["retention_changed"].toBool());
    EXPECT_TRUE(lastJson(first.out)["min_free_changed"].toBool());
    auto again = runProcess(cli(), {"config", "apply", "--config", conf(), "--json"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_FALSE(lastJson(again.out)["retention_changed"].toBool());

    auto purge = runProcess(cli(), {"db", "purge", "--dry-run", "--data-dir", data(), "--json"});
    ASSERT_EQ(purge.exitCode, 0) << purge.err;
    EXPECT_EQ(lastJson(purge.out)["pii_days"].toInt(), 90);
    EXPECT_EQ(lastJson(purge.out)["review_extra_days"].toInt(), 2);
}

// The store manager's settings (Settings screen, <data dir>/manager-settings.conf) are part of the
// effective configuration that check prints and apply writes into the store.
TEST_F(ConfigCli, TheManagersSettingsWinOverTheFileForCheckAndApply)
{
    writeFile(conf(), "[store]\ndata_dir = " + data() + "\n[match]\nthreshold = 0.6\n[retention]\npii_days = 90\n");
    auto init = runProcess(cli(), {"config", "apply", "--config", conf(), "--json"});
    ASSERT_EQ(init.exitCode, 0) << init.err;
    writeFile((fs::path(data()) / "manager-settings.conf").string(),
              "match.threshold = 0.5\nretention.pii_days = 14\n");
    auto check = runProcess(cli(), {"config", "check", "--config", conf(), "--json"});
    ASSERT_EQ(check.exitCode, 0) << check.err;
    const QJsonObject checked = QJsonDocument::fromJson(QByteArray::fromStdString(check.out)).object();
    EXPECT_DOUBLE_EQ(checked["config"].toObject()["match.threshold"].toDouble(), 0.5);
    EXPECT_TRUE(checked["file"].toString().contains("manager-settings.conf")) << check.out;
    auto apply = runProcess(cli(), {"config", "apply", "--config", conf(), "--json"});
    ASSERT_EQ(apply.exitCode, 0) << apply.err;
    EXPECT_TRUE(lastJson(apply.out)["retention_changed"].toBool());
    EXPECT_EQ(lastJson(apply.out)["pii_days"].toInt(), 14);

    writeFile((fs::path(data()) / "manager-settings.conf").string(), "upstream.url = https://elsewhere.example\n");
    auto refused = runProcess(cli(), {"config", "check", "--config", conf(), "--json"});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_NE(refused.err.find("upstream.url is not a setting the store manager can change"), std::string::npos)
        << refused.err;
}

TEST_F(ConfigCli, DiagnoseReportsHealthWithoutCustomerDataOrAPassphrase)
{
    plantCustomer();
    writeFile(conf(), "[store]\ndata_dir = " + data() + "\n");
    for (const bool json : {false, true}) {
        const std::string out = (m_work.path() / (json ? "report.json" : "report.txt")).string();
        std::vector<std::string> args{"diagnose",          "--out", out, "--config", conf(), "--models-dir",
                                      modelsDir().string()};
        if (json)
            args.push_back("--json");
        auto run = runProcess(cli(), args);
        ASSERT_EQ(run.exitCode, 0) << run.err;
        const std::string report = readFile(out);
        for (const std::string planted :
             {kPlantedName, "Zhangplanted", kPlantedId, kPlantedPhone, "Plantedstreet", "manager passphrase"})
            EXPECT_EQ(report.find(planted), std::string::npos) << planted << " leaked into " << out;
        for (const char *expected : {"integrity", "audit_chain", "face_resnet", "match.threshold", "available_mib"})
            EXPECT_NE(report.find(expected), std::string::npos) << expected;
        if (!json)
            continue;
        const QJsonObject r = QJsonDocument::fromJson(QByteArray::fromStdString(report)).object();
        const QJsonObject storeHealth = r["store"].toObject();
        EXPECT_EQ(storeHealth["integrity"].toString(), "ok");
        EXPECT_EQ(storeHealth["registrations"].toInt(), 1);
        EXPECT_TRUE(storeHealth["audit_chain"].toObject()["ok"].toBool());
        EXPECT_EQ(r["sync"].toObject()["pending"].toInt(), 1);
        EXPECT_FALSE(r["versions"].toObject()["OpenSSL"].toString().isEmpty() &&
                     r["versions"].toObject()["openssl"].toString().isEmpty());
        EXPECT_EQ(r["models"].toArray().size(), 6);
        // Whether face checks run with the passive cue, without it, or not at all (issue 18).
        const QJsonObject passive = r["passive_cue"].toObject();
        EXPECT_TRUE(passive["require_passive_model"].toBool()) << "the default";
        EXPECT_EQ(passive["face_checks"].toString().startsWith("REFUSED"), passive["models"].toString() == "missing");
    }
}

TEST_F(ConfigCli, SyncRunTakesUpstreamAndTlsFromTheConfiguration)
{
    // No --upstream/--tls: the configuration's are used (a TLS folder without certificates here).
    const fs::path tls = m_work.path() / "tls";
    fs::create_directories(tls);
    writeFile(conf(), "[upstream]\nurl = https://127.0.0.1:9\ntls_dir = " + tls.string() + "\n");
    ::setenv(app::kConfigEnv, conf().c_str(), 1);
    auto run = runProcess(cli(), {"sync", "run", "--data-dir", data(), "--passphrase-file", pass(), "--json"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.find("sync run needs --upstream"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(tls.string()), std::string::npos) << run.err; // the missing certificate's folder

    writeFile(conf(), "[upstream]\nurl = http://carrier\n");
    auto bad = runProcess(cli(), {"sync", "run", "--data-dir", data(), "--passphrase-file", pass(), "--json"});
    ::unsetenv(app::kConfigEnv);
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("upstream.url = http://carrier is not an https:// URL"), std::string::npos) << bad.err;
}

} // namespace
} // namespace simkyc::test

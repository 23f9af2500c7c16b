// The store manager's Settings screen model on a real store: a value within the configuration's range
// is written to <data dir>/manager-settings.conf, audited, and applied to the kiosk (the next face
// check, the retention job); a value out of range or a key a manager may not change is refused with
// nothing written; Reset brings back the configuration file's value.
#include "app/kiosk_config.h"
#include "gui_fixture.h"
#include "store/retention.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>

namespace simkyc::app {
namespace {

using Screen = RegistrationWorkflow::Screen;

class SettingsTest : public test::WorkflowOnStoreTest {
protected:
    void SetUp() override
    {
        test::WorkflowOnStoreTest::SetUp();
        if (HasFatalFailure())
            return;
        w->settingsView()->setUp(KioskConfig{}, demo.dataDir(), session.get(), [this](const KioskConfig &config) {
            applied = config;
            w->applyFaceSettings(config);
        });
    }
    void signInAsManager()
    {
        w->login(QString::fromStdString(demo.account().managerName),
                 QString::fromStdString(demo.account().managerPassword));
        ASSERT_TRUE(w->isManager());
    }
    QString valueOf(const QString &key) const
    {
        for (const QVariant &row : w->settingsView()->rows())
            if (row.toMap().value("key").toString() == key)
                return row.toMap().value("value").toString();
        return {};
    }
    std::int64_t audits(const std::string &detail)
    {
        auto n = session->db.queryInt64(
            "SELECT count(*) FROM audit_log WHERE action = 'settings.change' AND detail = '" + detail + "'");
        return n.ok() ? *n : -1;
    }

    std::optional<KioskConfig> applied;
};

TEST_F(SettingsTest, AManagerChangesAValueWithinItsRangeAndItIsKeptAuditedAndApplied)
{
    ASSERT_NO_FATAL_FAILURE(signInAsManager());
    ASSERT_TRUE(w->openSettings());
    EXPECT_EQ(w->screen(), Screen::Settings);
    ASSERT_EQ(w->settingsView()->rows().size(), static_cast<qsizetype>(managerSettingKeys().size()));
    EXPECT_EQ(valueOf("match.threshold"), "0.55");

    ASSERT_TRUE(w->settingsView()->change("match.threshold", " 0.5 ")) << w->settingsView()->message().toStdString();
    EXPECT_FALSE(w->settingsView()->failed());
    EXPECT_EQ(valueOf("match.threshold"), "0.5");
    ASSERT_TRUE(applied.has_value());
    EXPECT_DOUBLE_EQ(applied->matchThreshold, 0.5);
    EXPECT_DOUBLE_EQ(w->dayView()->matchThreshold(), 0.5) << "the day's charts follow";
    const auto file = managerSettingsFile(demo.dataDir());
    EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    auto kept = withManagerSettings(KioskConfig{}, demo.dataDir());
    ASSERT_TRUE(kept.ok()) << kept.error().toString();
    EXPECT_DOUBLE_EQ(kept->matchThreshold, 0.5) << "the next start reads it";
    EXPECT_EQ(audits("match.threshold=0.5,was=0.55"), 1);

    ASSERT_TRUE(w->settingsView()->change("liveness.max_sessions", "1"));
    EXPECT_EQ(w->maxFaceChecks(), 1) << "the next face check's limit";
    ASSERT_TRUE(w->settingsView()->change("retention.pii_days", "10"));
    auto policy = store::loadRetentionPolicy(session->db);
    ASSERT_TRUE(policy.ok()) << policy.error().toString();
    EXPECT_EQ(policy->piiDays, 10) << "the retention job reads the store at once";

    ASSERT_TRUE(w->settingsView()->reset("match.threshold"));
    EXPECT_EQ(valueOf("match.threshold"), "0.55") << "back to the configuration file's value";
    EXPECT_EQ(audits("match.threshold=0.55,was=0.5,reset=1"), 1);
    kept = withManagerSettings(KioskConfig{}, demo.dataDir());
    ASSERT_TRUE(kept.ok());
    EXPECT_DOUBLE_EQ(kept->matchThreshold, 0.55);
    EXPECT_EQ(kept->livenessMaxSessions, 1);
    w->closeSettings();
    EXPECT_EQ(w->screen(), Screen::Home);
}

TEST_F(SettingsTest, OutOfRangeValuesAndOtherKeysAreRefusedAndNothingIsWritten)
{
    ASSERT_NO_FATAL_FAILURE(signInAsManager());
    ASSERT_TRUE(w->openSettings());
    for (const auto &[key, value] : {std::pair{"match.threshold", "0.9"}, std::pair{"match.threshold", "abc"},
                                     std::pair{"liveness.challenges", "1"}, std::pair{"retention.pii_days", "0"},
                                     std::pair{"store.data_dir", "/tmp"}, std::pair{"match.threshold", "0.5\nx = 1"}}) {
        EXPECT_FALSE(w->settingsView()->change(key, value)) << key << " = " << value;
        EXPECT_TRUE(w->settingsView()->failed());
        EXPECT_FALSE(w->settingsView()->message().isEmpty());
    }
    EXPECT_FALSE(w->settingsView()->change("store.data_dir", "/tmp"));
    EXPECT_TRUE(w->settingsView()->message().contains("cannot be changed"))
        << w->settingsView()->message().toStdString();
    EXPECT_FALSE(w->settingsView()->change("liveness.challenges", "9"));
    EXPECT_TRUE(w->settingsView()->message().contains("2..5")) << w->settingsView()->message().toStdString();
    EXPECT_FALSE(std::filesystem::exists(managerSettingsFile(demo.dataDir())));
    EXPECT_FALSE(applied.has_value());
    EXPECT_EQ(valueOf("liveness.challenges"), "3");
}

TEST_F(SettingsTest, AClerkCannotOpenTheSettings)
{
    w->login(QString::fromStdString(demo.account().name), QString::fromStdString(demo.account().password));
    EXPECT_FALSE(w->openSettings());
    EXPECT_EQ(w->screen(), Screen::Home);
    EXPECT_FALSE(w->settingsView()->change("match.threshold", "0.5"));
    EXPECT_FALSE(std::filesystem::exists(managerSettingsFile(demo.dataDir())));
}

TEST(ManagerSettingsFile, OnlyTheManagersKeysAndBadFilesAreErrors)
{
    auto ok = applyManagerSettings(KioskConfig{}, "match.threshold = 0.6\nretention.pii_days = 7\n", "m.conf");
    ASSERT_TRUE(ok.ok()) << ok.error().toString();
    EXPECT_DOUBLE_EQ(ok->matchThreshold, 0.6);
    EXPECT_EQ(ok->piiDays, 7);
    auto other = applyManagerSettings(KioskConfig{}, "upstream.url = https://evil.example\n", "m.conf");
    ASSERT_FALSE(other.ok());
    EXPECT_NE(other.error().message.find("upstream.url is not a setting the store manager can change"),
              std::string::npos)
        << other.error().message;
    test::TempDir dir;
    auto none = readManagerSettings(dir.path());
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty());
    // Edited by hand: sections and both comment styles read as the configuration file is.
    std::ofstream(managerSettingsFile(dir.path())) << "; by hand\n[match]\nthreshold = 0.6\n# note\n"
                                                      "[retention]\npii_days = 5\n";
    auto sections = withManagerSettings(KioskConfig{}, dir.path());
    ASSERT_TRUE(sections.ok()) << sections.error().toString();
    EXPECT_DOUBLE_EQ(sections->matchThreshold, 0.6);
    EXPECT_EQ(sections->piiDays, 5);
    std::ofstream(managerSettingsFile(dir.path())) << "liveness.timeout_s = 99\n";
    auto bad = withManagerSettings(KioskConfig{}, dir.path());
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("liveness.timeout_s = 99 is outside 3..15"), std::string::npos)
        << bad.error().message;
}

} // namespace
} // namespace simkyc::app

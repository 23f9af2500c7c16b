#include "app/model_catalog.h"
#include "app/model_install.h"
#include "app/selftest.h"
#include "crypto/digest.h"
#include "model_manifest.h"
#include "support/test_env.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace fs = std::filesystem;

namespace simkyc::app {
namespace {

void writeFile(const fs::path &p, std::string_view content)
{
    std::ofstream(p, std::ios::binary) << content;
}

std::string manifestLine(const std::string &id, const std::string &file, std::string_view content,
                         const std::string &required = "required", const std::string &source = "data:x")
{
    return id + " " + file + " " + crypto::toHex(crypto::sha256(content)) + " " + std::to_string(content.size()) + " " +
           required + " CC0-1.0 " + source + "\n";
}

TEST(ModelManifest, BuiltInManifestParsesAndNamesTheRequiredModels)
{
    auto entries = parseModelManifest(generated::kModelManifest);
    ASSERT_TRUE(entries.ok()) << entries.error().toString();
    auto catalog = ModelCatalog(*entries, {}, std::nullopt);
    for (const char *id : {"landmarks68", "landmarks5", "face_resnet"}) {
        const ModelEntry *e = catalog.find(id);
        ASSERT_NE(e, nullptr) << id;
        EXPECT_TRUE(e->required) << id;
    }
    EXPECT_EQ(catalog.find("face_resnet")->sha256, "55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30");
    ASSERT_NE(catalog.find("minifasnet_v2"), nullptr);
    EXPECT_FALSE(catalog.find("minifasnet_v2")->required);
}

TEST(ModelManifest, RejectsMalformedLinesWithLineNumber)
{
    auto bad = parseModelManifest("# comment\nid file abc 12 required CC0 data:x\n");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("line 2"), std::string::npos) << bad.error().message;
    EXPECT_FALSE(parseModelManifest("only three fields\n").ok());
    EXPECT_FALSE(parseModelManifest("# nothing\n").ok());
    const std::string sha(64, 'a');
    EXPECT_FALSE(parseModelManifest("id f " + sha + " 1 sometimes CC0 data:x\n").ok());
}

// A package installs the programs in /usr/bin and the models in /usr/share/simkyc/models, whatever
// install prefix the build was configured with (found by the debootstrap install: the packaged
// simkyc-cli looked in /usr/local/share/simkyc/models only).
TEST(ModelCatalog, SearchesBesideTheRunningProgramBeforeTheCompiledInFolders)
{
    const auto dirs = ModelCatalog::builtIn().searchDirs();
    const fs::path exe = fs::read_symlink("/proc/self/exe");
    const fs::path beside = (exe.parent_path().parent_path() / "share/simkyc/models").lexically_normal();
    const auto at = std::find(dirs.begin(), dirs.end(), beside);
    ASSERT_NE(at, dirs.end()) << beside;
    const auto install = std::find(dirs.begin(), dirs.end(), fs::path(generated::kInstallModelsDir));
    ASSERT_NE(install, dirs.end());
    EXPECT_LT(at - dirs.begin(), install - dirs.begin());
    EXPECT_EQ(ModelCatalog::builtIn(fs::path("/opt/m")).searchDirs().front(), fs::path("/opt/m"));
}

TEST(ModelCatalog, FindsFirstMatchOnSearchPathAndVerifiesHash)
{
    test::TempDir dir;
    fs::create_directories(dir.path() / "first");
    fs::create_directories(dir.path() / "second");
    writeFile(dir.path() / "second" / "m.dat", "model bytes");
    auto entries = parseModelManifest(manifestLine("m", "m.dat", "model bytes"));
    ASSERT_TRUE(entries.ok());
    ModelCatalog catalog(*entries, {dir.path() / "first", dir.path() / "second"}, std::nullopt);
    auto status = catalog.verify(entries->front());
    EXPECT_EQ(status.state, ModelState::Ok);
    EXPECT_EQ(status.path, dir.path() / "second" / "m.dat");
    auto path = catalog.require("m");
    ASSERT_TRUE(path.ok()) << path.error().toString();

    // A damaged copy earlier on the path wins the search and is reported, not skipped.
    writeFile(dir.path() / "first" / "m.dat", "model bytez");
    auto damaged = catalog.require("m");
    ASSERT_FALSE(damaged.ok());
    EXPECT_EQ(damaged.error().code, ErrorCode::ModelHashMismatch);
    EXPECT_NE(damaged.error().message.find("scripts/setup"), std::string::npos);
}

TEST(ModelCatalog, MissingModelNamesFileSearchedFoldersAndFix)
{
    test::TempDir dir;
    auto entries = parseModelManifest(manifestLine("m", "absent.dat", "x"));
    ASSERT_TRUE(entries.ok());
    ModelCatalog catalog(*entries, {dir.path()}, std::nullopt);
    auto missing = catalog.require("m");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::ModelMissing);
    EXPECT_NE(missing.error().message.find("absent.dat"), std::string::npos);
    EXPECT_NE(missing.error().message.find(dir.path().string()), std::string::npos);
    EXPECT_NE(missing.error().message.find("scripts/setup"), std::string::npos);
}

TEST(ModelCatalog, DataModelsAreFoundInTheDataFolder)
{
    test::TempDir dir;
    fs::create_directories(dir.path() / "spoof");
    writeFile(dir.path() / "spoof" / "net.onnx", "onnx");
    auto entries = parseModelManifest(manifestLine("n", "net.onnx", "onnx", "optional", "data:spoof/net.onnx"));
    ASSERT_TRUE(entries.ok());
    ModelCatalog without(*entries, {}, std::nullopt);
    EXPECT_EQ(without.verify(entries->front()).state, ModelState::Missing);
    ModelCatalog with(*entries, {}, dir.path());
    EXPECT_EQ(with.verify(entries->front()).state, ModelState::Ok);
}

// A fresh install has no MiniFASNet networks (in no Debian package): the self-test says the passive
// cue is off and how to install them, without failing (the program itself works).
TEST(SelfTest, SaysThePassiveCueIsOffWithoutItsModelsAndHowToInstallThem)
{
    test::TempDir empty;
    const ModelCatalog builtIn = ModelCatalog::builtIn();
    std::vector<ModelEntry> optional;
    for (const auto &e : builtIn.entries())
        if (!e.required)
            optional.push_back(e);
    const ModelCatalog fresh(optional, {empty.path()}, empty.path());
    const SelfTestReport report = runSelfTest(fresh);
    EXPECT_NE(report.passiveCueOff.find("simkyc-cli models install"), std::string::npos) << report.passiveCueOff;
    EXPECT_EQ(report.toJson()["passive_cue"].toString(), "off");
    EXPECT_NE(report.toText().find("passive anti-spoofing cue: OFF"), std::string::npos) << report.toText();
    EXPECT_NE(report.toText().find("liveness.require_passive_model"), std::string::npos);
    EXPECT_TRUE(report.problems.empty()) << "optional models missing is no self-test failure";

    // Installed (the build tree holds them when scripts/setup found the labelled data).
    const auto v2 = builtIn.verify(*builtIn.find("minifasnet_v2"));
    if (v2.state != ModelState::Ok)
        GTEST_SKIP() << "MiniFASNetV2.onnx not provisioned here";
    auto installed = installModel(fresh, v2.path, empty.path());
    ASSERT_TRUE(installed.ok()) << installed.error().toString();
    EXPECT_EQ(installed->entry.id, "minifasnet_v2");
    const SelfTestReport after = runSelfTest(fresh);
    EXPECT_TRUE(after.passiveCueOff.empty()) << after.passiveCueOff;
    EXPECT_EQ(after.toJson()["passive_cue"].toString(), "on");
}

} // namespace
} // namespace simkyc::app

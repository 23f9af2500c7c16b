#include "process.h"
#include "support/test_env.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace simkyc::test {
namespace {

std::string cli()
{
    return (binDir() / "simkyc-cli").string();
}

QJsonObject parseLine(const std::string &out)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(out), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << out;
    return doc.object();
}

TEST(Cli, VersionPrintsProgramVersion)
{
    auto r = runProcess(cli(), {"--version"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out.rfind("simkyc-cli ", 0), 0u) << r.out;
    auto j = runProcess(cli(), {"--version", "--json"});
    EXPECT_EQ(parseLine(j.out)["name"].toString(), "simkyc-cli");
}

TEST(Cli, HelpDocumentsCommandsAndExitCodes)
{
    auto r = runProcess(cli(), {"--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("selftest"), std::string::npos);
    EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
}

TEST(Cli, UnknownCommandAndBadOptionAreUsageErrors)
{
    auto r = runProcess(cli(), {"no-such-command"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown command"), std::string::npos);
    auto o = runProcess(cli(), {"selftest", "--no-such-option"});
    EXPECT_EQ(o.exitCode, 2);
    auto none = runProcess(cli(), {});
    EXPECT_EQ(none.exitCode, 2);
}

TEST(Cli, SelftestReportsLibrariesBlasAndVerifiedModels)
{
    auto r = runProcess(cli(), {"selftest", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const QJsonObject report = parseLine(r.out);
    EXPECT_TRUE(report["ok"].toBool());
    const QJsonObject libs = report["libraries"].toObject();
    for (const char *lib : {"qt", "opencv", "dlib", "sqlite", "openssl"})
        EXPECT_FALSE(libs[lib].toString().isEmpty()) << lib;
    EXPECT_EQ(libs["opencv"].toString().left(3), "4.6");
    EXPECT_EQ(libs["dlib"].toString(), "19.24.0");
    EXPECT_EQ(report["blas"].toObject()["provider"].toString(), "openblas");
    EXPECT_EQ(report["crypto_known_answer_tests"].toString(), "passed");
    int requiredOk = 0;
    for (const auto &m : report["models"].toArray()) {
        const QJsonObject model = m.toObject();
        if (!model["required"].toBool())
            continue;
        EXPECT_EQ(model["status"].toString(), "ok") << model["file"].toString().toStdString();
        EXPECT_EQ(model["sha256"].toString(), model["expected_sha256"].toString());
        EXPECT_TRUE(model["loaded"].toBool());
        ++requiredOk;
    }
    EXPECT_EQ(requiredOk, 3);
}

TEST(Cli, SelftestFailsClearlyOnDamagedModel)
{
    TempDir dir;
    // A file with the right name but the wrong content, first on the search path.
    std::ofstream(dir.path() / "shape_predictor_5_face_landmarks.dat") << "not a model";
    auto r = runProcess(cli(), {"selftest", "--json", "--models-dir", dir.path().string()});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    const QJsonObject report = parseLine(r.out);
    EXPECT_FALSE(report["ok"].toBool());
    bool found = false;
    for (const auto &m : report["models"].toArray())
        if (m.toObject()["file"].toString() == "shape_predictor_5_face_landmarks.dat") {
            EXPECT_EQ(m.toObject()["status"].toString(), "hash_mismatch");
            found = true;
        }
    EXPECT_TRUE(found);
    EXPECT_NE(r.err.find("shape_predictor_5_face_landmarks.dat"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("expected"), std::string::npos) << r.err;
}

// Runs the CLI with the labelled data folder (where the optional models are found otherwise) hidden.
ProcessResult runWithoutData(const std::vector<std::string> &args, const std::filesystem::path &emptyData)
{
    const char *old = std::getenv("SIMKYC_SHARED_DATA");
    const std::string saved = old != nullptr ? old : "";
    ::setenv("SIMKYC_SHARED_DATA", emptyData.c_str(), 1);
    auto result = runProcess(cli(), args);
    if (old != nullptr)
        ::setenv("SIMKYC_SHARED_DATA", saved.c_str(), 1);
    else
        ::unsetenv("SIMKYC_SHARED_DATA");
    return result;
}

// `models install`: a file is recognised by its SHA-256 and size, whatever its name; anything else is
// refused and leaves nothing behind; an installed model is untouched by a refused one.
TEST(Cli, ModelsInstallTakesOnlyAFileTheManifestNamesByItsHash)
{
    TempDir dir, noData, incoming;
    const std::filesystem::path mmod = modelsDir() / "mmod_human_face_detector.dat";
    ASSERT_TRUE(std::filesystem::exists(mmod)) << "scripts/setup provisions it";
    // Arrives under another name: installed under the manifest's.
    std::filesystem::copy_file(mmod, incoming.path() / "detector-from-usb-stick.bin");
    auto ok = runWithoutData({"models", "install", (incoming.path() / "detector-from-usb-stick.bin").string(), "--to",
                              dir.path().string(), "--json"},
                             noData.path());
    ASSERT_EQ(ok.exitCode, 0) << ok.out << ok.err;
    EXPECT_NE(ok.out.find("\"id\":\"mmod_face\""), std::string::npos) << ok.out;
    ASSERT_TRUE(std::filesystem::exists(dir.path() / "mmod_human_face_detector.dat"));
    EXPECT_EQ(std::filesystem::file_size(dir.path() / "mmod_human_face_detector.dat"),
              std::filesystem::file_size(mmod));

    // The same bytes with one changed: refused, and the installed copy is untouched.
    {
        std::fstream f(incoming.path() / "detector-from-usb-stick.bin",
                       std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(1000);
        f.put('\x5a');
    }
    auto damaged = runWithoutData(
        {"models", "install", (incoming.path() / "detector-from-usb-stick.bin").string(), "--to", dir.path().string()},
        noData.path());
    EXPECT_EQ(damaged.exitCode, 2) << damaged.out;
    EXPECT_NE(damaged.err.find("is no model of the manifest: nothing installed"), std::string::npos) << damaged.err;
    auto list = runWithoutData({"models", "list", "--models-dir", dir.path().string(), "--json"}, noData.path());
    EXPECT_NE(list.out.find("\"state\":\"ok\""), std::string::npos) << list.out;

    // Not a model at all, and a file that does not exist: refused; nothing but the one model is there.
    std::ofstream(incoming.path() / "MiniFASNetV2.onnx") << "a file with the right name";
    auto wrong = runWithoutData({"models", "install", (incoming.path() / "MiniFASNetV2.onnx").string(),
                                 (incoming.path() / "absent.onnx").string(), "--to", dir.path().string()},
                                noData.path());
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_NE(wrong.err.find("absent.onnx does not exist"), std::string::npos) << wrong.err;
    int files = 0;
    for ([[maybe_unused]] const auto &e : std::filesystem::directory_iterator(dir.path()))
        ++files;
    EXPECT_EQ(files, 1) << "no temporary file and no refused file left behind";
}

// `models install` puts the MiniFASNet networks where the kiosk looks, and selftest then says the
// passive cue is on (app_tests' SelfTest.* show it off without them: the build tree has them here).
TEST(Cli, InstalledPassiveModelsTurnThePassiveCueOn)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    TempDir dir, noData;
    const auto nets = *sharedDataDir() / "spoof/models";
    auto install = runWithoutData({"models", "install", (nets / "MiniFASNetV2.onnx").string(),
                                   (nets / "MiniFASNetV1SE.onnx").string(), "--models-dir", dir.path().string()},
                                  noData.path());
    ASSERT_EQ(install.exitCode, 0) << install.out << install.err;
    EXPECT_NE(install.out.find("passive anti-spoofing cue: on"), std::string::npos) << install.out;
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "MiniFASNetV2.onnx"));
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "MiniFASNetV1SE.onnx"));
    auto after = runWithoutData({"selftest", "--json", "--models-dir", dir.path().string()}, noData.path());
    EXPECT_EQ(parseLine(after.out)["passive_cue"].toString(), "on");
}

} // namespace
} // namespace simkyc::test

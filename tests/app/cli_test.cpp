#include "process.h"
#include "support/test_env.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

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

} // namespace
} // namespace simkyc::test

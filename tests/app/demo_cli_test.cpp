// simkyc-cli demo as scripts/run uses it: both workflow paths, then db verify; the clear test
// data it reports must appear nowhere in the store's files.
#include "process.h"
#include "support/test_env.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace simkyc::test {
namespace {

std::string cli()
{
    return (binDir() / "simkyc-cli").string();
}

std::vector<QJsonObject> lines(const std::string &out)
{
    std::vector<QJsonObject> result;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty())
            result.push_back(QJsonDocument::fromJson(QByteArray::fromStdString(line)).object());
    return result;
}

std::string bytesOf(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

void expectNowhereInClear(const fs::path &dataDir, const std::vector<std::string> &secrets)
{
    for (const auto &entry : fs::recursive_directory_iterator(dataDir)) {
        if (!entry.is_regular_file())
            continue;
        const std::string content = bytesOf(entry.path());
        for (const auto &secret : secrets)
            EXPECT_EQ(content.find(secret), std::string::npos) << secret << " in clear in " << entry.path();
    }
}

void checkDemo(const std::vector<std::string> &extraArgs, const char *expectedStatus)
{
    TempDir dir;
    const auto data = (dir.path() / "kiosk").string();
    std::vector<std::string> args{"demo", "--json", "--data-dir", data, "--records", "2", "--kdf-cost-log2", "10"};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    auto r = runProcess(cli(), args);
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const auto records = lines(r.out);
    ASSERT_EQ(records.size(), 2u) << r.out;
    std::vector<std::string> secrets;
    for (const auto &rec : records) {
        EXPECT_EQ(rec["status"].toString(), expectedStatus) << r.out;
        EXPECT_EQ(rec["sync_state"].toString(), "pending");
        if (std::string(expectedStatus) == "recorded") {
            // The passive cue ran as in the kiosk (its models come with the labelled data): d13 is a
            // real person, scored well above the threshold.
            ASSERT_TRUE(rec["passive"].isDouble()) << r.out;
            EXPECT_GT(rec["passive"].toDouble(), 0.5) << r.out;
        }
        EXPECT_FALSE(rec["record_id"].toString().isEmpty());
        secrets.push_back(rec["name"].toString().toStdString());
        secrets.push_back(rec["id_number"].toString().toStdString());
    }
    auto verify = runProcess(cli(), {"db", "verify", "--json", "--data-dir", data});
    ASSERT_EQ(verify.exitCode, 0) << verify.out << verify.err;
    EXPECT_EQ(lines(verify.out).at(0)["registrations"].toInt(), 2);
    expectNowhereInClear(data, secrets);
    // The carrier's private key is kept beside the data folder, never inside it.
    EXPECT_TRUE(fs::exists(dir.path() / "kiosk-demo-carrier"));
}

TEST(DemoCli, FaceWorkflowWithTheSampleVideo)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    checkDemo({"--sample-video", (*sharedDataDir() / "liveness/liveportrait/d13.mp4").string()}, "recorded");
}

TEST(DemoCli, ManualCheckWithoutASampleVideo)
{
    // As on a fresh clone without the labelled data.
    setenv("SIMKYC_SHARED_DATA", "/nonexistent-simkyc-data", 1);
    checkDemo({}, "manual_review");
    unsetenv("SIMKYC_SHARED_DATA");
}

} // namespace
} // namespace simkyc::test

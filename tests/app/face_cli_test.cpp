// simkyc-cli embed / match / eval as a user runs them.
#include "process.h"
#include "support/test_env.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace simkyc::test {
namespace {

std::string cli()
{
    return (binDir() / "simkyc-cli").string();
}

std::vector<QJsonObject> jsonLines(const std::string &out)
{
    std::vector<QJsonObject> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty())
            lines.push_back(QJsonDocument::fromJson(QByteArray::fromStdString(line)).object());
    return lines;
}

std::string data(const char *relative)
{
    return (*sharedDataDir() / relative).string();
}

TEST(FaceCli, EmbedPrintsOneLinePerImageWithFileAsGiven)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    TempDir dir;
    const std::string empty = (dir.path() / "empty.jpg").string();
    std::ofstream(empty).close();
    const std::string truncated = (dir.path() / "cut.jpg").string();
    {
        std::ifstream in(data("verification/deepface/img1.jpg"), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        std::ofstream(truncated, std::ios::binary) << bytes.substr(0, 300);
    }
    const std::string good = data("verification/deepface/img1.jpg");
    auto r = runProcess(cli(), {"embed", "--json", good, empty, truncated, (dir.path() / "absent.png").string()});
    EXPECT_EQ(r.exitCode, 2) << "some images failed";
    const auto lines = jsonLines(r.out);
    ASSERT_EQ(lines.size(), 4u) << r.out << r.err;
    EXPECT_EQ(lines[0]["file"].toString().toStdString(), good);
    EXPECT_EQ(lines[0]["faces"].toInt(), 1);
    EXPECT_EQ(lines[0]["embedding"].toArray().size(), 128);
    EXPECT_EQ(lines[0]["box"].toArray().size(), 4);
    EXPECT_TRUE(lines[0]["quality"].isObject());
    EXPECT_EQ(lines[1]["error"].toString(), "unreadable");
    EXPECT_EQ(lines[2]["error"].toString(), "unreadable");
    EXPECT_EQ(lines[3]["error"].toString(), "not_found");
}

TEST(FaceCli, MatchExitCodesFollowTheDecision)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    auto same = runProcess(cli(), {"match", "--json", "--id", data("verification/deepface/img1.jpg"), "--live",
                                   data("verification/deepface/img2.jpg")});
    ASSERT_EQ(same.exitCode, 0) << same.out << same.err;
    const auto s = jsonLines(same.out).at(0);
    EXPECT_EQ(s["decision"].toString(), "match");
    EXPECT_LT(s["distance"].toDouble(), s["threshold"].toDouble());
    EXPECT_GT(s["score"].toDouble(), 0.5);

    auto other = runProcess(cli(), {"match", "--json", "--id", data("verification/deepface/img1.jpg"), "--live",
                                    data("verification/deepface/img3.jpg")});
    EXPECT_EQ(other.exitCode, 1) << other.out << other.err;
    EXPECT_EQ(jsonLines(other.out).at(0)["decision"].toString(), "no_match");
}

TEST(FaceCli, MatchErrorsAreExitTwoWithCode)
{
    TempDir dir;
    std::ofstream(dir.path() / "empty.jpg").close();
    auto r = runProcess(cli(), {"match", "--json", "--id", (dir.path() / "empty.jpg").string(), "--live",
                                (dir.path() / "empty.jpg").string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(jsonLines(r.out).at(0)["error"].toString(), "unreadable");
    auto usage = runProcess(cli(), {"match", "--id", "x.jpg"});
    EXPECT_EQ(usage.exitCode, 2);
}

TEST(FaceCli, EvalOnColourPhotosSeparatesIdentities)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    TempDir dir;
    const auto roc = (dir.path() / "roc.png").string();
    auto r = runProcess(cli(), {"eval", "verification", "--json", "--pairs", data("labels/identities.csv"), "--root",
                                sharedDataDir()->string(), "--sources", "deepface", "--roc", roc, "--reference"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const auto report = jsonLines(r.out).at(0);
    EXPECT_GT(report["genuine_pairs"].toDouble(), 50);
    EXPECT_GT(report["impostor_pairs"].toDouble(), 300);
    EXPECT_LT(report["eer"].toDouble(), 0.02) << r.out;
    EXPECT_EQ(report["failures_to_enrol"].toInt(), 0) << r.out;
    EXPECT_TRUE(fs::exists(roc));
    // --reference: dlib's example pipeline scored on the same pairs, and both on the pairs both enrol.
    const auto example = report["dlib_example"].toObject();
    EXPECT_EQ(example["failures_to_enrol"].toInt(), 0) << r.out;
    EXPECT_EQ(example["genuine_pairs"].toDouble(), report["genuine_pairs"].toDouble());
    EXPECT_LT(example["eer"].toDouble(), 0.02) << r.out;
    const auto common = report["common_pairs"].toObject();
    EXPECT_EQ(common["ours"].toObject()["impostor_pairs"].toDouble(), report["impostor_pairs"].toDouble());
    EXPECT_EQ(common["dlib_example"].toObject()["eer"].toDouble(), example["eer"].toDouble());
}

} // namespace
} // namespace simkyc::test

// simkyc-cli liveness events / eval blinks on the real labelled videos.
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

QJsonObject parse(const std::string &out)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(out)).object();
}

TEST(LivenessCli, EventsFindTheLabelledBlinksOfD13)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    const auto video = (*sharedDataDir() / "liveness/liveportrait/d13.mp4").string();
    TempDir dir;
    const auto trace = (dir.path() / "trace.csv").string();
    auto r = runProcess(cli(), {"liveness", "events", "--json", "--source", video, "--trace", trace});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const QJsonObject report = parse(r.out);
    const QJsonArray blinks = report["blinks"].toArray();
    // labels/blinks.csv: 42-46, 78-81, 102-105, 314-318
    const int labelled[4][2] = {{42, 46}, {78, 81}, {102, 105}, {314, 318}};
    ASSERT_EQ(blinks.size(), 4) << r.out;
    for (int i = 0; i < 4; ++i) {
        const QJsonObject b = blinks[i].toObject();
        EXPECT_LE(b["start_frame"].toInt(), labelled[i][1] + 3);
        EXPECT_GE(b["end_frame"].toInt(), labelled[i][0] - 3);
    }
    EXPECT_TRUE(report["turns"].isArray());
    EXPECT_EQ(report["frames"].toInt(), 352);
    EXPECT_TRUE(std::filesystem::file_size(trace) > 1000);
}

TEST(LivenessCli, BlinkEvaluationMeetsRecallOnLabelledVideos)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    auto r = runProcess(cli(), {"eval", "blinks", "--json", "--labels",
                                (*sharedDataDir() / "labels/blinks.csv").string(), "--root", sharedDataDir()->string(),
                                "--errata", (sourceDir() / "docs/data/blink-labels-errata.csv").string()});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const QJsonObject report = parse(r.out);
    EXPECT_GE(report["recall"].toDouble(), 0.90) << r.out;
    // Two blinks in the SadTalker clip (frames 96-99, 109-112) are not in the shared labels: against
    // the labels as given they count as false positives; the errata (with their visual evidence,
    // docs/accuracy.md) add them.
    EXPECT_GE(report["precision"].toDouble(), 0.85) << r.out;
    const QJsonObject corrected = report["with_errata"].toObject();
    EXPECT_EQ(corrected["false_positives"].toInt(), report["false_positives"].toInt() - 2) << r.out;
    EXPECT_GE(corrected["precision"].toDouble(), 0.95) << r.out;
    EXPECT_GE(corrected["recall"].toDouble(), 0.90) << r.out;
}

TEST(LivenessCli, BlinkEvaluationReportsEachVideoAndLeaveOneVideoOut)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    auto r = runProcess(cli(), {"eval", "blinks", "--json", "--labels",
                                (*sharedDataDir() / "labels/blinks.csv").string(), "--root", sharedDataDir()->string(),
                                "--errata", (sourceDir() / "docs/data/blink-labels-errata.csv").string()});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const QJsonObject lovo = parse(r.out)["leave_one_video_out"].toObject();
    const QJsonArray videos = lovo["videos"].toArray();
    ASSERT_EQ(videos.size(), 3) << r.out;
    for (const auto &v : videos) {
        EXPECT_GE(v.toObject()["precision"].toDouble(), 0.8) << r.out;
        EXPECT_GE(v.toObject()["recall"].toDouble(), 0.8) << r.out;
    }
    EXPECT_GE(lovo["precision"].toDouble(), 0.95) << r.out;
    EXPECT_GE(lovo["recall"].toDouble(), 0.90) << r.out;
}

// The identity calibration, on two of the real videos: one person's samples stay close, and the
// staff check's session means (two stretches of one recording vs. another person's) sit on either
// side of the staff check's threshold (the larger of 0.50 and the match threshold 0.55).
TEST(LivenessCli, IdentityEvaluationSeparatesOnePersonsSessionsFromAnothers)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    auto r =
        runProcess(cli(), {"eval", "identity", "--json", "--videos", (*sharedDataDir() / "labels/videos.csv").string(),
                           "--identities", (*sharedDataDir() / "labels/identities.csv").string(), "--root",
                           sharedDataDir()->string(), "--exclude",
                           "d3.mp4,d6.mp4,d10.mp4,d11.mp4,sadtalker,short_hamilton_clip,face-api.js/video.mp4"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const QJsonObject report = parse(r.out);
    ASSERT_EQ(report["videos"].toArray().size(), 2) << r.out; // d13 and d18
    const QJsonObject genuine = report["session_genuine"].toObject(), impostor = report["session_impostor"].toObject();
    ASSERT_GT(genuine["pairs"].toInt(), 0) << r.out;
    ASSERT_GT(impostor["pairs"].toInt(), 0) << r.out;
    EXPECT_LT(genuine["max"].toDouble(), 0.50) << r.out;
    EXPECT_GT(impostor["min"].toDouble(), 0.55) << r.out;
    EXPECT_LT(report["genuine"].toObject()["max"].toDouble(), report["threshold"].toDouble()) << r.out;
}

TEST(LivenessCli, RealWinksAreNotBlinks)
{
    // d3's two one-eye winks (0.2-0.7 s and 1.2-1.7 s, videos.csv). The 68-point model pulls the
    // open eye's lids down too (to 0.64 of its baseline in the first), so the old rule (the open
    // eye above 0.85) took both for blinks; they differ from a blink by how unequally the eyes close.
    SIMKYC_REQUIRE_SHARED_DATA();
    const auto video = (*sharedDataDir() / "liveness/liveportrait/d3.mp4").string();
    auto r = runProcess(cli(), {"liveness", "events", "--json", "--source", video});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const QJsonObject report = parse(r.out);
    for (const auto &b : report["blinks"].toArray())
        EXPECT_GT(b.toObject()["start_frame"].toInt(), 60) << "a wink taken for a blink: " << r.out;
    int winks = 0;
    for (const auto &c : report["rejected_closures"].toArray())
        if (c.toObject()["verdict"].toString() == "wink" && c.toObject()["end_frame"].toInt() < 60)
            ++winks;
    EXPECT_EQ(winks, 2) << r.out;
}

TEST(LivenessCli, RunPassesWhenTheRecordingFollowsTheScriptAndFailsOtherwise)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    const auto video = (*sharedDataDir() / "liveness/liveportrait/d13.mp4").string();
    // d13 blinks at frames 42-46 (1.4 s) and 78-81 (2.6 s).
    auto pass = runProcess(cli(), {"liveness", "run", "--json", "--source", video, "--prompts", "blink@1.0,blink@2.3"});
    ASSERT_EQ(pass.exitCode, 0) << pass.out << pass.err;
    const QJsonObject ok = parse(pass.out);
    EXPECT_TRUE(ok["passed"].toBool());
    EXPECT_TRUE(ok["reasons"].toArray().isEmpty());
    EXPECT_FALSE(ok["best_frames"].toArray().isEmpty());
    // The same person at the start and the end of the session.
    EXPECT_GE(ok["identity_distance"].toDouble(), 0.0);
    EXPECT_LT(ok["identity_distance"].toDouble(), 0.6);

    // A turn the recording never makes: the replay does not follow the prompt.
    auto turn = runProcess(cli(), {"liveness", "run", "--json", "--source", video, "--prompts", "blink@1.0,left@3.0"});
    ASSERT_EQ(turn.exitCode, 1) << turn.out << turn.err;
    const QJsonObject failed = parse(turn.out);
    EXPECT_FALSE(failed["passed"].toBool());
    EXPECT_EQ(failed["reasons"].toArray().at(0).toString(), "challenge_timeout");

    // Prompted after the recording's last blink: not completed.
    auto late = runProcess(cli(), {"liveness", "run", "--json", "--source", video, "--prompts", "blink@10.9"});
    EXPECT_EQ(late.exitCode, 1) << late.out;
    auto bad = runProcess(cli(), {"liveness", "run", "--json", "--source", video, "--prompts", "wink@1"});
    EXPECT_EQ(bad.exitCode, 2);
}

TEST(LivenessCli, TiltedPhotoFakingTurnsIsStoppedAsAFlatSurface)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    TempDir dir;
    const auto list = dir.path() / "photos.txt";
    std::ofstream(list) << (*sharedDataDir() / "verification/deepface/img1.jpg").string() << "\n";
    auto made = runProcess((binDir() / "simkyc-make-attacks").string(),
                           {"--photos", list.string(), "--root", sharedDataDir()->string(), "--out",
                            (dir.path() / "attacks").string(), "--types", "tilted", "--seconds", "4"});
    ASSERT_EQ(made.exitCode, 0) << made.out << made.err;
    const auto video = (dir.path() / "attacks/tilted/deepface_img1.avi").string();
    // A lower turn threshold lets the tilted plane register as a turn: the planar test must stop it.
    int flat = 0;
    for (const char *prompt : {"left@0.5", "right@0.5"}) {
        auto r = runProcess(cli(),
                            {"liveness", "run", "--json", "--source", video, "--prompts", prompt, "--turn-deg", "12"});
        ASSERT_EQ(r.exitCode, 1) << prompt << ": " << r.out << r.err;
        const QJsonObject report = parse(r.out);
        EXPECT_FALSE(report["passed"].toBool());
        flat += report["reasons"].toArray().contains(QJsonValue("flat_surface")) ? 1 : 0;
    }
    EXPECT_GE(flat, 1);
}

// The MiniFASNet cue on a genuine clip it distrusts: LivePortrait's d18 (a real person) scores about
// 0.3 "real" on its best frames. The default threshold (0.2) lets it through; a threshold of 0.5
// fails it as a presentation attack; without the cue the challenges alone decide.
TEST(LivenessCli, PassiveCueDecidesOnlyBelowItsThreshold)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    const auto video = (*sharedDataDir() / "liveness/liveportrait/d18.mp4").string();
    const std::vector<std::string> session{"liveness", "run", "--json", "--source", video, "--prompts", "blink@1.5"};
    auto withArgs = [&](std::initializer_list<std::string> extra) {
        std::vector<std::string> args = session;
        args.insert(args.end(), extra);
        return runProcess(cli(), args);
    };
    auto byDefault = withArgs({});
    const QJsonObject passive = parse(byDefault.out)["passive"].toObject();
    if (passive["why"].toString() == "models_absent")
        GTEST_SKIP() << "MiniFASNet models absent (optional); skipping";
    ASSERT_EQ(byDefault.exitCode, 0) << byDefault.out << byDefault.err;
    ASSERT_TRUE(passive["measured"].toBool()) << byDefault.out;
    const double score = passive["median_real_probability"].toDouble();
    EXPECT_GT(score, 0.2) << byDefault.out;
    EXPECT_LT(score, 0.5) << byDefault.out;
    EXPECT_EQ(passive["per_frame"].toArray().size(), 5) << byDefault.out;
    EXPECT_TRUE(passive["texture"].toObject().contains("high_frequency_share")) << byDefault.out;

    auto strict = withArgs({"--passive-threshold", "0.5"});
    ASSERT_EQ(strict.exitCode, 1) << strict.out << strict.err;
    EXPECT_EQ(parse(strict.out)["reasons"].toArray(), QJsonArray{"presentation_attack"}) << strict.out;

    auto without = withArgs({"--no-passive", "--passive-threshold", "0.5"});
    ASSERT_EQ(without.exitCode, 0) << without.out << without.err;
    EXPECT_FALSE(parse(without.out)["passive"].toObject()["measured"].toBool()) << without.out;
    EXPECT_EQ(parse(without.out)["passive"].toObject()["why"].toString(), "turned_off") << without.out;

    auto bad = withArgs({"--passive-threshold", "1.5"});
    EXPECT_EQ(bad.exitCode, 2) << bad.out << bad.err;
}

TEST(LivenessCli, EventsErrors)
{
    TempDir dir;
    auto missing = runProcess(cli(), {"liveness", "events", "--json", "--source", (dir.path() / "none.mp4").string()});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_FALSE(parse(missing.out)["error"].toString().isEmpty());
    auto usage = runProcess(cli(), {"liveness", "dance"});
    EXPECT_EQ(usage.exitCode, 2);
}

} // namespace
} // namespace simkyc::test

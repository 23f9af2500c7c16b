#include "app/demo_registration.h"

#include "app/demo_customer.h"
#include "app/face_services.h"
#include "app/liveness_runner.h"
#include "app/store_session.h"
#include "model_manifest.h"
#include "store/keyring.h"
#include "store/registration_guard.h"
#include "store/staff_repository.h"
#include "sync/sync_settings.h"
#include "vision/degrade.h"
#include "vision/matcher.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstdlib>

namespace fs = std::filesystem;

namespace simkyc::app {
namespace {

constexpr const char *kDemoClerk = "demo-clerk";
constexpr const char *kDemoClerkPassword = "demo-clerk-password";
constexpr const char *kSampleScript = "blink@1.0,blink@2.3"; // the sample video's blinks are at 1.4 s and 2.6 s

QJsonArray embeddingJson(const vision::Embedding &e)
{
    QJsonArray out;
    for (float v : e)
        out.append(static_cast<double>(v));
    return out;
}

QString base64Jpeg(const vision::Image &image, int quality)
{
    auto jpeg = vision::encodeJpeg(image, quality);
    if (!jpeg.ok())
        return {};
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(jpeg->data()), static_cast<qsizetype>(jpeg->size())).toBase64());
}

std::vector<std::uint8_t> bytesOf(const QJsonObject &o)
{
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return std::vector<std::uint8_t>(json.begin(), json.end());
}

Result<std::int64_t> ensureClerk(store::Database &db, std::optional<unsigned> kdfCostLog2)
{
    auto params = scryptParamsFor(kdfCostLog2);
    if (!params.ok())
        return params.error();
    store::StaffRepository staff(db, *params);
    auto existing = staff.find(kDemoClerk);
    if (!existing.ok())
        return existing.error();
    if (existing->has_value())
        return (*existing)->id;
    auto added = staff.add(kDemoClerk, store::StaffRole::Clerk, kDemoClerkPassword);
    if (!added.ok())
        return added.error();
    return added->id;
}

Status ensureKeys(const fs::path &dataDir)
{
    if (fs::exists(store::keysDirOf(dataDir)))
        return {};
    store::KeyInitOptions options;
    options.protection = store::KeyInitOptions::Protection::KeyFile;
    options.demoCarrierDir = demoCarrierDirOf(dataDir);
    auto summary = store::initKeys(dataDir, options);
    if (!summary.ok())
        return summary.error();
    return {};
}

struct FacePath {
    std::unique_ptr<vision::FaceEngine> engine;
    std::unique_ptr<vision::FrameAnalyzer> analyzer;
    fs::path video;
};

// One face registration: liveness on the sample video, a chip portrait from one of its frames as
// the ID side, the match, and the sealed payload.
Result<store::NewRegistration> faceRegistration(FacePath &face, QJsonObject &report)
{
    store::NewRegistration r;
    auto script = vision::parsePromptScript(kSampleScript);
    auto run = runLiveness(*face.analyzer, face.video.string(), *script, {}, {}, IdentityCheck{face.engine.get()});
    if (!run.ok())
        return run.error();
    const auto &live = run->result;
    report.insert("liveness_passed", live.passed);
    r.livenessSummary = "challenges=" + std::to_string(live.challenges.size()) + ";passed=" + (live.passed ? "1" : "0");
    if (!live.passed || live.bestFrames.size() < 2) {
        r.outcome = core::Decision::NoMatch;
        r.reasonCodes = live.reasons.empty() ? std::vector<std::string>{"no_frontal_frame"} : live.reasons;
        r.biometricPayload = bytesOf(QJsonObject{{"version", 1}, {"method", "face"}, {"liveness_passed", false}});
        return r;
    }
    // The ID side: the last of the best frames, cut and degraded like a chip-reader portrait.
    const auto &idFrame = live.bestFrames.back();
    auto portrait = vision::degradeLikeChipPortrait(idFrame.image, idFrame.box);
    if (!portrait.ok())
        return portrait.error();
    auto idSide = face.engine->enrol(*portrait);
    if (!idSide.ok())
        return Error{idSide.error().code, "ID portrait: " + idSide.error().message};
    std::vector<vision::Embedding> liveEmbeddings;
    for (size_t i = 0; i + 1 < live.bestFrames.size(); ++i) {
        auto e = face.engine->enrolBox(live.bestFrames[i].image, live.bestFrames[i].box);
        if (e.ok())
            liveEmbeddings.push_back(e->embedding);
    }
    if (liveEmbeddings.empty())
        return Error{ErrorCode::NoFace, "no live frame could be embedded"};
    const vision::Embedding liveSide = vision::meanEmbedding(liveEmbeddings);
    const auto decision = vision::decideMatch(idSide->embedding, liveSide);
    r.matchDistance = decision.distance;
    r.outcome = decision.match ? core::Decision::Match : core::Decision::NoMatch;
    r.reasonCodes = {"liveness_passed", decision.match ? "face_match" : "face_mismatch"};
    report.insert("match_distance", std::round(decision.distance * 1e4) / 1e4);
    report.insert("match", decision.match);
    const auto &best = live.bestFrames.front();
    r.biometricPayload = bytesOf(QJsonObject{{"version", 1},
                                             {"method", "face"},
                                             {"id_portrait_jpeg", base64Jpeg(*portrait, 90)},
                                             {"live_frame_jpeg", base64Jpeg(best.image, 85)},
                                             {"id_embedding", embeddingJson(idSide->embedding)},
                                             {"live_embedding", embeddingJson(liveSide)},
                                             {"match_distance", decision.distance}});
    auto thumb = vision::encodeJpeg(
        vision::resizeToFit(vision::crop(best.image, best.box.x, best.box.y, best.box.width, best.box.height), 96), 80);
    if (thumb.ok())
        r.reviewThumbnail = std::move(thumb).value();
    return r;
}

} // namespace

std::optional<fs::path> defaultSampleVideo()
{
    const char *env = std::getenv("SIMKYC_SHARED_DATA");
    const fs::path data = env != nullptr && *env != '\0' ? fs::path(env) : fs::path(generated::kSharedDataDir);
    const fs::path video = data / "liveness" / "liveportrait" / "d13.mp4";
    std::error_code ec;
    return fs::is_regular_file(video, ec) ? std::optional<fs::path>(video) : std::nullopt;
}

fs::path demoCarrierDirOf(const fs::path &dataDir)
{
    fs::path clean = dataDir.lexically_normal();
    if (!clean.has_filename())
        clean = clean.parent_path();
    return clean.parent_path() / (clean.filename().string() + "-demo-carrier");
}

Result<DemoAccount> prepareDemoDataFolder(const fs::path &dataDir, std::optional<unsigned> kdfCostLog2)
{
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    if (ec)
        return Error{ErrorCode::IoError, dataDir.string() + ": " + ec.message()};
    if (auto keys = ensureKeys(dataDir); !keys.ok())
        return keys.error();
    auto session = openSession(dataDir, std::nullopt, false);
    if (!session.ok())
        return session.error();
    auto clerk = ensureClerk(session->db, kdfCostLog2);
    if (!clerk.ok())
        return clerk.error();
    return DemoAccount{kDemoClerk, kDemoClerkPassword};
}

Status runDemo(const ModelCatalog &catalog, const DemoOptions &options, const DemoSink &sink)
{
    if (options.records < 1 || options.records > 100000)
        return {ErrorCode::InvalidArgument, "--records must be 1-100000"};
    std::error_code ec;
    fs::create_directories(options.dataDir, ec);
    if (ec)
        return {ErrorCode::IoError, options.dataDir.string() + ": " + ec.message()};
    if (auto keys = ensureKeys(options.dataDir); !keys.ok())
        return keys;
    auto session = openSession(options.dataDir, std::nullopt, false);
    if (!session.ok())
        return session.error();
    auto clerk = ensureClerk(session->db, options.kdfCostLog2);
    if (!clerk.ok())
        return clerk.error();

    FacePath face;
    const auto video = options.manualCheck   ? std::nullopt
                       : options.sampleVideo ? options.sampleVideo
                                             : defaultSampleVideo();
    if (video) {
        auto engine = loadFaceEngine(catalog);
        if (!engine.ok())
            return engine.error();
        auto analyzer = loadFrameAnalyzer(catalog);
        if (!analyzer.ok())
            return analyzer.error();
        face = FacePath{std::move(engine).value(), std::move(analyzer).value(), *video};
    }
    sink(QJsonObject{{"step", "ready"},
                     {"data_dir", QString::fromStdString(options.dataDir.string())},
                     {"clerk", kDemoClerk},
                     {"path", video ? "face" : "manual_check"},
                     {"sample_video", video ? QString::fromStdString(video->string()) : QString()}});

    auto upstream = sync::payloadBuilderFor(session->db, session->keys);
    if (!upstream)
        return upstream.error();
    store::RegistrationRepository repo(session->db, session->keys, &*upstream);
    for (int i = 0; i < options.records && (!options.keepGoing || options.keepGoing()); ++i) {
        if (Status space = store::checkCanRegister(session->db); !space.ok()) // "disk_low": refused before capture
            return space;
        const auto stored = repo.count();
        const int n = stored.ok() ? static_cast<int>(*stored) : 0;
        QJsonObject report{{"step", "registration"}};
        store::NewRegistration r;
        if (face.engine) {
            auto made = faceRegistration(face, report);
            if (!made.ok())
                return made.error();
            r = std::move(made).value();
        } else {
            // The non-face alternative: the manager checks the person against the ID card by eye.
            r.status = core::RegistrationState::ManualReview;
            r.reasonCodes = {"manual_check_required", "no_camera_sample"};
            r.livenessSummary = "not_run";
            r.biometricPayload = bytesOf(QJsonObject{{"version", 1}, {"method", "manual_check"}});
        }
        r.clerkId = *clerk;
        r.customer = demoCustomer(n);
        r.biometricsExpireAt = store::Clock::now() + std::chrono::hours(48);
        auto id = repo.insert(r);
        if (!id.ok())
            return id.error();
        auto saved = repo.summary(*id);
        if (!saved.ok())
            return saved.error();
        QJsonArray reasons;
        for (const auto &code : r.reasonCodes)
            reasons.append(QString::fromStdString(code));
        report.insert("record_id", QString::fromStdString(*id));
        report.insert("name", QString::fromStdString(r.customer.name));
        report.insert("id_number", QString::fromStdString(r.customer.idNumber));
        report.insert("status", QString::fromUtf8(core::stateName(r.status).data()));
        report.insert("outcome",
                      r.outcome ? QString::fromUtf8(core::decisionName(*r.outcome).data()) : "pending_review");
        report.insert("reasons", reasons);
        report.insert("sync_state", QString::fromStdString(saved->syncState));
        sink(report);
    }
    return {};
}

} // namespace simkyc::app

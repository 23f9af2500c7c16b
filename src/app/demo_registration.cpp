#include "app/demo_registration.h"

#include "app/demo_customer.h"
#include "app/face_registration.h"
#include "app/face_services.h"
#include "app/registration_recorder.h"
#include "app/store_session.h"
#include "model_manifest.h"
#include "store/keyring.h"
#include "store/staff_repository.h"
#include "vision/degrade.h"
#include "vision/liveness_pipeline.h"
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
constexpr const char *kDemoManager = "demo-manager";
constexpr const char *kDemoManagerPassword = "demo-manager-password";

Result<std::int64_t> ensureStaff(store::Database &db, std::optional<unsigned> kdfCostLog2, const char *name,
                                 store::StaffRole role, const char *password)
{
    auto params = scryptParamsFor(kdfCostLog2);
    if (!params.ok())
        return params.error();
    store::StaffRepository staff(db, *params);
    auto existing = staff.find(name);
    if (!existing.ok())
        return existing.error();
    if (existing->has_value())
        return (*existing)->id;
    auto added = staff.add(name, role, password);
    if (!added.ok())
        return added.error();
    return added->id;
}

Result<std::int64_t> ensureClerk(store::Database &db, std::optional<unsigned> kdfCostLog2)
{
    return ensureStaff(db, kdfCostLog2, kDemoClerk, store::StaffRole::Clerk, kDemoClerkPassword);
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
    std::unique_ptr<vision::SpoofModel> spoof; // the optional passive cue, as the kiosk runs it
};

// One face registration: liveness on the sample video, a chip portrait from one of its frames as
// the ID side (the other best frames are the live side), the match, and the sealed payload.
Result<store::NewRegistration> faceRegistration(FacePath &face, QJsonObject &report)
{
    auto script = vision::parsePromptScript(kDemoSampleScript);
    vision::LivenessOptions liveness;
    liveness.script = std::move(script).value();
    liveness.identity = face.engine.get();
    liveness.passive.model = face.spoof.get();
    auto run = vision::runLiveness(*face.analyzer, face.video.string(), std::move(liveness));
    if (!run.ok())
        return run.error();
    report.insert("passive", run->passive.measured
                                 ? QJsonValue(std::round(run->passive.medianRealProbability * 1000) / 1000)
                                 : QJsonValue("off"));
    const auto &live = run->result;
    vision::Image portrait;
    std::span<const vision::BestFrame> liveFrames;
    if (live.passed && live.bestFrames.size() >= 2) {
        // The ID side: the last of the best frames, cut and degraded like a chip-reader portrait.
        const auto &idFrame = live.bestFrames.back();
        auto degraded = vision::degradeLikeChipPortrait(idFrame.image, idFrame.box);
        if (!degraded.ok())
            return degraded.error();
        portrait = std::move(degraded).value();
        liveFrames = std::span<const vision::BestFrame>(live.bestFrames).first(live.bestFrames.size() - 1);
    }
    auto outcome = faceCheckOutcome(*face.engine, live, liveFrames, portrait);
    if (!outcome.ok())
        return outcome.error();
    const QJsonObject facts = faceCheckReport(*outcome);
    for (auto it = facts.begin(); it != facts.end(); ++it)
        report.insert(it.key(), it.value());
    outcome->record.livenessSummary += vision::passiveSummary(run->passive);
    return std::move(outcome->record);
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
    auto manager = ensureStaff(session->db, kdfCostLog2, kDemoManager, store::StaffRole::Manager, kDemoManagerPassword);
    if (!manager.ok())
        return manager.error();
    return DemoAccount{kDemoClerk, kDemoClerkPassword, kDemoManager, kDemoManagerPassword};
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
        // Optional, as in the kiosk: absent, the demo runs without it (its lines say "passive": "off");
        // present but not as the manifest says, the demo stops.
        auto spoof = loadOptionalSpoofModel(catalog);
        if (!spoof.ok())
            return spoof.error();
        face = FacePath{std::move(engine).value(), std::move(analyzer).value(), *video, std::move(spoof).value()};
    }
    sink(QJsonObject{{"step", "ready"},
                     {"data_dir", QString::fromStdString(options.dataDir.string())},
                     {"clerk", kDemoClerk},
                     {"path", video ? "face" : "manual_check"},
                     {"sample_video", video ? QString::fromStdString(video->string()) : QString()}});

    RegistrationRecorder recorder(*session);
    store::RegistrationRepository repo(session->db, session->keys);
    for (int i = 0; i < options.records && (!options.keepGoing || options.keepGoing()); ++i) {
        if (Status space = recorder.canRegister(); !space.ok()) // "disk_low": refused before capture
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
            r.biometricPayload = biometricPayloadWithoutFace("manual_check");
        }
        r.clerkId = *clerk;
        r.customer = demoCustomer(n);
        auto saved = recorder.record(r);
        if (!saved.ok())
            return saved.error();
        QJsonArray reasons;
        for (const auto &code : r.reasonCodes)
            reasons.append(QString::fromStdString(code));
        report.insert("record_id", QString::fromStdString(saved->id));
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

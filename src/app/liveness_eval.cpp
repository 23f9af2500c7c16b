#include "app/liveness_eval.h"

#include "app/face_services.h"

#include "app/csv_table.h"
#include "vision/frame_source.h"
#include "vision/liveness_pipeline.h"

#include <algorithm>
#include <fstream>
#include <random>

namespace simkyc::app {
namespace {

// A random script with at least one blink and one turn, as ChallengePlanner draws, but seeded.
std::vector<vision::ChallengePrompt> attackScript(std::mt19937_64 &rng)
{
    std::uniform_int_distribution<int> pick(0, 2);
    constexpr double kPromptsMs[] = {1000.0, 3500.0, 6000.0};
    std::vector<vision::Challenge> plan(3);
    do {
        for (auto &c : plan)
            c = static_cast<vision::Challenge>(pick(rng));
    } while (!vision::isBalancedPlan(plan));
    std::vector<vision::ChallengePrompt> script;
    for (size_t i = 0; i < plan.size(); ++i)
        script.push_back({plan[i], kPromptsMs[i]});
    return script;
}

std::string scriptText(const std::vector<vision::ChallengePrompt> &script)
{
    std::string out;
    for (const auto &p : script)
        out += (out.empty() ? "" : ",") + std::string(vision::challengeName(p.challenge)) + "@" +
               std::to_string(p.promptMs / 1000.0).substr(0, 4);
    return out;
}

Result<SessionOutcome> runOne(vision::FrameAnalyzer &analyzer, vision::FaceEngine &engine,
                              const vision::PassiveCheck &passive, const std::string &video, const std::string &kind,
                              std::vector<vision::ChallengePrompt> script)
{
    SessionOutcome o;
    o.video = video;
    o.kind = kind;
    o.script = scriptText(script);
    vision::LivenessOptions liveness;
    liveness.script = std::move(script);
    liveness.identity = &engine;
    liveness.passive = passive;
    auto run = vision::runLiveness(analyzer, video, std::move(liveness));
    if (!run.ok())
        return Error{run.error().code, video + ": " + run.error().message};
    o.passed = run->result.passed;
    o.reasons = run->result.reasons;
    o.passiveScore = run->passive.measured ? run->passive.medianRealProbability : -1.0;
    o.texture = run->passive.texture;
    return o;
}

} // namespace

bool isBonaFide(const std::string &kind)
{
    return kind == "genuine" || kind == "control";
}

double LivenessEvalResult::apcer(const std::string &type) const
{
    const auto n = attacks.find(type);
    if (n == attacks.end() || n->second == 0)
        return 0.0;
    const auto p = attacksPassed.find(type);
    return p == attacksPassed.end() ? 0.0 : static_cast<double>(p->second) / n->second;
}

void LivenessEvalResult::count(const SessionOutcome &o)
{
    if (isBonaFide(o.kind)) {
        ++genuine;
        ++bonaFide[o.kind];
        if (!o.passed) {
            ++genuineFailed;
            ++bonaFideFailed[o.kind];
        }
        return;
    }
    ++attacks[o.kind];
    if (o.passed)
        ++attacksPassed[o.kind];
    auto &reasons = stoppedBy[o.kind]; // present for a kind whose every session passed, too
    for (const auto &reason : o.reasons)
        ++reasons[reason];
}

double LivenessEvalResult::bpcer() const
{
    return genuine == 0 ? 0.0 : static_cast<double>(genuineFailed) / genuine;
}

Result<LivenessEvalResult> evaluateLiveness(const ModelCatalog &catalog, const LivenessEvalOptions &options)
{
    auto analyzer = loadFrameAnalyzer(catalog);
    if (!analyzer.ok())
        return analyzer.error();
    auto engine = loadFaceEngine(catalog);
    if (!engine.ok())
        return engine.error();
    LivenessEvalResult result;
    std::unique_ptr<vision::SpoofModel> spoof;
    if (options.passive) {
        auto loaded = loadOptionalSpoofModel(catalog);
        if (!loaded.ok())
            return loaded.error();
        spoof = std::move(loaded).value();
    }
    result.passiveMeasured = spoof != nullptr;
    vision::PassiveCheck passive{spoof.get(), options.passiveThreshold};
    passive.measureTexture = true; // reported per session (--sessions)
    std::mt19937_64 rng(options.seed);
    if (!options.attacks.empty()) {
        auto csv = readCsvTable(options.attacks);
        if (!csv.ok())
            return csv.error();
        const auto cVideo = csv->column("video"), cType = csv->column("attack_type"), cPrompts = csv->column("prompts");
        std::map<std::string, int> rowsOfType;
        if (!cVideo || !cType)
            return {ErrorCode::InvalidFormat, options.attacks.string() + ": expected columns video,attack_type"};
        for (const auto &row : csv->rows) {
            const std::string &type = csv->cell(row, cType);
            if (options.limitPerType > 0 && ++rowsOfType[type] > options.limitPerType)
                continue;
            std::filesystem::path video = csv->cell(row, cVideo);
            if (video.is_relative())
                video = options.attacks.parent_path() / video;
            std::vector<vision::ChallengePrompt> script = attackScript(rng);
            if (const std::string &prompts = csv->cell(row, cPrompts); !prompts.empty()) {
                auto scripted = vision::parsePromptScript(prompts);
                if (!scripted.ok())
                    return Error{scripted.error().code, video.string() + ": prompts: " + scripted.error().message};
                script = std::move(scripted).value();
            }
            auto outcome = runOne(**analyzer, **engine, passive, video.string(), type, std::move(script));
            if (!outcome.ok())
                return outcome.error();
            result.count(*outcome);
            result.sessions.push_back(std::move(outcome).value());
        }
    }
    if (!options.genuineLabels.empty()) {
        auto csv = readCsvTable(options.genuineLabels);
        if (!csv.ok())
            return csv.error();
        const auto cVideo = csv->column("video"), cEvent = csv->column("event"), cStart = csv->column("start_frame");
        if (!cVideo || !cEvent || !cStart)
            return {ErrorCode::InvalidFormat, options.genuineLabels.string() + ": expected video,event,start_frame"};
        std::map<std::string, double> fpsOf;
        for (const auto &row : csv->rows) {
            if (csv->cell(row, cEvent) == "note")
                continue;
            const std::string video = (options.dataRoot / csv->cell(row, cVideo)).string();
            // Frame times come from the container's rate; 25 and 30 fps clips are both in the data.
            if (!fpsOf.count(video)) {
                auto source = vision::openVideoFile(video);
                if (!source.ok())
                    return Error{source.error().code, video + ": " + source.error().message};
                fpsOf[video] = (*source)->info().fps > 0.0 ? (*source)->info().fps : 30.0;
            }
            const double startMs = std::stod(csv->cell(row, cStart)) * 1000.0 / fpsOf[video];
            if (startMs < 1200.0)
                continue; // the open-eye baseline needs the first second
            auto outcome =
                runOne(**analyzer, **engine, passive, video, "genuine", {{vision::Challenge::Blink, startMs - 400.0}});
            if (!outcome.ok())
                return outcome.error();
            result.count(*outcome);
            result.sessions.push_back(std::move(outcome).value());
        }
    }
    return result;
}

} // namespace simkyc::app

#include "app/verification_eval.h"

#include "app/csv_table.h"
#include "vision/image.h"
#include "vision/matcher.h"

#include <algorithm>
#include <fstream>
#include <map>

namespace simkyc::app {

namespace {

vision::EnrolOptions enrolOptionsFor(bool mirrorAugment, vision::FaceSearchMode search)
{
    vision::EnrolOptions enrolOptions;
    enrolOptions.largest = true; // labelled single-identity images: a stray detection must not drop them
    enrolOptions.mirrorAugment = mirrorAugment;
    enrolOptions.search = search;
    return enrolOptions;
}

// The ID side: a chip-reader portrait cut around the face found in the original, the same image for
// every pipeline compared (the box of our search; dlib's example's when ours finds none).
Result<vision::Image> idPortrait(vision::FaceEngine &engine, const vision::Image &image,
                                 const vision::DegradeSpec &degrade)
{
    auto found = engine.enrol(image, enrolOptionsFor(false, vision::FaceSearchMode::Robust));
    if (!found.ok())
        found = engine.enrol(image, enrolOptionsFor(false, vision::FaceSearchMode::DlibExample));
    if (!found.ok())
        return found.error();
    return vision::degradeLikeChipPortrait(image, found->detection.box, degrade);
}

struct Embedded {
    std::optional<Result<vision::Image>> portrait; // the degraded ID side, once made
    std::optional<vision::Embedding> plain;
    std::optional<vision::Embedding> degraded;
    bool triedPlain = false;
    bool triedDegraded = false;
};

} // namespace

Result<EvalResult> evaluateVerification(vision::FaceEngine &engine, const EvalOptions &options)
{
    auto table = readCsvTable(options.table);
    if (!table.ok())
        return table.error();
    const auto cFile = table->column("file"), cIdentity = table->column("identity"), cSource = table->column("source");
    const auto cA = table->column("a"), cB = table->column("b"), cSame = table->column("same"),
               cSet = table->column("set");
    struct Pair {
        std::string a, b;
        bool same;
    };
    std::vector<Pair> pairs;
    if (cFile && cIdentity) {
        std::vector<std::pair<std::string, std::string>> items; // file, identity
        for (const auto &r : table->rows) {
            if (table->cell(r, cFile).empty() ||
                (!options.sources.empty() && (!cSource || !options.sources.count(table->cell(r, cSource)))))
                continue; // a short row, or a source not asked for
            items.emplace_back(table->cell(r, cFile), table->cell(r, cIdentity));
        }
        for (size_t i = 0; i < items.size(); ++i)
            for (size_t j = i + 1; j < items.size(); ++j)
                pairs.push_back({items[i].first, items[j].first, items[i].second == items[j].second});
    } else if (cA && cB && cSame) {
        for (const auto &r : table->rows) {
            if (table->cell(r, cA).empty() || table->cell(r, cB).empty() ||
                (!options.sources.empty() && (!cSet || !options.sources.count(table->cell(r, cSet)))))
                continue; // a short row, or a set not asked for
            pairs.push_back({table->cell(r, cA), table->cell(r, cB), table->cell(r, cSame) == "1"});
        }
    } else {
        return {ErrorCode::InvalidFormat, options.table.string() + ": expected columns file,identity or a,b,same"};
    }

    // Pipeline 0 is ours (FaceSearchMode::Robust), pipeline 1 dlib's example (when compared).
    const vision::FaceSearchMode modes[2] = {vision::FaceSearchMode::Robust, vision::FaceSearchMode::DlibExample};
    const int pipelines = options.compareWithDlibExample ? 2 : 1;
    std::map<std::string, Embedded> cache[2];
    PipelineEval evals[2];
    auto embed = [&](int pipeline, const std::string &file, bool idSide) -> const std::optional<vision::Embedding> & {
        Embedded &slot = cache[pipeline][file];
        const bool degrade = idSide && options.degradeIdSide.has_value();
        std::optional<vision::Embedding> &target = degrade ? slot.degraded : slot.plain;
        bool &tried = degrade ? slot.triedDegraded : slot.triedPlain;
        if (tried)
            return target;
        tried = true;
        auto enrolment = [&]() -> Result<vision::FaceEnrolment> {
            auto image = vision::loadImage(options.root / file);
            if (!image.ok())
                return image.error();
            if (!degrade)
                return engine.enrol(*image, enrolOptionsFor(options.mirrorAugment, modes[pipeline]));
            Embedded &first = cache[0][file];
            if (!first.portrait)
                first.portrait = idPortrait(engine, *image, *options.degradeIdSide);
            if (!first.portrait->ok())
                return first.portrait->error();
            return engine.enrol(**first.portrait, enrolOptionsFor(options.mirrorAugment, modes[pipeline]));
        }();
        if (enrolment.ok()) {
            target = enrolment->embedding;
        } else {
            evals[pipeline].failedToEnrol.emplace_back(file + (degrade ? " (degraded)" : ""),
                                                       std::string(errorCodeName(enrolment.error().code)));
        }
        return target;
    };

    struct Scores {
        std::vector<double> genuine, impostor;
    };
    Scores own[2], common[2];
    for (const auto &p : pairs) {
        std::optional<double> distance[2];
        for (int k = 0; k < pipelines; ++k) {
            const auto &a = embed(k, p.a, true);
            const auto &b = embed(k, p.b, false);
            if (!a || !b) {
                ++evals[k].pairsSkipped;
                continue;
            }
            distance[k] = vision::embeddingDistance(*a, *b);
            (p.same ? own[k].genuine : own[k].impostor).push_back(*distance[k]);
        }
        if (pipelines == 2 && distance[0] && distance[1])
            for (int k = 0; k < 2; ++k)
                (p.same ? common[k].genuine : common[k].impostor).push_back(*distance[k]);
    }
    for (int k = 0; k < pipelines; ++k)
        evals[k].metrics = vision::computeVerificationMetrics(std::move(own[k].genuine), std::move(own[k].impostor),
                                                              options.threshold);
    EvalResult result;
    result.images = cache[0].size();
    result.ours = std::move(evals[0]);
    if (pipelines == 2) {
        result.dlibExample = std::move(evals[1]);
        result.oursOnCommonPairs = vision::computeVerificationMetrics(std::move(common[0].genuine),
                                                                      std::move(common[0].impostor), options.threshold);
        result.dlibExampleOnCommonPairs = vision::computeVerificationMetrics(
            std::move(common[1].genuine), std::move(common[1].impostor), options.threshold);
    }
    return result;
}

} // namespace simkyc::app

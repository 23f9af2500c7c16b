#include "app/verification_eval.h"

#include "app/csv_table.h"
#include "vision/image.h"
#include "vision/matcher.h"

#include <algorithm>
#include <fstream>
#include <map>

namespace simkyc::app {

namespace {

Result<vision::FaceEnrolment> enrolFile(vision::FaceEngine &engine, const std::filesystem::path &path,
                                        const std::optional<vision::DegradeSpec> &degrade, bool mirrorAugment)
{
    auto image = vision::loadImage(path);
    if (!image.ok())
        return image.error();
    vision::EnrolOptions enrolOptions;
    enrolOptions.largest = true; // labelled single-identity images: a stray detection must not drop them
    enrolOptions.mirrorAugment = mirrorAugment;
    auto enrolment = engine.enrol(*image, enrolOptions);
    if (!enrolment.ok() || !degrade)
        return enrolment;
    // The ID side: a chip-reader portrait cut around the face found in the original.
    auto portrait = vision::degradeLikeChipPortrait(*image, enrolment->detection.box, *degrade);
    if (!portrait.ok())
        return portrait.error();
    return engine.enrol(*portrait, enrolOptions);
}

struct Embedded {
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
    const int cFile = table->column("file"), cIdentity = table->column("identity"), cSource = table->column("source");
    const int cA = table->column("a"), cB = table->column("b"), cSame = table->column("same"),
              cSet = table->column("set");
    struct Pair {
        std::string a, b;
        bool same;
    };
    std::vector<Pair> pairs;
    if (cFile >= 0 && cIdentity >= 0) {
        std::vector<std::pair<std::string, std::string>> items; // file, identity
        for (const auto &r : table->rows) {
            if (static_cast<int>(r.size()) <= std::max(cFile, cIdentity))
                continue;
            if (!options.sources.empty() && (cSource < 0 || !options.sources.count(r[static_cast<size_t>(cSource)])))
                continue;
            items.emplace_back(r[static_cast<size_t>(cFile)], r[static_cast<size_t>(cIdentity)]);
        }
        for (size_t i = 0; i < items.size(); ++i)
            for (size_t j = i + 1; j < items.size(); ++j)
                pairs.push_back({items[i].first, items[j].first, items[i].second == items[j].second});
    } else if (cA >= 0 && cB >= 0 && cSame >= 0) {
        for (const auto &r : table->rows) {
            if (static_cast<int>(r.size()) <= std::max({cA, cB, cSame}))
                continue;
            if (!options.sources.empty() && (cSet < 0 || !options.sources.count(r[static_cast<size_t>(cSet)])))
                continue;
            pairs.push_back(
                {r[static_cast<size_t>(cA)], r[static_cast<size_t>(cB)], r[static_cast<size_t>(cSame)] == "1"});
        }
    } else {
        return {ErrorCode::InvalidFormat, options.table.string() + ": expected columns file,identity or a,b,same"};
    }

    std::map<std::string, Embedded> cache;
    EvalResult result;
    auto embed = [&](const std::string &file, bool idSide) -> const std::optional<vision::Embedding> & {
        Embedded &slot = cache[file];
        const bool degrade = idSide && options.degradeIdSide.has_value();
        std::optional<vision::Embedding> &target = degrade ? slot.degraded : slot.plain;
        bool &tried = degrade ? slot.triedDegraded : slot.triedPlain;
        if (tried)
            return target;
        tried = true;
        auto enrolment = enrolFile(engine, options.root / file, degrade ? options.degradeIdSide : std::nullopt,
                                   options.mirrorAugment);
        if (enrolment.ok()) {
            target = enrolment->embedding;
        } else {
            result.failedToEnrol.emplace_back(file + (degrade ? " (degraded)" : ""),
                                              std::string(errorCodeName(enrolment.error().code)));
        }
        return target;
    };

    std::vector<double> genuine, impostor;
    for (const auto &p : pairs) {
        const auto &a = embed(p.a, true);
        const auto &b = embed(p.b, false);
        if (!a || !b) {
            ++result.pairsSkipped;
            continue;
        }
        (p.same ? genuine : impostor).push_back(vision::embeddingDistance(*a, *b));
    }
    result.images = cache.size();
    result.metrics = vision::computeVerificationMetrics(std::move(genuine), std::move(impostor), options.threshold);
    return result;
}

} // namespace simkyc::app

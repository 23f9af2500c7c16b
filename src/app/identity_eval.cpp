#include "app/identity_eval.h"

#include "app/csv_table.h"
#include "app/face_services.h"
#include "vision/frame_analyzer.h"
#include "vision/frame_source.h"
#include "vision/liveness_session.h"
#include "vision/matcher.h"

#include <algorithm>
#include <map>

namespace simkyc::app {

DistanceSummary summarise(std::vector<double> d)
{
    DistanceSummary s;
    s.pairs = d.size();
    if (d.empty())
        return s;
    std::sort(d.begin(), d.end());
    const auto at = [&d](double q) { return d[static_cast<size_t>(q * static_cast<double>(d.size() - 1) + 0.5)]; };
    s.min = d.front();
    s.p01 = at(0.01);
    s.p05 = at(0.05);
    s.median = at(0.5);
    s.p95 = at(0.95);
    s.p99 = at(0.99);
    s.max = d.back();
    return s;
}

namespace {

struct Sample {
    double timeMs;
    vision::Embedding embedding;
};

// The identity samples a session would take of this video: every sampleEveryMs on a tracked face.
Result<std::vector<Sample>> sampleVideo(vision::FrameAnalyzer &analyzer, const vision::IdentitySampler &sampler,
                                        const std::string &video)
{
    analyzer.reset();
    auto source = vision::openSourceSpec(video);
    if (!source.ok())
        return Error{source.error().code, video + ": " + source.error().message};
    const double every = vision::IdentityConfig{}.sampleEveryMs;
    std::vector<Sample> samples;
    double last = -1e18;
    for (;;) {
        vision::FrameRead read = (*source)->read();
        if (!read.ok()) {
            if (read.error().code == vision::FrameErrorCode::EndOfStream)
                break;
            if (read.error().code == vision::FrameErrorCode::Unreadable)
                continue;
            return Error{read.error().toError().code, video + ": " + read.error().toError().message};
        }
        const vision::FrameAnalysis a = analyzer.analyze(*read);
        const double t = a.sourceTimeMs >= 0.0 ? a.sourceTimeMs : static_cast<double>(a.timestampNs) / 1e6;
        if (!a.hasFace() || t - last < every)
            continue;
        if (auto e = sampler(read->image, a.box)) {
            samples.push_back({t, *e});
            last = t;
        }
    }
    return samples;
}

} // namespace

Result<IdentityEvalResult> evaluateIdentity(const ModelCatalog &catalog, const IdentityEvalOptions &options)
{
    auto analyzer = loadFrameAnalyzer(catalog);
    if (!analyzer.ok())
        return analyzer.error();
    auto engine = loadFaceEngine(catalog);
    if (!engine.ok())
        return engine.error();
    const vision::IdentitySampler sampler = vision::identitySampler(**engine);
    auto videos = readCsvTable(options.videos);
    if (!videos.ok())
        return videos.error();
    const auto cVideo = videos->column("video");
    if (!cVideo)
        return {ErrorCode::InvalidFormat, options.videos.string() + ": expected a column video"};
    IdentityEvalResult result;
    std::vector<double> genuine, centroidGenuine, centroidImpostor;
    std::vector<std::vector<Sample>> perVideo;
    for (const auto &row : videos->rows) {
        const std::string &name = videos->cell(row, cVideo);
        if (name.empty() || std::any_of(options.exclude.begin(), options.exclude.end(),
                                        [&name](const std::string &e) { return name.find(e) != std::string::npos; }))
            continue;
        const std::string video = (options.root / name).string();
        auto samples = sampleVideo(**analyzer, sampler, video);
        if (!samples.ok())
            return samples.error();
        VideoIdentityResult v{name, static_cast<int>(samples->size()), {}};
        std::vector<double> pairs;
        for (size_t i = 0; i < samples->size(); ++i)
            for (size_t j = i + 1;
                 j < samples->size() && (*samples)[j].timeMs - (*samples)[i].timeMs <= options.windowMs; ++j)
                pairs.push_back(vision::embeddingDistance((*samples)[i].embedding, (*samples)[j].embedding));
        for (size_t i = 0; i < samples->size(); ++i) {
            std::vector<vision::Embedding> others;
            for (size_t j = 0; j < samples->size(); ++j)
                if (const double apart = std::abs((*samples)[j].timeMs - (*samples)[i].timeMs);
                    apart > vision::IdentityConfig{}.centroidExcludeMs && apart <= options.windowMs / 2)
                    others.push_back((*samples)[j].embedding);
            if (static_cast<int>(others.size()) >= vision::IdentityConfig{}.minCentroidSamples)
                centroidGenuine.push_back(
                    vision::embeddingDistance((*samples)[i].embedding, vision::meanEmbedding(others)));
        }
        genuine.insert(genuine.end(), pairs.begin(), pairs.end());
        v.genuine = summarise(std::move(pairs));
        result.videos.push_back(std::move(v));
        perVideo.push_back(std::move(samples).value());
    }
    result.genuine = summarise(std::move(genuine));
    auto identities = readCsvTable(options.identities);
    if (!identities.ok())
        return identities.error();
    const auto cFile = identities->column("file"), cSource = identities->column("source");
    if (!cFile || !cSource)
        return {ErrorCode::InvalidFormat, options.identities.string() + ": expected columns file,source"};
    std::map<std::string, int> taken;
    std::vector<double> impostor;
    for (const auto &row : identities->rows) {
        const std::string &source = identities->cell(row, cSource);
        if (taken[source] >= options.photosPerSource)
            continue;
        auto image = vision::loadImage(options.root / identities->cell(row, cFile));
        if (!image.ok())
            continue;
        vision::EnrolOptions enrolOptions;
        enrolOptions.largest = true;
        auto photo = (*engine)->enrol(*image, enrolOptions);
        if (!photo.ok())
            continue;
        ++taken[source];
        ++result.photos;
        for (const auto &samples : perVideo) {
            for (const Sample &s : samples)
                impostor.push_back(vision::embeddingDistance(s.embedding, photo->embedding));
            for (size_t i = 0; i + 8 <= samples.size(); i += 8) { // a session's worth of samples
                std::vector<vision::Embedding> session;
                for (size_t j = i; j < i + 8; ++j)
                    session.push_back(samples[j].embedding);
                centroidImpostor.push_back(vision::embeddingDistance(photo->embedding, vision::meanEmbedding(session)));
            }
        }
    }
    // Session means (8 consecutive samples each) for the staff check.
    std::vector<std::vector<vision::Embedding>> sessionMeans;
    for (const auto &samples : perVideo) {
        sessionMeans.emplace_back();
        for (size_t i = 0; i + 8 <= samples.size(); i += 8) {
            std::vector<vision::Embedding> session;
            for (size_t j = i; j < i + 8; ++j)
                session.push_back(samples[j].embedding);
            sessionMeans.back().push_back(vision::meanEmbedding(session));
        }
    }
    std::vector<double> sessionGenuine, sessionImpostor;
    for (size_t a = 0; a < sessionMeans.size(); ++a)
        for (size_t i = 0; i < sessionMeans[a].size(); ++i) {
            for (size_t j = i + 1; j < sessionMeans[a].size(); ++j)
                sessionGenuine.push_back(vision::embeddingDistance(sessionMeans[a][i], sessionMeans[a][j]));
            for (size_t b = a + 1; b < sessionMeans.size(); ++b)
                for (const vision::Embedding &other : sessionMeans[b])
                    sessionImpostor.push_back(vision::embeddingDistance(sessionMeans[a][i], other));
        }
    result.sessionGenuine = summarise(std::move(sessionGenuine));
    result.sessionImpostor = summarise(std::move(sessionImpostor));
    result.impostor = summarise(std::move(impostor));
    result.centroidGenuine = summarise(std::move(centroidGenuine));
    result.centroidImpostor = summarise(std::move(centroidImpostor));
    return result;
}

} // namespace simkyc::app

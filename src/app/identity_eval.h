// Calibration of the session's same-person distance (vision::IdentityConfig::maxDistance):
// genuine distances between identity samples of one real video (sampled as a session samples,
// every IdentityConfig::sampleEveryMs, paired within a session-long window) beside impostor
// distances between those samples and photos of other people (labels/identities.csv).
// The videos' people are not in the identity photos (different sources), so every video-photo
// pair is an impostor pair; pairs between two videos are not used (the clips' people are not
// labelled, and two of them may be the same person), except for the staff check's session-to-session
// summaries below, which say so.
// Thread-safety: reentrant (each call loads its own models).
#pragma once

#include "app/model_catalog.h"

#include <filesystem>
#include <string>
#include <vector>

namespace simkyc::app {

struct IdentityEvalOptions {
    std::filesystem::path videos;     // labels/videos.csv (column "video", relative to root)
    std::filesystem::path identities; // labels/identities.csv (columns file, source)
    std::filesystem::path root;
    double windowMs = 12000.0;        // genuine pairs: samples at most this far apart (a session's length)
    int photosPerSource = 20;         // impostor photos taken from each source of identities.csv
    std::vector<std::string> exclude; // videos whose path contains one of these are left out (not one person)
};

struct DistanceSummary {
    std::size_t pairs = 0;
    double min = 0.0, p01 = 0.0, p05 = 0.0, median = 0.0, p95 = 0.0, p99 = 0.0, max = 0.0;
};
DistanceSummary summarise(std::vector<double> distances);

struct VideoIdentityResult {
    std::string video;
    int samples = 0;
    DistanceSummary genuine; // pairs within the window
};

struct IdentityEvalResult {
    std::vector<VideoIdentityResult> videos;
    DistanceSummary genuine;  // every video's window pairs together
    DistanceSummary impostor; // video samples against other people's photos
    // The same against the mean embedding of the other samples, as the session measures it
    // (genuine: the samples within half a window either side but more than
    // IdentityConfig::centroidExcludeMs away; impostor: a photo against the mean of 8 consecutive
    // samples of a video).
    DistanceSummary centroidGenuine;
    DistanceSummary centroidImpostor;
    // The staff check's pairs (vision::kStaffFaceThreshold): a session's mean (8 consecutive samples)
    // against another session's mean, of the same video (genuine: two disjoint stretches of one
    // recording, so a lower bound on a real re-enrolment's distance) or of another video (impostor,
    // on the assumption that the clips show different people).
    DistanceSummary sessionGenuine;
    DistanceSummary sessionImpostor;
    int photos = 0;
};

Result<IdentityEvalResult> evaluateIdentity(const ModelCatalog &catalog, const IdentityEvalOptions &options);

} // namespace simkyc::app

// simkyc-make-attacks: writes presentation-attack videos (a photo held still, moved, tilted like a
// turning head, with cut-out closed eyes, and replays of genuine videos) for testing the liveness check.
// See usageText() in options.cpp. Developer tool: not installed, not part of the kiosk.
#include "attack_renderers.h"
#include "options.h"
#include "photo_stage.h"
#include "replay_renderer.h"
#include "session_attacks.h"
#include "tool_util.h"

#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace simkyc::tools;

namespace {

constexpr int kExitWriteFailed = 1;
constexpr int kExitUsage = 2;

struct PhotoEntry {
    fs::path path;
    std::string name; // unique, file-name safe: <source or folder>_<stem>
};

struct IndexRow {
    std::string video, type, source, notes;
    int frames = 0;
};

struct TypeStats {
    int videos = 0;
    double seconds = 0.0;
};

bool readPhotoList(const Options &options, std::vector<PhotoEntry> &photos, std::string &error)
{
    const fs::path list = *options.photoList;
    std::ifstream in(list);
    if (!in) {
        error = "cannot read the photo list " + list.string();
        return false;
    }
    const fs::path base = options.root.empty() ? list.parent_path() : options.root;
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (line.empty() || line.front() == '#')
            continue;
        const fs::path path = fs::path(line).is_absolute() ? fs::path(line) : base / line;
        photos.push_back({path, safeName(path.parent_path().filename().string() + "_" + path.stem().string())});
    }
    return true;
}

bool readIdentities(const Options &options, std::vector<PhotoEntry> &photos, std::string &error)
{
    const auto table = readCsvTable(*options.identities);
    if (!table) {
        error = "cannot read the identities table " + options.identities->string();
        return false;
    }
    const auto fileColumn = table->column("file"), sourceColumn = table->column("source");
    if (!fileColumn || !sourceColumn) {
        error = options.identities->string() + " has no 'file' and 'source' columns";
        return false;
    }
    for (const auto &row : table->rows) {
        const std::string &source = table->cell(row, sourceColumn);
        const fs::path file = table->cell(row, fileColumn);
        if (file.empty() ||
            std::find(std::begin(kIdentitySources), std::end(kIdentitySources), source) == std::end(kIdentitySources))
            continue;
        photos.push_back({options.root / file, safeName(source + "_" + file.stem().string())});
    }
    return true;
}

void makeNamesUnique(std::vector<PhotoEntry> &photos)
{
    std::map<std::string, int> seen;
    for (PhotoEntry &photo : photos) {
        const int count = ++seen[photo.name];
        if (count > 1)
            photo.name += "_" + std::to_string(count);
    }
}

bool prepareOutput(const fs::path &outDir, const std::vector<AttackType> &types, std::string &error)
{
    std::error_code ec;
    fs::create_directories(outDir, ec);
    for (AttackType type : types)
        if (!ec)
            fs::create_directories(outDir / attackTypeName(type), ec);
    if (ec) {
        error = "cannot create the output folder " + outDir.string() + ": " + ec.message();
        return false;
    }
    const fs::path probe = outDir / ".write_probe";
    {
        std::ofstream out(probe);
        out << "probe";
        if (!out) {
            error = "the output folder " + outDir.string() + " is not writable";
            return false;
        }
    }
    fs::remove(probe, ec);
    return true;
}

std::vector<fs::path> listImages(const fs::path &dir)
{
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        if (it->is_regular_file() && (ext == ".jpg" || ext == ".jpeg" || ext == ".png"))
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Writes one clip; returns false (with `error`) when the writer cannot open or the file is not written.
bool writeClip(FrameRenderer &renderer, const ClipSpec &clip, const fs::path &path, const fs::path &snapshotDir,
               std::string &error)
{
    const fs::path partial = path.parent_path() / (path.stem().string() + ".part.avi");
    cv::VideoWriter writer(partial.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), clip.fps, clip.size, true);
    if (!writer.isOpened()) {
        error = "cv::VideoWriter cannot open " + partial.string() +
                " for MJPG/AVI (is OpenCV built with a video backend, e.g. FFmpeg or its built-in MJPEG?)";
        return false;
    }
    const std::vector<int> snapshots = snapshotDir.empty() ? std::vector<int>{} : renderer.snapshotFrames();
    for (int i = 0; i < clip.frames; ++i) {
        const cv::Mat frame = renderer.render(i);
        writer.write(frame);
        if (std::find(snapshots.begin(), snapshots.end(), i) != snapshots.end())
            cv::imwrite((snapshotDir / (path.parent_path().filename().string() + "_" + path.stem().string() + "_f" +
                                        std::to_string(i) + ".png"))
                            .string(),
                        frame);
    }
    writer.release();
    std::error_code ec;
    fs::rename(partial, path, ec);
    if (ec) {
        error = "cannot move " + partial.string() + " to " + path.string() + ": " + ec.message();
        return false;
    }
    return true;
}

bool writeIndex(const fs::path &outDir, const std::vector<IndexRow> &rows, const ClipSpec &clip, std::string &error)
{
    const fs::path path = outDir / "attacks.csv";
    const fs::path partial = outDir / "attacks.csv.part";
    {
        std::ofstream out(partial);
        out << "video,attack_type,source_photo,frames,fps,width,height,notes\n";
        for (const IndexRow &row : rows)
            out << csvField(row.video) << ',' << row.type << ',' << csvField(row.source) << ',' << row.frames << ','
                << clip.fps << ',' << clip.size.width << ',' << clip.size.height << ',' << csvField(row.notes) << '\n';
        if (!out.flush()) {
            error = "cannot write " + partial.string();
            return false;
        }
    }
    std::error_code ec;
    fs::rename(partial, path, ec);
    if (ec) {
        error = "cannot write " + path.string() + ": " + ec.message();
        return false;
    }
    return true;
}

int usageError(const std::string &message)
{
    std::cerr << "simkyc-make-attacks: error: " << message << "\n" << usageText();
    return kExitUsage;
}

int run(Options options)
{
    if (options.modelsDir.empty())
        options.modelsDir = SIMKYC_MAKE_ATTACKS_DEFAULT_MODELS_DIR;
    const auto wants = [&options](AttackType type) {
        return std::find(options.types.begin(), options.types.end(), type) != options.types.end();
    };

    std::vector<PhotoEntry> photos;
    std::string error;
    if (!(options.photoList ? readPhotoList(options, photos, error) : readIdentities(options, photos, error)))
        return usageError(error);
    if (options.limit > 0 && static_cast<size_t>(options.limit) < photos.size())
        photos.resize(static_cast<size_t>(options.limit));
    if (photos.empty())
        return usageError("no photos to use");
    makeNamesUnique(photos);

    std::vector<fs::path> donorFiles;
    if (wants(AttackType::Cutout)) {
        if (options.closedEyesDir)
            donorFiles = listImages(*options.closedEyesDir);
        if (donorFiles.empty())
            return usageError("the cutout attack needs closed-eye face images: none found in " +
                              (options.closedEyesDir ? options.closedEyesDir->string() : "(no --closed-eyes/--root)"));
    }
    std::vector<fs::path> replayVideos;
    if (wants(AttackType::Replay)) {
        for (const fs::path &video : options.replayVideos) {
            std::error_code ec;
            if (fs::is_regular_file(video, ec))
                replayVideos.push_back(video);
            else
                std::cerr << "warning: replay video " << video << " not found; not used\n";
        }
        if (replayVideos.empty())
            return usageError("the replay attack needs at least one genuine video (--replay-videos or --root)");
    }
    if (!prepareOutput(options.outDir, options.types, error))
        return usageError(error);
    const fs::path snapshotDir = options.snapshots ? options.outDir / "snapshots" : fs::path();
    if (options.snapshots) {
        std::error_code ec;
        fs::create_directories(snapshotDir, ec);
    }

    ClipSpec clip;
    clip.size = {options.width, options.height};
    clip.fps = options.fps;
    clip.noiseSigma = options.noise;
    clip.frames = std::max(1, static_cast<int>(std::lround(options.seconds * options.fps)));

    FaceLocator locator(options.modelsDir);
    std::cout << "simkyc-make-attacks: OpenCV " << CV_VERSION << ", " << photos.size() << " photos, " << clip.frames
              << " frames of " << clip.size.width << "x" << clip.size.height << " at " << clip.fps << " fps, seed "
              << options.seed << ", eye landmarks "
              << (locator.hasLandmarks() ? "68-point model" : "guessed from the face box") << "\n";

    std::map<std::string, ClosedEyeDonor> donors;
    std::vector<IndexRow> rows;
    std::map<AttackType, TypeStats> stats;
    int skipped = 0;
    for (size_t i = 0; i < photos.size(); ++i) {
        const PhotoEntry &entry = photos[i];
        const auto photo = loadPhoto(entry.path);
        if (!photo) {
            std::cerr << "warning: cannot read photo " << entry.path << "; skipped\n";
            ++skipped;
            continue;
        }
        cv::RNG stageRng(mixSeed(options.seed, i, 0));
        const StagedPhoto staged = stagePhoto(*photo, locator.locate(*photo), clip.size, stageRng);
        for (AttackType type : options.types) {
            const auto started = std::chrono::steady_clock::now();
            const std::uint64_t seed = mixSeed(options.seed, i, static_cast<std::uint64_t>(type) + 1);
            std::unique_ptr<FrameRenderer> renderer;
            std::string source = entry.path.string();
            if (type == AttackType::Replay) {
                const fs::path &video = replayVideos[i % replayVideos.size()];
                renderer = openReplay(video, clip, seed, error);
                if (!renderer) {
                    std::cerr << "simkyc-make-attacks: error: " << error << "\n";
                    return kExitWriteFailed;
                }
                source = video.string();
            } else if (type == AttackType::Cutout) {
                cv::RNG pick(seed);
                const fs::path &donorFile =
                    donorFiles[static_cast<size_t>(pick.uniform(0, static_cast<int>(donorFiles.size())))];
                auto found = donors.find(donorFile.string());
                if (found == donors.end()) {
                    const auto image = loadPhoto(donorFile);
                    if (!image) {
                        std::cerr << "simkyc-make-attacks: error: cannot read closed-eye image " << donorFile << "\n";
                        return kExitUsage;
                    }
                    found = donors
                                .emplace(donorFile.string(), ClosedEyeDonor{*image, locator.locateInCrop(*image),
                                                                            donorFile.filename().string()})
                                .first;
                }
                renderer = makePhotoRenderer(type, staged, clip, seed, &found->second);
            } else {
                renderer = makePhotoRenderer(type, staged, clip, seed, nullptr);
            }
            const fs::path videoPath = options.outDir / attackTypeName(type) / (entry.name + ".avi");
            if (!writeClip(*renderer, clip, videoPath, snapshotDir, error)) {
                std::cerr << "simkyc-make-attacks: error: " << error << "\n";
                return kExitWriteFailed;
            }
            std::string notes = renderer->notes();
            if (type == AttackType::Replay)
                notes += " slot_photo=" + entry.name;
            rows.push_back(
                {fs::relative(videoPath, options.outDir).string(), attackTypeName(type), source, notes, clip.frames});
            TypeStats &typeStats = stats[type];
            ++typeStats.videos;
            typeStats.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        }
    }
    if (!writeIndex(options.outDir, rows, clip, error)) {
        std::cerr << "simkyc-make-attacks: error: " << error << "\n";
        return kExitWriteFailed;
    }
    for (AttackType type : options.types) {
        const TypeStats &typeStats = stats[type];
        std::printf("%-7s %4d videos  %7.1f s\n", attackTypeName(type), typeStats.videos, typeStats.seconds);
    }
    std::printf("index: %s (%zu rows), %d photos skipped\n", (options.outDir / "attacks.csv").string().c_str(),
                rows.size(), skipped);
    if (rows.empty())
        return usageError("none of the photos could be read");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    ParseOutcome parsed = parseOptions(argc, argv);
    if (parsed.help) {
        std::cout << parsed.message;
        return 0;
    }
    if (!parsed.options)
        return usageError(parsed.message);
    try {
        if (parsed.options->sessions)
            return runSessionAttacks(*parsed.options);
        return run(std::move(*parsed.options));
    } catch (const cv::Exception &e) {
        std::cerr << "simkyc-make-attacks: error: OpenCV: " << e.what() << "\n";
        return kExitWriteFailed;
    } catch (const std::exception &e) {
        std::cerr << "simkyc-make-attacks: error: " << e.what() << "\n";
        return kExitWriteFailed;
    }
}

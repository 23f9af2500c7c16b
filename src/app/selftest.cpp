#include "app/selftest.h"

#include "app/face_services.h"
#include "core/log.h"
#include "crypto/digest.h"
#include "crypto/self_test.h"
#include "store/sqlite_info.h"
#include "vision/face_embedder.h"
#include "vision/landmarks.h"
#include "vision/library_info.h"

#include <QJsonArray>
#include <QtGlobal>

#include <chrono>
#include <cmath>
#include <sstream>
#include <string>

namespace simkyc::app {
namespace {

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// A deterministic synthetic chip: enough to prove the network runs and yields a finite vector.
vision::Image probeChip()
{
    std::vector<std::uint8_t> pixels(static_cast<size_t>(vision::kChipSize) * vision::kChipSize * 3);
    for (size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = static_cast<std::uint8_t>((i * 7u + (i / 450u) * 13u) & 0xff);
    auto image = vision::Image::fromPixels(vision::kChipSize, vision::kChipSize, 3, pixels);
    return image.ok() ? *image : vision::Image();
}

void loadModel(ModelCheck &check)
{
    const auto &id = check.status.entry.id;
    const auto start = std::chrono::steady_clock::now();
    if (id == "landmarks68" || id == "landmarks5") {
        check.loadAttempted = true;
        auto detector = vision::LandmarkDetector::load(check.status.path);
        check.loaded = detector.ok();
        if (!detector.ok())
            check.loadError = detector.error().toString();
    } else if (id == "face_resnet") {
        check.loadAttempted = true;
        auto embedder = vision::FaceEmbedder::load(check.status.path);
        if (!embedder.ok()) {
            check.loadError = embedder.error().toString();
        } else {
            auto embedding = (*embedder)->compute(probeChip());
            double norm = 0.0;
            if (embedding.ok())
                for (float v : *embedding)
                    norm += static_cast<double>(v) * v;
            check.loaded = embedding.ok() && std::isfinite(norm) && norm > 0.0;
            if (!check.loaded)
                check.loadError = embedding.ok() ? "embedding is not finite" : embedding.error().toString();
        }
    }
    check.loadMs = msSince(start);
}

} // namespace

std::vector<std::pair<std::string, std::string>> libraryVersions()
{
    return {{"qt", qVersion()},
            {"opencv", vision::opencvVersion()},
            {"dlib", vision::dlibVersion()},
            {"sqlite", store::sqliteVersion()},
            {"openssl", crypto::opensslVersion()}};
}

SelfTestReport runSelfTest(const ModelCatalog &catalog)
{
    SelfTestReport report;
    report.programVersion = SIMKYC_VERSION;
    report.libraries = libraryVersions();
    const auto blas = vision::blasInfo();
    report.blasLibrary = blas.library;
    report.blasProvider = blas.provider;
    report.blasConfig = blas.config;
    for (const auto &dir : catalog.searchDirs())
        report.modelSearchPath.push_back(dir.string());
    const Status kat = crypto::runSelfTests();
    report.cryptoKnownAnswersOk = kat.ok();
    if (!kat.ok())
        report.problems.push_back(kat.error().message +
                                  " (the OpenSSL library gives wrong results: reinstall libssl3)");
    if (catalog.entries().empty())
        report.problems.emplace_back("the model manifest built into this program is empty or invalid");

    for (const auto &entry : catalog.entries()) {
        ModelCheck check;
        check.status = catalog.verify(entry);
        if (check.status.state == ModelState::Ok)
            loadModel(check);
        if (entry.required) {
            if (check.status.state != ModelState::Ok)
                report.problems.push_back(check.status.problem());
            else if (check.loadAttempted && !check.loaded)
                report.problems.push_back(entry.file + " does not load: " + check.loadError);
        }
        report.models.push_back(std::move(check));
    }
    if (auto spoof = locateSpoofModels(catalog); !spoof.ok())
        report.passiveCueOff = spoof.error().message;
    if (report.blasProvider != "openblas")
        log::warning(log::kApp, "dlib is not running on OpenBLAS (" + report.blasProvider +
                                    "); face embeddings will be about 5x slower. Install libopenblas0-pthread.");
    report.ok = report.problems.empty();
    return report;
}

QJsonObject SelfTestReport::toJson() const
{
    QJsonObject libs;
    for (const auto &[name, version] : libraries)
        libs.insert(QString::fromStdString(name), QString::fromStdString(version));
    QJsonArray modelArray;
    for (const auto &m : models) {
        QJsonObject o{{"id", QString::fromStdString(m.status.entry.id)},
                      {"file", QString::fromStdString(m.status.entry.file)},
                      {"required", m.status.entry.required},
                      {"license", QString::fromStdString(m.status.entry.license)},
                      {"status", QString::fromStdString(std::string(modelStateName(m.status.state)))},
                      {"expected_sha256", QString::fromStdString(m.status.entry.sha256)}};
        if (!m.status.path.empty())
            o.insert("path", QString::fromStdString(m.status.path.string()));
        if (!m.status.actualSha256.empty())
            o.insert("sha256", QString::fromStdString(m.status.actualSha256));
        if (m.loadAttempted) {
            o.insert("loaded", m.loaded);
            o.insert("load_ms", std::round(m.loadMs * 10.0) / 10.0);
            if (!m.loadError.empty())
                o.insert("load_error", QString::fromStdString(m.loadError));
        }
        if (m.status.state != ModelState::Ok)
            o.insert("problem", QString::fromStdString(m.status.problem()));
        modelArray.append(o);
    }
    QJsonArray search;
    for (const auto &d : modelSearchPath)
        search.append(QString::fromStdString(d));
    QJsonArray problemArray;
    for (const auto &p : problems)
        problemArray.append(QString::fromStdString(p));
    return QJsonObject{{"ok", ok},
                       {"version", QString::fromStdString(programVersion)},
                       {"libraries", libs},
                       {"blas", QJsonObject{{"library", QString::fromStdString(blasLibrary)},
                                            {"provider", QString::fromStdString(blasProvider)},
                                            {"config", QString::fromStdString(blasConfig)}}},
                       {"crypto_known_answer_tests", cryptoKnownAnswersOk ? "passed" : "failed"},
                       {"model_search_path", search},
                       {"passive_cue", passiveCueOff.empty() ? "on" : "off"},
                       {"passive_cue_problem", QString::fromStdString(passiveCueOff)},
                       {"models", modelArray},
                       {"problems", problemArray}};
}

std::string SelfTestReport::toText() const
{
    std::ostringstream out;
    out << "SimKYC " << programVersion << " self-test\n";
    for (const auto &[name, version] : libraries)
        out << "  " << name << ": " << version << "\n";
    out << "  blas: " << blasProvider << " (" << (blasLibrary.empty() ? "not loaded" : blasLibrary) << ")\n";
    out << "  crypto known-answer tests: " << (cryptoKnownAnswersOk ? "passed" : "FAILED") << "\n";
    out << "models:\n";
    for (const auto &m : models) {
        std::string state(modelStateName(m.status.state));
        state.resize(14, ' ');
        out << "  " << state << m.status.entry.file;
        if (!m.status.actualSha256.empty())
            out << "  sha256=" << m.status.actualSha256;
        if (m.loadAttempted)
            out << (m.loaded ? "  loaded" : "  LOAD FAILED") << " in " << static_cast<int>(m.loadMs) << " ms";
        if (!m.status.entry.required && m.status.state != ModelState::Ok)
            out << "  (optional)";
        out << "\n";
    }
    if (passiveCueOff.empty())
        out << "passive anti-spoofing cue: on\n";
    else
        out << "passive anti-spoofing cue: OFF: " << passiveCueOff
            << " A kiosk with liveness.require_passive_model = true refuses face checks until they are installed.\n";
    for (const auto &p : problems)
        out << "problem: " << p << "\n";
    out << (ok ? "self-test passed\n" : "self-test FAILED\n");
    return out.str();
}

} // namespace simkyc::app

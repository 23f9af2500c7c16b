#include "app/gui/face_check_service.h"

#include "app/face_services.h"
#include "app/gui/gui_log.h"

#include <QElapsedTimer>

#include <chrono>
#include <thread>

namespace simkyc::app {

inline constexpr int kPreviewMaxSide = 640;

// Lives on the service's thread; owns the models. Every reply goes back to the service queued.
class FaceCheckService::Worker : public QObject {
public:
    explicit Worker(FaceCheckService &service) : m_service(service) {}

    void load(const ModelCatalog &catalog, const vision::CaptureQualityConfig &quality)
    {
        QElapsedTimer timer;
        timer.start();
        QString error;
        auto engine = loadFaceEngine(catalog);
        vision::FrameAnalyzerOptions options;
        options.quality = quality;
        auto analyzer = engine.ok() ? loadFrameAnalyzer(catalog, options)
                                    : Result<std::unique_ptr<vision::FrameAnalyzer>>(engine.error());
        // The passive anti-spoofing networks are optional (not in a fresh installation): absent, the
        // check runs without them and says so; present but not as the manifest says, nothing runs.
        auto spoof = analyzer.ok() ? loadOptionalSpoofModel(catalog)
                                   : Result<std::unique_ptr<vision::SpoofModel>>(analyzer.error());
        if (spoof.ok()) {
            m_engine = std::move(engine).value();
            m_analyzer = std::move(analyzer).value();
            m_spoof = std::move(spoof).value();
            if (!m_spoof)
                qCInfo(lcGui) << "passive anti-spoofing cue off: the MiniFASNet models are not provisioned (optional)";
            qCInfo(lcGui) << "face models loaded in" << timer.elapsed() << "ms";
        } else {
            error = QString::fromStdString(spoof.error().toString());
            qCWarning(lcGui).noquote() << "face models not loaded:" << error;
        }
        const bool passive = m_spoof != nullptr;
        QMetaObject::invokeMethod(
            &m_service,
            [service = &m_service, error, passive] {
                service->m_modelsReady = error.isEmpty();
                service->m_modelsError = error;
                service->m_passiveAvailable = passive;
                emit service->modelsLoaded(error.isEmpty());
            },
            Qt::QueuedConnection);
    }

    void run(const FaceCheckRequest &request, const std::shared_ptr<std::atomic<bool>> &cancel)
    {
        FaceCheckReply reply;
        reply.requestId = request.requestId;
        QElapsedTimer timer;
        timer.start();
        const auto wallStart = std::chrono::steady_clock::now();
        const int promptCount = static_cast<int>(request.script.size());
        auto observer = [&](const vision::Frame &frame, const vision::FrameAnalysis &analysis,
                            const vision::LivenessSession &session) {
            if (cancel->load())
                return false;
            // A recording plays at its own pace, as a camera would deliver it (an image folder, which has
            // none, at 30 frames per second).
            const double atMs = frame.sourceTimeMs >= 0.0 ? frame.sourceTimeMs
                                : frame.sourceIndex >= 0  ? static_cast<double>(frame.sourceIndex) * 1000.0 / 30.0
                                                          : -1.0;
            if (atMs >= 0.0)
                std::this_thread::sleep_until(wallStart +
                                              std::chrono::microseconds(static_cast<std::int64_t>(atMs * 1000.0)));
            if (m_service.m_previewPending.exchange(true))
                return !cancel->load(); // the window has not taken the last frame yet: skip this one
            FaceCheckProgress p;
            p.requestId = request.requestId;
            p.state = QString::fromLatin1(vision::sessionStateName(session.state()).data());
            const auto prompt = session.currentPrompt();
            p.prompt = prompt ? QString::fromLatin1(vision::challengeName(*prompt).data()) : QString();
            p.promptNumber = session.promptedCount();
            p.promptCount = promptCount;
            for (const auto &hint : session.currentHints())
                p.hints << QString::fromStdString(hint);
            if (p.hints.isEmpty())
                for (const auto hint : analysis.quality.hints)
                    p.hints << QString::fromLatin1(vision::qualityHintName(hint).data());
            p.faceFound = analysis.hasFace();
            p.preview = vision::resizeToFit(frame.image, kPreviewMaxSide);
            QMetaObject::invokeMethod(
                &m_service, [service = &m_service, p] { emit service->progress(p); }, Qt::QueuedConnection);
            return !cancel->load();
        };
        vision::LivenessOptions liveness;
        liveness.script = request.script;
        liveness.session = request.config;
        liveness.identity = m_engine.get();
        liveness.camera = request.camera;
        liveness.passive = vision::PassiveCheck{m_spoof.get(), request.passiveThreshold};
        liveness.onFrame = observer;
        if (!request.screenLight.steps.empty()) {
            liveness.screenLight.schedule = request.screenLight;
            liveness.screenLight.onStart = [service = &m_service, id = request.requestId] {
                QMetaObject::invokeMethod(
                    service, [service, id] { emit service->screenLightStarted(id); }, Qt::QueuedConnection);
            };
        }
        auto run = vision::runLiveness(*m_analyzer, request.sourceSpec, std::move(liveness));
        reply.sessionMs = static_cast<double>(timer.elapsed());
        if (!run.ok()) {
            reply.error = run.error();
        } else if (run->cancelled) {
            reply.cancelled = true;
        } else {
            reply.frames = run->frames;
            QElapsedTimer matchTimer;
            matchTimer.start();
            auto outcome = faceCheckOutcome(*m_engine, run->result, run->result.bestFrames, request.idPortrait,
                                            request.matchThreshold, request.staffFaces);
            reply.matchMs = static_cast<double>(matchTimer.elapsed());
            if (outcome.ok()) {
                reply.outcome = std::move(outcome).value();
                // Whether the passive cue ran, and its score, travel with the record (the manager
                // and the carrier can tell a session checked by it from one that was not).
                reply.outcome.record.livenessSummary += vision::passiveSummary(run->passive);
                reply.outcome.record.livenessSummary += vision::screenLightSummary(run->screenLight);
            } else
                reply.error = outcome.error();
        }
        QMetaObject::invokeMethod(
            &m_service,
            [service = &m_service, reply = std::move(reply)] {
                service->m_running = false;
                emit service->finished(reply);
            },
            Qt::QueuedConnection);
    }

private:
    FaceCheckService &m_service;
    std::unique_ptr<vision::FaceEngine> m_engine;
    std::unique_ptr<vision::FrameAnalyzer> m_analyzer;
    std::unique_ptr<vision::SpoofModel> m_spoof; // optional
};

FaceCheckService::FaceCheckService(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<FaceCheckProgress>();
    qRegisterMetaType<FaceCheckReply>();
    m_worker = new Worker(*this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("simkyc-facecheck"));
    m_thread.start();
}

FaceCheckService::~FaceCheckService()
{
    m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

void FaceCheckService::loadModels(ModelCatalog catalog, vision::CaptureQualityConfig quality)
{
    m_modelsReady = false;
    m_modelsError.clear();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, catalog = std::move(catalog), quality = std::move(quality)] {
            worker->load(catalog, quality);
        },
        Qt::QueuedConnection);
}

void FaceCheckService::start(FaceCheckRequest request)
{
    if (m_running || !m_modelsReady) {
        qCWarning(lcGui) << "face check not started:" << (m_running ? "one is running" : "models not ready");
        return;
    }
    m_running = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_previewPending.store(false);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, request = std::move(request), cancel = m_cancel] { worker->run(request, cancel); },
        Qt::QueuedConnection);
}

void FaceCheckService::cancel()
{
    m_cancel->store(true);
}

} // namespace simkyc::app

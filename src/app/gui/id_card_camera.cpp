#include "app/gui/id_card_camera.h"

#include "app/gui/gui_log.h"
#include "vision/capture_thread.h"
#include "vision/frame_source.h"

#include <QElapsedTimer>

#include <filesystem>

namespace simkyc::app {
namespace {

constexpr int kPreviewMaxSide = 640;
constexpr double kFolderFps = 30.0; // an image folder plays like a camera

Result<std::unique_ptr<vision::FrameSource>> openIdCameraSource(const std::string &spec)
{
    std::error_code ec;
    if (std::filesystem::is_directory(spec, ec))
        return vision::openImageFolder(spec, kFolderFps);
    // A card is read at 1280x720 where the camera offers it: the portrait needs the pixels.
    return vision::openSourceSpec(spec, vision::CameraSpec{.width = 1280, .height = 720});
}

} // namespace

// Lives on the camera's thread; owns that thread's face detector.
class IdCardCamera::Worker : public QObject {
public:
    explicit Worker(IdCardCamera &camera) : m_camera(camera) {}

    void run(int requestId, const std::string &spec, vision::CardCaptureConfig config,
             const std::shared_ptr<std::atomic<bool>> &stop)
    {
        IdCameraReply reply;
        reply.result.requestId = requestId;
        QElapsedTimer timer;
        timer.start();
        auto finish = [&](const char *code, QString detail) {
            if (code != nullptr)
                reply.result.errorCode = QString::fromLatin1(code);
            reply.result.detail = std::move(detail);
            reply.result.findMs = timer.elapsed();
            QMetaObject::invokeMethod(
                &m_camera,
                [camera = &m_camera, reply = std::move(reply)] {
                    camera->m_running = false;
                    emit camera->finished(reply);
                },
                Qt::QueuedConnection);
        };
        auto source = openIdCameraSource(spec);
        if (!source.ok())
            return finish(kIdCameraUnavailable, QString::fromStdString(source.error().toString()));
        reply.result.loadMs = timer.elapsed();
        vision::CaptureThread capture(std::move(source).value(),
                                      vision::CaptureOptions{.reopenOnError = false, .paceToSourceTime = true});
        capture.start();
        vision::CardCapture judge(config);
        while (!stop->load()) {
            vision::FrameRead read = capture.next(std::chrono::milliseconds(200));
            if (!read.ok()) {
                const vision::FrameErrorCode code = read.error().code;
                if (code == vision::FrameErrorCode::Timeout || code == vision::FrameErrorCode::Unreadable)
                    continue;
                if (code == vision::FrameErrorCode::EndOfStream || code == vision::FrameErrorCode::Stopped)
                    return finish(kIdCameraEnded, QStringLiteral("the recording ended without a card"));
                return finish(kIdCameraUnavailable, QString::fromStdString(read.error().message));
            }
            const vision::Frame &frame = *read;
            ++reply.frames;
            const vision::CardCaptureStep step = judge.step(frame.image, m_detector);
            if (step.hint == vision::CardHint::Captured) {
                const vision::IdPortrait &card = *judge.captured();
                reply.result.document = vision::resizeToFit(card.card.rectified, kDocumentPreviewSidePx);
                reply.result.portrait = card.portrait;
                reply.result.faceCount = card.faceCount;
                reply.result.fromCard = true;
                return finish(nullptr, QStringLiteral("captured after %1 frames").arg(reply.frames));
            }
            if (m_camera.m_previewPending.exchange(true))
                continue; // the window has not taken the last frame yet
            IdCameraProgress p;
            p.requestId = requestId;
            p.hint = QString::fromLatin1(vision::cardHintName(step.hint).data());
            if (step.corners)
                for (const vision::PointF &corner : *step.corners)
                    p.corners.emplace_back(corner.x / frame.image.width(), corner.y / frame.image.height());
            p.preview = vision::resizeToFit(frame.image, kPreviewMaxSide);
            QMetaObject::invokeMethod(
                &m_camera, [camera = &m_camera, p = std::move(p)] { emit camera->progress(p); }, Qt::QueuedConnection);
        }
        reply.stopped = true;
        finish(nullptr, QStringLiteral("stopped"));
    }

private:
    IdCardCamera &m_camera;
    vision::FaceDetector m_detector;
};

IdCardCamera::IdCardCamera(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<IdCameraProgress>();
    qRegisterMetaType<IdCameraReply>();
    m_worker = new Worker(*this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("simkyc-idcamera"));
    m_thread.start();
}

IdCardCamera::~IdCardCamera()
{
    m_stop->store(true);
    m_thread.quit();
    m_thread.wait();
}

void IdCardCamera::start(int requestId, const std::string &spec, vision::CardCaptureConfig config)
{
    if (m_running) {
        qCWarning(lcGui) << "ID camera: start ignored, a capture runs";
        return;
    }
    m_running = true;
    m_stop = std::make_shared<std::atomic<bool>>(false);
    m_previewPending.store(false);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, requestId, spec, config, stop = m_stop] { worker->run(requestId, spec, config, stop); },
        Qt::QueuedConnection);
}

void IdCardCamera::stop()
{
    m_stop->store(true);
}

} // namespace simkyc::app

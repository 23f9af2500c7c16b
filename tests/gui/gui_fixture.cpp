#include "gui_fixture.h"

#include "app/face_registration.h"
#include "core/iccid.h"
#include "vision/degrade.h"
#include "vision/face_detector.h"
#include "vision/frame_source.h"
#include "vision/image.h"

#include <QCoreApplication>

#include <fstream>
#include <vector>

namespace simkyc::test {

QString validIccid()
{
    const std::string payload = "898601234567890123";
    return QString::fromStdString(payload + *core::luhnCheckDigit(payload));
}

std::optional<std::filesystem::path> specimenWithFace()
{
    const auto dir = sharedDataDir();
    const auto file = dir ? *dir / "idcards/passporteye/100_pass-fin.png" : std::filesystem::path();
    return dir && std::filesystem::is_regular_file(file) ? std::optional(file) : std::nullopt;
}

std::optional<std::filesystem::path> specimenWithoutFace()
{
    const auto dir = sharedDataDir();
    const auto file = dir ? *dir / "idcards/passporteye/0_id-esp.png" : std::filesystem::path();
    return dir && std::filesystem::is_regular_file(file) ? std::optional(file) : std::nullopt;
}

namespace {

bool writeBytes(const std::filesystem::path &file, const std::vector<std::uint8_t> &bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(bytes.data()), std::streamsize(bytes.size()));
    return bool(out);
}

} // namespace

bool writeNoFaceImage(const std::filesystem::path &file)
{
    constexpr int kWidth = 900;
    constexpr int kHeight = 600;
    std::vector<std::uint8_t> pixels(size_t(kWidth) * kHeight * 3);
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            auto *p = &pixels[(size_t(y) * kWidth + x) * 3];
            p[0] = std::uint8_t(x * 255 / kWidth);
            p[1] = std::uint8_t((y / 40) % 2 != 0 ? 200 : 90);
            p[2] = std::uint8_t(y * 255 / kHeight);
        }
    auto image = vision::Image::fromPixels(kWidth, kHeight, 3, pixels);
    if (!image.ok())
        return false;
    auto jpeg = vision::encodeJpeg(*image, 90);
    return jpeg.ok() && writeBytes(file, *jpeg);
}

bool writeTwoFaceImage(const std::filesystem::path &from, const std::filesystem::path &file)
{
    auto image = vision::loadImage(from);
    if (!image.ok() || image->channels() != 3)
        return false;
    const int w = image->width();
    const int h = image->height();
    std::vector<std::uint8_t> pixels(size_t(2 * w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int copy = 0; copy < 2; ++copy)
            std::copy_n(image->data() + size_t(y) * image->stride(), image->stride(),
                        pixels.begin() + std::ptrdiff_t((size_t(y) * 2 * w + size_t(copy) * w) * 3));
    auto doubled = vision::Image::fromPixels(2 * w, h, 3, pixels);
    if (!doubled.ok())
        return false;
    auto jpeg = vision::encodeJpeg(*doubled, 95);
    return jpeg.ok() && writeBytes(file, *jpeg);
}

std::optional<std::filesystem::path> sampleFaceVideo()
{
    const auto data = sharedDataDir();
    if (!data)
        return std::nullopt;
    const auto video = *data / "liveness" / "liveportrait" / "d13.mp4";
    return std::filesystem::exists(video) ? std::optional(video) : std::nullopt;
}

bool writeVideoFace(const std::filesystem::path &video, const std::filesystem::path &file, bool chipPortrait)
{
    auto source = vision::openSourceSpec(video.string());
    if (!source.ok())
        return false;
    vision::FaceDetector detector;
    for (int i = 0; i < 40; ++i) {
        auto frame = (*source)->read();
        if (!frame.ok())
            return false;
        if (i < 20)
            continue;
        const auto faces = detector.detect(frame->image);
        if (faces.size() != 1)
            continue;
        vision::Image out = frame->image;
        if (chipPortrait) {
            auto portrait = vision::degradeLikeChipPortrait(frame->image, faces.front().box);
            if (!portrait.ok())
                return false;
            out = std::move(portrait).value();
        }
        auto jpeg = vision::encodeJpeg(out, 90);
        return jpeg.ok() && writeBytes(file, *jpeg);
    }
    return false;
}

void fillValidCustomer(app::CustomerFormModel &form)
{
    form.setName(QStringLiteral("Zhang San"));
    form.setIdNumber(kValidIdNumber);
    form.setAddress(QStringLiteral("1 Renmin Road, Nanchang"));
    form.setPhone(kValidPhone);
    form.setIccid(validIccid());
}

void ensureCoreApplication()
{
    if (QCoreApplication::instance() != nullptr)
        return;
    static int argc = 1;
    static char name[] = "simkyc-gui-test";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv);
}

DemoStore::DemoStore()
{
    const auto dataDir = this->dataDir();
    auto account = app::prepareDemoDataFolder(dataDir, kCheapScryptLog2);
    if (!account.ok()) {
        m_error = account.error().toString();
        return;
    }
    m_account = *account;
    auto session = app::openSession(dataDir, std::nullopt, true);
    if (!session.ok()) {
        m_error = session.error().toString();
        return;
    }
    m_session = std::make_unique<app::StoreSession>(std::move(session).value());
    m_staff = std::make_unique<store::StaffRepository>(m_session->db, crypto::ScryptParams{kCheapScryptLog2, 8, 1});
}

std::optional<app::RegistrationWorkflow::FaceSource> sampleVideoSource()
{
    const auto video = sampleFaceVideo();
    if (!video)
        return std::nullopt;
    app::RegistrationWorkflow::FaceSource source;
    source.spec = video->string();
    source.recording = true;
    source.recordingScript = *vision::parsePromptScript(app::kDemoSampleScript);
    return source;
}

Result<std::string> storeTestRecord(app::RegistrationRecorder &recorder, std::int64_t clerkId, const TestRecord &record)
{
    store::NewRegistration n;
    n.clerkId = clerkId;
    n.status = record.status;
    n.outcome = record.outcome;
    n.reasonCodes = record.reasons;
    n.matchDistance = record.distance;
    n.livenessSummary = record.liveness;
    n.customer = {"Zhang San",   kValidIdNumber.toStdString(), "1991-01-01", "1 Renmin Road",
                  "13812345678", validIccid().toStdString()};
    n.biometricPayload = app::biometricPayloadWithoutFace("test");
    n.reviewThumbnail = record.thumbnail;
    auto saved = recorder.record(n);
    if (!saved.ok())
        return saved.error();
    return saved->id;
}

void WorkflowOnStoreTest::SetUp()
{
    ASSERT_TRUE(demo.ok()) << demo.error();
    auto opened = demo.newSession();
    ASSERT_TRUE(opened.ok()) << opened.error().toString();
    session = std::move(opened).value();
    recorder = std::make_unique<app::RegistrationRecorder>(*session);
    checker = std::make_unique<app::DirectLoginChecker>(demo.staff());
    w = std::make_unique<app::RegistrationWorkflow>(*checker, finder, QString(), app::kDefaultIdleLock);
    w->setFaceCheck(nullptr, recorder.get(), {});
    w->setStore(session.get());
    w->setStaffHashing(crypto::ScryptParams{kCheapScryptLog2, 8, 1});
    w->idPhoto()->setFolder(QString::fromStdString(scans.path().string()));
}

Result<std::unique_ptr<app::StoreSession>> DemoStore::newSession() const
{
    auto session = app::openSession(dataDir(), std::nullopt, true);
    if (!session.ok())
        return session.error();
    return std::make_unique<app::StoreSession>(std::move(session).value());
}

} // namespace simkyc::test

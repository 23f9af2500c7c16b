// Test fixtures of the kiosk GUI: a real demo data folder (keys, store, demo clerk with cheap
// scrypt hashes) and valid sample customer data. Thread-safety: one instance per test.
#pragma once

#include "app/demo_registration.h"
#include "app/gui/customer_form_model.h"
#include "app/gui/id_portrait_finder.h"
#include "app/gui/login_checker.h"
#include "app/gui/registration_workflow.h"
#include "app/registration_recorder.h"
#include "app/store_session.h"
#include "store/staff_repository.h"
#include "support/test_env.h"

#include <QString>

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>

namespace simkyc::test {

inline constexpr unsigned kCheapScryptLog2 = 10;

// Sample data that passes every rule (checked in customer_form_model_test).
inline const QString kValidIdNumber = QStringLiteral("360426199101010071"); // 1991-01-01, male
inline const QString kValidPhone = QStringLiteral("138 1234 5678");
QString validIccid(); // 8986 + 14 digits + Luhn digit

// ID-document specimens of the labelled data (../shared/data/idcards/passporteye): a passport page
// with one face, and an ID card without a portrait. nullopt without the shared data.
std::optional<std::filesystem::path> specimenWithFace();
std::optional<std::filesystem::path> specimenWithoutFace();
// Writes a synthetic 900x600 JPEG with no face (gradients and stripes), for the error path
// without the shared data. False when writing failed.
bool writeNoFaceImage(const std::filesystem::path &file);
// Writes the image `from` twice side by side as JPEG (two faces of the same size).
bool writeTwoFaceImage(const std::filesystem::path &from, const std::filesystem::path &file);

// The sample face video of the labelled data (liveness/liveportrait/d13.mp4), nullopt without it.
std::optional<std::filesystem::path> sampleFaceVideo();
// Writes, as JPEG, the first frame from frame 20 on of `video` with exactly one face: the whole frame,
// or (chipPortrait) the face cut and degraded like a chip reader's portrait (~102x126).
bool writeVideoFace(const std::filesystem::path &video, const std::filesystem::path &file, bool chipPortrait);

// Types the sample customer (valid by every rule) into the form.
void fillValidCustomer(app::CustomerFormModel &form);

// A QCoreApplication for the whole test program (unless an application exists already).
void ensureCoreApplication();

class DemoStore {
public:
    DemoStore();
    [[nodiscard]] bool ok() const { return m_error.empty(); }
    [[nodiscard]] const std::string &error() const { return m_error; }
    [[nodiscard]] const app::DemoAccount &account() const { return m_account; }
    [[nodiscard]] store::StaffRepository &staff() { return *m_staff; }
    [[nodiscard]] std::filesystem::path dataDir() const { return m_dir.path() / "data"; }
    // Another session on the same store, as the program opens it (the recorder's, the day view's).
    [[nodiscard]] Result<std::unique_ptr<app::StoreSession>> newSession() const;

private:
    TempDir m_dir;
    std::string m_error;
    app::DemoAccount m_account;
    std::unique_ptr<app::StoreSession> m_session;
    std::unique_ptr<store::StaffRepository> m_staff;
};

// The sample face video as the kiosk's camera, with its prompts at the times its person blinks
// (nullopt without the labelled data).
std::optional<app::RegistrationWorkflow::FaceSource> sampleVideoSource();

// A record of the sample customer ("Zhang San", kValidIdNumber) as the kiosk stores it, for the
// manager's views.
struct TestRecord {
    core::RegistrationState status = core::RegistrationState::Recorded;
    std::optional<core::Decision> outcome;
    std::vector<std::string> reasons;
    std::optional<double> distance;
    std::string liveness;
    std::vector<std::uint8_t> thumbnail; // the review picture's bytes, if any
};
// Stores it through the kiosk's recorder as clerk `clerkId`; its id.
Result<std::string> storeTestRecord(app::RegistrationRecorder &recorder, std::int64_t clerkId,
                                    const TestRecord &record);

// The workflow without a window on a real demo store: a session, the kiosk's recorder on it (set as
// the workflow's store writer, no face-check service), sign-in checked directly, a scan folder.
class WorkflowOnStoreTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { ensureCoreApplication(); }
    void SetUp() override;

    DemoStore demo;
    TempDir scans;
    std::unique_ptr<app::StoreSession> session;
    std::unique_ptr<app::RegistrationRecorder> recorder;
    std::unique_ptr<app::DirectLoginChecker> checker;
    app::DirectIdPortraitFinder finder;
    std::unique_ptr<app::RegistrationWorkflow> w;
};

} // namespace simkyc::test

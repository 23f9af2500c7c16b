// Enrolling a staff member's own face (simkyc-cli staff enrol-face): a whole liveness session on the
// kiosk's camera, so what is enrolled is the live person in front of it (not a photo held up), then
// the mean embedding of the session's best frames, stored by store::StaffFaceRepository. From then
// on a registration whose live face is within vision::kStaffFaceThreshold of it fails "staff_face".
// Guarantees: nothing is stored unless the session passed on a camera (a recording only when the
// request allows it) and its frames could be embedded; the audit entry names the source kind; a face
// already enrolled for another account is refused (one face, one account), so a clerk cannot be on
// file under a colleague's face. Thread-safety: reentrant; runs on the calling thread.
#pragma once

#include "app/model_catalog.h"
#include "app/store_session.h"
#include "vision/liveness_pipeline.h"

#include <string>
#include <vector>

namespace simkyc::app {

struct StaffFaceEnrolmentRequest {
    std::int64_t staffId = 0;
    std::string sourceSpec;                      // camera (/dev/videoN) or, for demos and tests, a recording
    std::vector<vision::ChallengePrompt> script; // the prompts (recordings need them at their times)
    vision::CameraOptions camera;
    std::string actor = "cli"; // who enrols, for the audit log
    // A recording (video file, image folder) instead of a camera: demonstrations and tests only. In
    // a shop a stranger's video could be enrolled as the clerk's face; without this a recording is
    // refused (InvalidArgument) after the session and nothing is stored.
    bool allowRecording = false;
};

struct StaffFaceEnrolment {
    vision::LivenessRun run;
    bool stored = false;
    int framesEmbedded = 0;
    std::optional<std::int64_t> sameFaceAs; // refused: this other account's face
};

// Errors: the models, the source, the store. A failed session or a face already on file for another
// account is not an error: stored stays false and the run or sameFaceAs says why.
[[nodiscard]] Result<StaffFaceEnrolment> enrolStaffFace(StoreSession &session, const ModelCatalog &catalog,
                                                        const StaffFaceEnrolmentRequest &request);

} // namespace simkyc::app

// The notice of the separate consent to the face check (PIPL art. 29-31; docs/privacy.md "Consent and
// the non-face alternative"): what is captured, why, where it goes, how long it is kept, and the
// alternative without face data. The text is versioned: a recorded consent names the version shown,
// and any change of meaning must bump kConsentNoticeVersion.
// Thread-safety: reentrant (the translation is the application's).
#pragma once

#include "store/record_id.h"

#include <QString>
#include <QVariantList>

namespace simkyc::app {

inline constexpr const char *kConsentNoticeVersion = "face_check_notice_v2";

// What the customer chose on the consent screen.
enum class ConsentDecision {
    None,        // not asked yet (or the registration ended)
    FaceCheck,   // "face_check": agreed to the face check
    ManualCheck, // "manual_check": refused it; the manager checks the ID in person, no face data
};

// "", "face_check", "manual_check" (stable: to be stored with the registration).
[[nodiscard]] QString consentDecisionName(ConsentDecision decision);

// The decision as the later steps store it with the registration.
struct ConsentRecord {
    ConsentDecision decision = ConsentDecision::None;
    store::Clock::time_point at{}; // when the customer chose
    QString noticeVersion;         // kConsentNoticeVersion shown
    QString language;              // the language the notice was shown in ("en", "zh_CN", ...)
};

// The notice as a list of {"key", "heading", "body"} maps, translated; keys: what, why, where,
// how_long, alternative.
[[nodiscard]] QVariantList consentNotice();

} // namespace simkyc::app

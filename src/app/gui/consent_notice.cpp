#include "app/gui/consent_notice.h"

#include <QCoreApplication>
#include <QVariantMap>

namespace simkyc::app {

QString consentDecisionName(ConsentDecision decision)
{
    switch (decision) {
    case ConsentDecision::None: return {};
    case ConsentDecision::FaceCheck: return QStringLiteral("face_check");
    case ConsentDecision::ManualCheck: return QStringLiteral("manual_check");
    }
    return {};
}

QVariantList consentNotice()
{
    const auto item = [](const char *key, const QString &heading, const QString &body) {
        return QVariantMap{{"key", QString::fromLatin1(key)}, {"heading", heading}, {"body", body}};
    };
    // The facts: docs/privacy.md ("Face data (only with consent)"). Change kConsentNoticeVersion with them.
    return {
        item("what", QCoreApplication::translate("ConsentNotice", "What is captured"),
             QCoreApplication::translate("ConsentNotice",
                                         "A short video check of your face (you will be asked to blink and to turn "
                                         "your head) and photos of your face taken from it, compared with the photo "
                                         "on your ID card.")),
        item("why", QCoreApplication::translate("ConsentNotice", "Why"),
             QCoreApplication::translate("ConsentNotice",
                                         "To confirm that the ID card is yours, as the real-name registration of SIM "
                                         "cards requires, and, at your carrier, to check that the same face has not "
                                         "registered SIM cards under other people's ID cards. It is used for nothing "
                                         "else.")),
        item("where", QCoreApplication::translate("ConsentNotice", "Where it goes"),
             QCoreApplication::translate("ConsentNotice",
                                         "The photos and face measurements are sealed (encrypted) for your mobile "
                                         "carrier, who checks the registration. This shop keeps no key that opens "
                                         "them.")),
        item("how_long", QCoreApplication::translate("ConsentNotice", "How long"),
             QCoreApplication::translate("ConsentNotice",
                                         "This kiosk keeps a small picture of your face, for the manager to review "
                                         "a doubtful result, and the sealed copy until the end of the next day and "
                                         "until the carrier has confirmed receiving it; then both are deleted. The "
                                         "video itself is never stored. Your carrier keeps the face measurements "
                                         "while the number is active, for the check against other ID cards.")),
        item("alternative", QCoreApplication::translate("ConsentNotice", "If you prefer not to"),
             QCoreApplication::translate("ConsentNotice",
                                         "You may refuse. The manager then checks your ID card in person instead, "
                                         "and no photo or video of your face is taken. The registration is otherwise "
                                         "the same.")),
    };
}

} // namespace simkyc::app

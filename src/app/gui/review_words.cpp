#include "app/gui/review_words.h"

#include <QCoreApplication>

namespace simkyc::app {

QString reviewDecisionWords(core::ReviewDecision decision)
{
    switch (decision) {
    case core::ReviewDecision::Approved: return QCoreApplication::translate("Review", "Approved");
    case core::ReviewDecision::Flagged: return QCoreApplication::translate("Review", "Flagged");
    case core::ReviewDecision::ManualApproved:
        return QCoreApplication::translate("Review", "Identity confirmed by the manager");
    case core::ReviewDecision::ManualRejected: return QCoreApplication::translate("Review", "Identity not confirmed");
    case core::ReviewDecision::Cancelled: return QCoreApplication::translate("Review", "Number cancelled");
    }
    return {};
}

QString reviewReasonWords(const QString &reason)
{
    static const std::pair<const char *, const char *> kWords[] = {
        {"checked", QT_TRANSLATE_NOOP("Review", "checked, nothing wrong")},
        {"photo_mismatch", QT_TRANSLATE_NOOP("Review", "the live face and the ID photo do not look alike")},
        {"document_suspect", QT_TRANSLATE_NOOP("Review", "the document looks forged or altered")},
        {"data_entry_error", QT_TRANSLATE_NOOP("Review", "the typed data does not match the document")},
        {"customer_behaviour", QT_TRANSLATE_NOOP("Review", "the customer's behaviour needs a second look")},
        {"other", QT_TRANSLATE_NOOP("Review", "other (see the shop's log book)")},
        {"documents_checked_in_person", QT_TRANSLATE_NOOP("Review", "ID card checked in person")},
        {"second_document_checked", QT_TRANSLATE_NOOP("Review", "a second photo ID checked in person")},
        {"identity_not_confirmed", QT_TRANSLATE_NOOP("Review", "the person could not be matched to the ID card")},
        {"customer_left", QT_TRANSLATE_NOOP("Review", "the customer left before the check")},
        {"customer_request", QT_TRANSLATE_NOOP("Review", "the customer gave the number up")},
        {"lost_or_stolen", QT_TRANSLATE_NOOP("Review", "the SIM was lost or stolen")},
        {"fraud_suspected", QT_TRANSLATE_NOOP("Review", "the number was cut off for suspected fraud")},
    };
    for (const auto &[code, words] : kWords) {
        if (reason == QLatin1String(code))
            return QCoreApplication::translate("Review", words);
    }
    return reason;
}

QString reviewWords(core::ReviewDecision decision, const QString &reason)
{
    return QCoreApplication::translate("Review", "%1: %2")
        .arg(reviewDecisionWords(decision), reviewReasonWords(reason));
}

} // namespace simkyc::app

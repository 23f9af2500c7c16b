// RecordDetailModel: one registration opened by the store manager from the day view: its metadata,
// the customer's data in full, the review picture (the ID portrait's face beside the live face) and
// the reviews, with the decisions the record accepts (core/review.h) and decide() to record one.
// Guarantees: opening reads the customer data (audited customer.read, reason "record_detail") and the
// picture (audited biometrics.read, same reason) through the store, once per open; decide() goes
// through store::ReviewRepository (manager only, fitting decision and reason, audited, all or nothing)
// and reloads the record without a second audited read. clear() drops every clear value.
// Thread-safety: GUI thread only (the session's thread). Depends on Qt Core only.
#pragma once

#include "app/gui/code_words.h"
#include "app/store_session.h"
#include "store/record_id.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace simkyc::app {

class RecordDetailModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString recordId READ recordId NOTIFY changed)
    Q_PROPERTY(QString when READ when NOTIFY changed) // local "yyyy-MM-dd HH:mm:ss"
    Q_PROPERTY(QString clerk READ clerk NOTIFY changed)
    Q_PROPERTY(QString outcome READ outcome NOTIFY changed) // outcome code, or the status while undecided
    Q_PROPERTY(QString reasons READ reasons NOTIFY changed) // in words
    Q_PROPERTY(QString distance READ distance NOTIFY changed)
    Q_PROPERTY(QString liveness READ liveness NOTIFY changed)
    Q_PROPERTY(QString syncState READ syncState NOTIFY changed)
    Q_PROPERTY(QString syncWords READ syncWords NOTIFY changed) // the upload state in words
    Q_PROPERTY(QString outcomeWords READ outcomeWords NOTIFY changed)
    Q_PROPERTY(QString livenessWords READ livenessWords NOTIFY changed)
    Q_PROPERTY(int faceChecks READ faceChecks NOTIFY changed)
    Q_PROPERTY(QStringList customer READ customer NOTIFY changed)   // "Name: ...", "ID number: ...", ...
    Q_PROPERTY(int pictureSerial READ pictureSerial NOTIFY changed) // changes with the picture
    Q_PROPERTY(bool hasPicture READ hasPicture NOTIFY changed)
    Q_PROPERTY(QString pictureNote READ pictureNote NOTIFY changed) // why there is none
    Q_PROPERTY(QStringList reviews READ reviews NOTIFY changed)     // oldest first, in words
    // [{decision: "approved", label: "Approve", reasons: [{code, words}, ...]}, ...]
    Q_PROPERTY(QVariantList decisions READ decisions NOTIFY changed)
    Q_PROPERTY(bool needsDecision READ needsDecision NOTIFY changed) // handed to the manager, undecided
    // Why a decision is not offered ("" when every decision fits): the manager registered this customer.
    Q_PROPERTY(QString decisionNote READ decisionNote NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)

public:
    using ReasonWords = std::function<QString(const QString &code)>;
    RecordDetailModel(StoreSession *session, ReasonWords reasonWords, QObject *parent = nullptr);
    void setSession(StoreSession *session) { m_session = session; }

    // Opens the record as manager `managerId`; false with error() set when it cannot be read.
    bool open(const QString &recordId, std::int64_t managerId, store::Clock::time_point now = store::Clock::now());
    // Records the manager's decision ("approved", "flagged", "manual_approved", "manual_rejected") with
    // a reason code from its list; false with error() in words otherwise.
    Q_INVOKABLE bool decide(const QString &decision, const QString &reason);
    void clear();

    [[nodiscard]] QString recordId() const { return m_recordId; }
    [[nodiscard]] QString when() const { return m_when; }
    [[nodiscard]] QString clerk() const { return m_clerk; }
    [[nodiscard]] QString outcome() const { return m_outcome; }
    [[nodiscard]] QString reasons() const { return m_reasons; }
    [[nodiscard]] QString distance() const { return m_distance; }
    [[nodiscard]] QString liveness() const { return m_liveness; }
    [[nodiscard]] QString syncState() const { return m_syncState; }
    [[nodiscard]] QString syncWords() const { return codeWords(m_reasonWords, QStringLiteral("sync."), m_syncState); }
    [[nodiscard]] QString outcomeWords() const
    {
        return codeWords(m_reasonWords, QStringLiteral("outcome."), m_outcome);
    }
    [[nodiscard]] QString livenessWords() const
    {
        return codeWords(m_reasonWords, QStringLiteral("liveness."), m_liveness);
    }
    [[nodiscard]] int faceChecks() const { return m_faceChecks; }
    [[nodiscard]] QStringList customer() const { return m_customer; }
    [[nodiscard]] int pictureSerial() const { return m_pictureSerial; }
    [[nodiscard]] bool hasPicture() const { return !m_picture.isEmpty(); }
    // The picture's JPEG bytes (memory only; the image provider shows them).
    [[nodiscard]] const QByteArray &pictureJpeg() const { return m_picture; }
    [[nodiscard]] QString pictureNote() const { return m_pictureNote; }
    [[nodiscard]] QStringList reviews() const { return m_reviews; }
    [[nodiscard]] QVariantList decisions() const { return m_decisions; }
    [[nodiscard]] bool needsDecision() const { return m_needsDecision; }
    [[nodiscard]] QString decisionNote() const { return m_decisionNote; }
    [[nodiscard]] QString error() const { return m_error; }

signals:
    void changed();
    // A decision was recorded (the day view reloads).
    void decided();

private:
    // The metadata, reviews and decisions (no audited read); false with m_error set.
    bool loadMetadata();

    StoreSession *m_session;
    ReasonWords m_reasonWords;
    std::int64_t m_managerId = 0;
    QString m_recordId;
    QString m_when;
    QString m_clerk;
    QString m_outcome;
    QString m_reasons;
    QString m_distance;
    QString m_liveness;
    QString m_syncState;
    int m_faceChecks = 0;
    QStringList m_customer;
    QByteArray m_picture;
    int m_pictureSerial = 0;
    QString m_pictureNote;
    QStringList m_reviews;
    QString m_decisionNote;
    QVariantList m_decisions;
    bool m_needsDecision = false;
    QString m_error;
};

} // namespace simkyc::app

#include "sync/carrier_findings.h"

#include "protocol/finding.h"
#include "protocol/protocol.h"
#include "store/carrier_finding_repository.h"

#include <QJsonArray>

namespace simkyc::sync {

Result<FindingsReport> recordFindings(store::Database &db, const crypto::Ed25519PublicKey &receiptKey,
                                      const QByteArray &body)
{
    auto json = protocol::parseObject(body);
    if (!json)
        return json.error();
    const QJsonValue list = json->value(QStringLiteral("findings"));
    if (!list.isArray())
        return Error{ErrorCode::InvalidFormat, "the findings answer has no 'findings' list"};
    FindingsReport report;
    store::CarrierFindingRepository findings(db);
    for (const QJsonValue &item : list.toArray()) {
        auto finding = item.isObject() ? protocol::findingFromJson(item.toObject())
                                       : Result<protocol::Finding>(Error{ErrorCode::InvalidFormat, "not an object"});
        if (!finding || !protocol::verifyFinding(*finding, receiptKey)) {
            ++report.rejected;
            continue;
        }
        auto recorded = findings.record(finding->recordId, finding->kind, finding->foundAt,
                                        protocol::compact(item.toObject()).toStdString());
        if (!recorded && recorded.error().code == ErrorCode::NotFound) {
            ++report.unknown;
            continue;
        }
        if (!recorded)
            return recorded.error();
        ++(*recorded ? report.recorded : report.known);
    }
    return report;
}

} // namespace simkyc::sync

// `simkyc-upstream face-search` (the back-office 1:N run, src/upstream/face_search.h; needs the
// carrier key, audited per record) and `face-matches` (its findings: record ids and distances, no
// key, nothing decrypted).
#include "upstream/cli.h"
#include "upstream/face_repository.h"
#include "upstream/face_search.h"

#include <QJsonArray>
#include <QSysInfo>

#include <charconv>
#include <iostream>

namespace simkyc::upstream {
namespace {

QJsonArray findingsJson(const std::vector<DuplicateFaceRow> &rows)
{
    QJsonArray out;
    for (const DuplicateFaceRow &r : rows)
        out.append(QJsonObject{{"record_id", QString::fromStdString(r.recordId)},
                               {"other_record_id", QString::fromStdString(r.otherRecordId)},
                               {"distance", std::round(r.distance * 1e4) / 1e4},
                               {"found_at", QString::fromStdString(r.foundAt)}});
    return out;
}

void printFindings(const std::vector<DuplicateFaceRow> &rows)
{
    for (const DuplicateFaceRow &r : rows)
        std::cout << "  " << r.recordId << " has the face of " << r.otherRecordId << " (distance " << r.distance
                  << ", found " << r.foundAt << ")\n";
}

} // namespace

int runFaceSearch(const Args &args)
{
    const auto keyFile = args.value("carrier-key");
    if (!args.positional.empty() || !keyFile)
        return fail(args, Error{ErrorCode::InvalidArgument, "face-search --db DB --carrier-key FILE [--threshold D]"},
                    kExitUsage);
    FaceSearchOptions options;
    if (const auto t = args.value("threshold")) {
        auto value = rateValue(args, "threshold");
        if (!value || *value <= 0.0 || *value > 1.0)
            return fail(args, Error{ErrorCode::InvalidArgument, "--threshold is a distance in (0, 1]"}, kExitUsage);
        options.threshold = static_cast<float>(*value);
    }
    auto key = readCarrierKey(*keyFile);
    if (!key)
        return fail(args, key.error());
    auto db = openDatabase(args);
    if (!db)
        return fail(args, db.error());
    options.operatorName = operatorName();
    options.host = QSysInfo::machineHostName().toStdString();
    auto report = upstream::runFaceSearch(**db, *key, options);
    if (!report)
        return fail(args, report.error());
    if (args.flag("json")) {
        printJson(QJsonObject{{"searched", static_cast<qint64>(report->searched)},
                              {"without_face", static_cast<qint64>(report->withoutFace)},
                              {"unreadable", static_cast<qint64>(report->unreadable)},
                              {"purged", static_cast<qint64>(report->purged)},
                              {"gallery", static_cast<qint64>(report->gallery)},
                              {"index", report->approximate ? "hnsw" : "exact"},
                              {"threshold", static_cast<double>(options.threshold)},
                              {"found", findingsJson(report->found)}});
    } else {
        std::cout << report->searched << " searched (" << report->withoutFace << " without a face, "
                  << report->unreadable << " unreadable), " << report->purged << " faces deleted, " << report->gallery
                  << " in the index (" << (report->approximate ? "HNSW" : "exact") << "), " << report->found.size()
                  << " found\n";
        printFindings(report->found);
    }
    if (report->unreadable > 0) {
        std::cerr << "simkyc-upstream: " << report->unreadable
                  << " records' biometrics do not open under this carrier key: not searched (another key?)\n";
        return kExitFailure;
    }
    return kExitOk;
}

int runFaceMatches(const Args &args)
{
    auto limit = intValue(args, "limit", 100, 1, 1000000);
    if (!limit)
        return fail(args, limit.error(), kExitUsage);
    auto db = openDatabase(args);
    if (!db)
        return fail(args, db.error());
    FaceRepository faces(**db);
    auto rows = faces.duplicates(static_cast<int>(*limit), args.value("record"));
    auto counts = rows ? faces.counts() : Result<std::pair<std::int64_t, std::int64_t>>(rows.error());
    if (!counts)
        return fail(args, counts.error());
    if (args.flag("json")) {
        printJson(QJsonObject{{"searched", static_cast<qint64>(counts->first)},
                              {"faces", static_cast<qint64>(counts->second)},
                              {"matches", findingsJson(*rows)}});
    } else {
        std::cout << counts->first << " records searched, " << counts->second << " faces kept, " << rows->size()
                  << " matches listed\n";
        printFindings(*rows);
    }
    return kExitOk;
}

} // namespace simkyc::upstream

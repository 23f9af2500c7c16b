// simkyc-cli idcard: the portrait of an ID document (scan, chip JPEG, photo or camera frame of a card).
#include "app/cli/command_list.h"
#include "vision/face_detector.h"
#include "vision/id_card.h"
#include "vision/image.h"

#include <QJsonArray>
#include <QSaveFile>

#include <cmath>

namespace simkyc::app::cli {
namespace {

QString codeOf(const Error &e)
{
    return QString::fromStdString(std::string(errorCodeName(e.code)));
}

// The card the portrait was cut from, or (for a portrait found directly) a card found in the image.
QJsonObject cardJson(const vision::Image &image, const vision::IdPortrait &portrait)
{
    Result<vision::CardDetection> card = portrait.card;
    if (!portrait.fromCard)
        card = vision::findIdCard(image);
    if (!card.ok())
        return QJsonObject{{"found", false}};
    QJsonArray corners;
    for (const auto &p : card->corners)
        corners.append(QJsonArray{std::round(p.x * 10.0) / 10.0, std::round(p.y * 10.0) / 10.0});
    return QJsonObject{{"found", true}, {"corners", corners}, {"aspect", vision::cardAspectName(card->aspect)}};
}

QJsonObject portraitJson(const vision::IdPortrait &portrait)
{
    const auto &b = portrait.face;
    return QJsonObject{{"box", QJsonArray{b.x, b.y, b.width, b.height}},
                       {"coordinates", portrait.fromCard ? "card" : "image"}, // the box is on the rectified card
                       {"method", QString::fromStdString(portrait.method)},
                       {"width", portrait.portrait.width()},
                       {"height", portrait.portrait.height()}};
}

Result<bool> writeJpeg(const vision::Image &image, const QString &path)
{
    auto jpeg = vision::encodeJpeg(image, 95);
    if (!jpeg.ok())
        return jpeg.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::IoError,
                     "cannot write " + path.toStdString() + ": " + file.errorString().toStdString()};
    const auto size = static_cast<qint64>(jpeg->size());
    if (file.write(reinterpret_cast<const char *>(jpeg->data()), size) != size || !file.commit())
        return Error{ErrorCode::IoError,
                     "cannot write " + path.toStdString() + ": " + file.errorString().toStdString()};
    return true;
}

int reportError(const CommonOptions &options, const QString &file, const Error &error)
{
    const QString message = QString::fromStdString(error.message);
    if (options.json)
        printJson(QJsonObject{{"file", file}, {"error", codeOf(error)}, {"message", message}});
    const QByteArray bytes = ("simkyc-cli: " + file + ": " + codeOf(error) + ": " + message + "\n").toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    return kExitError;
}

int runIdcard(const QCommandLineParser &parser, const CommonOptions &options)
{
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return fail(options, "invalid_argument", "give exactly one IMAGE");
    const QString &file = files.front();
    auto image = vision::loadImage(file.toStdString());
    if (!image.ok())
        return reportError(options, file, image.error());
    vision::FaceDetector detector;
    auto portrait = vision::idPortraitFromImage(*image, detector);
    if (!portrait.ok())
        return reportError(options, file, portrait.error());
    if (parser.isSet("out")) {
        auto written = writeJpeg(portrait->portrait, parser.value("out"));
        if (!written.ok())
            return reportError(options, file, written.error());
    }
    if (options.json) {
        printJson(
            QJsonObject{{"file", file}, {"card", cardJson(*image, *portrait)}, {"portrait", portraitJson(*portrait)}});
    } else {
        const auto &b = portrait->face;
        QString where = QStringLiteral("the image");
        if (portrait->fromCard)
            where = QStringLiteral("the rectified %1 card").arg(vision::cardAspectName(portrait->card.aspect));
        printText(QStringLiteral("%1: face at %2,%3 %4x%5 on %6, portrait %7x%8\n")
                      .arg(file)
                      .arg(b.x)
                      .arg(b.y)
                      .arg(b.width)
                      .arg(b.height)
                      .arg(where)
                      .arg(portrait->portrait.width())
                      .arg(portrait->portrait.height()));
    }
    return kExitOk;
}

} // namespace

Command idcardCommand()
{
    Command c;
    c.name = "idcard";
    c.summary = "Find the portrait on an ID document or a camera frame of a card: exit 0 found, 2 error.";
    c.declare = [](QCommandLineParser &p) {
        p.addOption({"out", "Write the portrait crop (102:126) as JPEG to FILE.", "FILE"});
        p.addPositionalArgument("IMAGE", "Scan, chip-reader JPEG / JPEG 2000, photo or camera frame of the card.",
                                "IMAGE");
    };
    c.run = runIdcard;
    return c;
}

} // namespace simkyc::app::cli

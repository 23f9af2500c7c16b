#include "app/qt_logging.h"

#include "core/log.h"

#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QString>

namespace simkyc::app {
namespace {

QLoggingCategory &categoryFor(std::string_view name)
{
    static QMutex mutex;
    static QHash<QByteArray, QLoggingCategory *> categories; // never freed: categories live as long as the process
    const QByteArray key(name.data(), static_cast<qsizetype>(name.size()));
    QMutexLocker lock(&mutex);
    auto it = categories.find(key);
    if (it == categories.end()) {
        // QLoggingCategory keeps the pointer to its name: keep the bytes alive with it.
        auto *stored = new QByteArray(key);
        it = categories.insert(key, new QLoggingCategory(stored->constData()));
    }
    return **it;
}

void qtSink(log::Level level, std::string_view category, std::string_view message)
{
    QLoggingCategory &cat = categoryFor(category);
    const QString text = QString::fromUtf8(message.data(), static_cast<qsizetype>(message.size()));
    switch (level) {
    case log::Level::Debug: qCDebug(cat).noquote() << text; break;
    case log::Level::Info: qCInfo(cat).noquote() << text; break;
    case log::Level::Warning: qCWarning(cat).noquote() << text; break;
    case log::Level::Critical: qCCritical(cat).noquote() << text; break;
    }
}

} // namespace

void installQtLogSink()
{
    log::setSink(&qtSink);
}

} // namespace simkyc::app

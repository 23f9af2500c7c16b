#include "app/gui/translations.h"

#include "app/gui/gui_log.h"

#include <QCoreApplication>
#include <QDir>

namespace simkyc::app {

QStringList kioskTranslations()
{
    QStringList languages;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("simkyc_*.qm")});
    for (const QString &file : files)
        languages << file.mid(7, file.size() - 7 - 3); // simkyc_<lang>.qm
    return languages;
}

std::unique_ptr<QTranslator> installKioskTranslation(const QString &language)
{
    if (language.isEmpty() || language.startsWith(QLatin1String("en")))
        return nullptr;
    const QStringList available = kioskTranslations();
    QString chosen;
    for (const QString &candidate : available)
        if (candidate == language || candidate.section(u'_', 0, 0) == language.section(u'_', 0, 0))
            chosen = candidate == language || chosen.isEmpty() ? candidate : chosen;
    if (chosen.isEmpty()) {
        qCInfo(lcGui).noquote() << "no translation for" << language << "- English; available:" << available.join(u' ');
        return nullptr;
    }
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QStringLiteral(":/i18n/simkyc_%1.qm").arg(chosen)) ||
        !QCoreApplication::installTranslator(translator.get())) {
        qCWarning(lcGui).noquote() << "the translation" << chosen << "did not load";
        return nullptr;
    }
    qCInfo(lcGui).noquote() << "language" << chosen;
    return translator;
}

} // namespace simkyc::app

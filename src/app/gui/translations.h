// The kiosk's translations (zh_CN, de), compiled into the resource :/i18n/simkyc_<lang>.qm.
// Guarantees: "en", "" and languages without a translation leave the source strings (English) and
// return nullptr; a returned translator is installed in the application until it is destroyed.
// Thread-safety: GUI thread only.
#pragma once

#include <QString>
#include <QStringList>
#include <QTranslator>

#include <memory>

namespace simkyc::app {

// The languages with a compiled-in translation, besides English.
[[nodiscard]] QStringList kioskTranslations();

// Installs the translation for language ("zh_CN", "de"; also "zh" or "de_DE" by their prefix).
[[nodiscard]] std::unique_ptr<QTranslator> installKioskTranslation(const QString &language);

} // namespace simkyc::app

// SPDX-License-Identifier: MIT
#include "desktop/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcTranslations, "dayboard.desktop.translations")

namespace {
const QString embeddedDir = QStringLiteral(":/i18n");
const QString prefix = QStringLiteral("dayboard_");
const QString english = QStringLiteral("en");

/// The file-name suffixes to try for a language tag: "de_AT" then "de".
QStringList candidates(const QLocale &locale)
{
    QStringList names { locale.name() };
    const QString language = QLocale::languageToCode(locale.language());
    if (!names.contains(language))
        names << language;
    return names;
}
} // namespace

QString Translations::install(QCoreApplication *app, const QStringList &uiLanguages)
{
    for (const QString &tag : uiLanguages) {
        const QLocale locale(tag);
        if (locale.language() == QLocale::English)
            break;
        for (const QString &name : candidates(locale)) {
            if (installOwn(app, name)) {
                installQt(app, name);
                qCInfo(lcTranslations) << "user interface in" << name;
                return name;
            }
        }
    }
    // English, the source language: only the plural forms ("%n todo(s)" -> "1 todo").
    installOwn(app, english);
    return english;
}

bool Translations::installOwn(QCoreApplication *app, const QString &name)
{
    auto *translator = new QTranslator(app);
    if (!translator->load(prefix + name, embeddedDir)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

void Translations::installQt(QCoreApplication *app, const QString &name)
{
    auto *translator = new QTranslator(app);
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (translator->load(QStringLiteral("qt_") + name, qtDir)) {
        QCoreApplication::installTranslator(translator);
        return;
    }
    qCInfo(lcTranslations) << "no Qt translation for" << name << "in" << qtDir;
    delete translator;
}

QStringList Translations::available()
{
    QStringList languages;
    const QStringList files = QDir(embeddedDir).entryList({ prefix + QStringLiteral("*.qm") }, QDir::Files);
    for (const QString &file : files) {
        const QString language = file.mid(prefix.size()).chopped(3);
        if (language != english) // plural forms only
            languages << language;
    }
    return languages;
}

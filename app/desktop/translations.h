// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

/**
 * @brief Installs the user-interface translation for the user's languages.
 *
 * Dayboard's own translations are embedded (resources/translations/dayboard_<lang>.ts,
 * compiled to :/i18n/dayboard_<lang>.qm); Qt's own (the standard dialogs' and buttons' texts)
 * come from Qt's translations folder when the system has them (Debian: qt6-translations-l10n).
 * The languages are QLocale::system().uiLanguages(): on Linux the LANGUAGE list
 * (e.g. `LANGUAGE=de`), else LC_ALL, LC_MESSAGES or LANG. The first of them that has a
 * Dayboard translation wins, unless an English one comes first. English, the source language,
 * still gets its plural forms ("%n todo(s)" -> "1 todo", "2 todos"). Call it before the QML
 * engine loads.
 */
class Translations
{
public:
    /** The language installed: "de", or "en" when the UI stays in English. */
    static QString install(QCoreApplication *app,
                           const QStringList &uiLanguages = QLocale::system().uiLanguages());

    /** The languages Dayboard has a translation for, as their codes ("de"). */
    static QStringList available();

private:
    static bool installOwn(QCoreApplication *app, const QString &name);
    static void installQt(QCoreApplication *app, const QString &name);
};

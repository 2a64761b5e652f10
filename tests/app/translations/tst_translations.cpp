// SPDX-License-Identifier: MIT
// Translations::install: the embedded German translation is installed for a German UI language,
// Qt's own German texts with it; English (also when Dayboard lacks the language) gets its plural forms.
#include "desktop/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTest>
#include <QTranslator>

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    static QString menuFile() { return QCoreApplication::translate("AppMenuBar", "&File"); }
    static QString todos(int n)
    {
        return QCoreApplication::translate("ConnectionManager", "%n todo(s)", nullptr, n);
    }
    void removeAll()
    {
        const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>();
        for (QTranslator *translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

private slots:
    void cleanup() { removeAll(); }

    void germanIsEmbedded() { QVERIFY(Translations::available().contains(QStringLiteral("de"))); }

    void germanForGerman_data()
    {
        QTest::addColumn<QStringList>("languages");
        QTest::newRow("de-DE") << QStringList { QStringLiteral("de-DE"), QStringLiteral("de") };
        QTest::newRow("de-AT") << QStringList { QStringLiteral("de-AT") };
        QTest::newRow("LANGUAGE=de") << QStringList { QStringLiteral("de") };
        // The first language with a translation wins; French has none.
        QTest::newRow("fr then de") << QStringList { QStringLiteral("fr-FR"), QStringLiteral("de") };
    }
    void germanForGerman()
    {
        QFETCH(QStringList, languages);
        QCOMPARE(Translations::install(QCoreApplication::instance(), languages).left(2),
                 QStringLiteral("de"));
        QCOMPARE(menuFile(), QStringLiteral("&Datei"));
        QCOMPARE(todos(1), QStringLiteral("1 Aufgabe"));
        QCOMPARE(todos(3), QStringLiteral("3 Aufgaben"));
    }

    void qtOwnTextsInGerman()
    {
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        QVERIFY2(QFile::exists(qtDir + QStringLiteral("/qtbase_de.qm")),
                 "Qt's translations are missing (Debian: qt6-translations-l10n, tools/packages-run.txt)");
        Translations::install(QCoreApplication::instance(), { QStringLiteral("de") });
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    }

    void englishStaysEnglish_data()
    {
        QTest::addColumn<QStringList>("languages");
        QTest::newRow("en-US") << QStringList { QStringLiteral("en-US"), QStringLiteral("en") };
        QTest::newRow("C") << QStringList { QStringLiteral("C") };
        // English first, German second: English (the source language) wins.
        QTest::newRow("en then de") << QStringList { QStringLiteral("en-GB"), QStringLiteral("de") };
        QTest::newRow("none") << QStringList {};
        QTest::newRow("fr only") << QStringList { QStringLiteral("fr-FR") };
    }
    void englishStaysEnglish()
    {
        QFETCH(QStringList, languages);
        QCOMPARE(Translations::install(QCoreApplication::instance(), languages), QStringLiteral("en"));
        QCOMPARE(menuFile(), QStringLiteral("&File"));
        QCOMPARE(todos(1), QStringLiteral("1 todo"));
        QCOMPARE(todos(3), QStringLiteral("3 todos"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

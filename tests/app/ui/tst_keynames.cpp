// SPDX-License-Identifier: MIT
// KeyNames: the shortcuts of the menus and the F1 sheet in the user's language, through Qt's own
// translations (Debian's qt6-translations-l10n, a run dependency).
#include "ui/keynames.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestKeyNames : public QObject
{
    Q_OBJECT

private slots:
    void englishStaysPortable();
    void germanNamesTheModifiersAndKeys();
};

void TestKeyNames::englishStaysPortable()
{
    QCOMPARE(KeyNames::nativeText(u"Ctrl+Shift+Z"_s), u"Ctrl+Shift+Z"_s);
    QCOMPARE(KeyNames::nativeText(u"Ctrl+Shift+Z / Ctrl+Y"_s), u"Ctrl+Shift+Z / Ctrl+Y"_s);
    QCOMPARE(KeyNames::nativeText(u"Ctrl+↑ / Ctrl+↓"_s), u"Ctrl+↑ / Ctrl+↓"_s);
    QCOMPARE(KeyNames::nativeText(u"F1"_s), u"F1"_s);
}

void TestKeyNames::germanNamesTheModifiersAndKeys()
{
    QTranslator qt;
    QVERIFY2(qt.load(u"qt_de"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
             "Qt's German translation (qt6-translations-l10n) is missing");
    QCoreApplication::installTranslator(&qt);
    QCOMPARE(KeyNames::nativeText(u"Ctrl+Shift+Z"_s), u"Strg+Umschalt+Z"_s);
    QCOMPARE(KeyNames::nativeText(u"Ctrl+Shift+Z / Ctrl+Y"_s), u"Strg+Umschalt+Z / Strg+Y"_s);
    QCOMPARE(KeyNames::nativeText(u"Ctrl+↑ / Ctrl+↓"_s), u"Strg+↑ / Strg+↓"_s);
    QCOMPARE(KeyNames::nativeText(u"Delete"_s), u"Entf"_s);
    QCOMPARE(KeyNames::nativeText(u"Alt+Left"_s), u"Alt+Links"_s);
    QCOMPARE(KeyNames::nativeText(u"Ctrl+,"_s), u"Strg+,"_s);
    QCoreApplication::removeTranslator(&qt);
    QCOMPARE(KeyNames::nativeText(u"Ctrl+Shift+Z"_s), u"Ctrl+Shift+Z"_s);
}

QTEST_MAIN(TestKeyNames)
#include "tst_keynames.moc"

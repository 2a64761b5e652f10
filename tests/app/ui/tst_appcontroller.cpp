// SPDX-License-Identifier: MIT
// The App singleton's own logic: day names around an injected "today", theme override,
// settings that persist, the sync status text.
#include "ui/daymodel.h"
#include "uitestenv.h"

#include <QSignalSpy>
#include <QTest>

class TstAppController : public QObject
{
    Q_OBJECT

private slots:
    void dayTitlesFollowToday();
    void themeOverride();
    void showDonePersists();
    void connectionText();
    void offlineEditsWaitAndThenSync();
};

void TstAppController::dayTitlesFollowToday()
{
    UiTestEnv env;
    QVERIFY(env.start());
    AppController &app = *env.controller;
    QSignalSpy todayChanged(&app, &AppController::todayChanged);
    app.setToday(QDate(2030, 12, 31));
    QCOMPARE(todayChanged.count(), 1);
    QCOMPARE(app.today(), QStringLiteral("2030-12-31"));
    QCOMPARE(app.dayTitle(QStringLiteral("2030-12-31")), QStringLiteral("Today"));
    QCOMPARE(app.dayTitle(QStringLiteral("2031-01-01")), QStringLiteral("Tomorrow"));
    QCOMPARE(app.dayTitle(QStringLiteral("2030-12-30")), QStringLiteral("Yesterday"));
    QCOMPARE(app.addDays(QStringLiteral("2030-12-31"), 1), QStringLiteral("2031-01-01"));
    QCOMPARE(app.addDays(QStringLiteral("not a date"), 0), QStringLiteral("2030-12-31"));
    QVERIFY(app.longDate(QStringLiteral("2031-01-01")).contains(u"2031"));
    QVERIFY(!app.longDate(QStringLiteral("2030-12-30")).contains(u"2030"));
    // MonthGrid months count from 0.
    QCOMPARE(app.monthOf(QStringLiteral("2030-12-31")), 11);

    // Midnight: a new today is announced, and yesterday's "Today" becomes "Yesterday".
    app.setToday(QDate(2031, 1, 1));
    QCOMPARE(todayChanged.count(), 2);
    QCOMPARE(app.dayTitle(QStringLiteral("2030-12-31")), QStringLiteral("Yesterday"));
}

void TstAppController::themeOverride()
{
    UiTestEnv env;
    QVERIFY(env.start());
    AppController &app = *env.controller;
    QCOMPARE(app.themeOverride(), QStringLiteral("system"));
    QCOMPARE(app.darkTheme(), app.systemDark());
    QSignalSpy changed(&app, &AppController::themeChanged);
    app.setThemeOverride(QStringLiteral("dark"));
    QVERIFY(app.darkTheme());
    app.setThemeOverride(QStringLiteral("light"));
    QVERIFY(!app.darkTheme());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(env.settings->value(QStringLiteral("ui/theme")).toString(), QStringLiteral("light"));
}

void TstAppController::showDonePersists()
{
    UiTestEnv env;
    QVERIFY(env.start());
    QVERIFY(env.controller->showDone());
    env.controller->setShowDone(false);
    env.settings->sync();
    QSettings reread(env.settings->fileName(), QSettings::IniFormat);
    QCOMPARE(reread.value(QStringLiteral("ui/showDone")).toBool(), false);
}

void TstAppController::connectionText()
{
    UiTestEnv env;
    QVERIFY(env.start());
    QTRY_COMPARE_WITH_TIMEOUT(env.controller->connectionState(), QStringLiteral("connected"), 20000);
    QCOMPARE(env.controller->connectionText(), QStringLiteral("Connected"));
    QCOMPARE(env.controller->pendingCount(), 0);
}

void TstAppController::offlineEditsWaitAndThenSync()
{
    UiTestEnv env;
    QVERIFY(env.start());
    AppController &app = *env.controller;
    QTRY_COMPARE_WITH_TIMEOUT(app.connectionState(), QStringLiteral("connected"), 20000);

    // The server goes away: the app keeps working and says how many edits are waiting.
    env.connection->embeddedServer()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(app.connectionState() != u"connected", 20000);
    DayModel model;
    model.setBackend(env.cache.get(), env.session.get());
    model.setDate(QDate(2034, 2, 2));
    model.add(QStringLiteral("written offline"));
    QCOMPARE(model.rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(app.pendingCount(), 1, 20000);
    QVERIFY2(app.connectionText().endsWith(u" · 1 edit waiting"), qPrintable(app.connectionText()));

    // Back (Settings → built-in server): the edit is sent.
    QVERIFY(app.applyServerSettings(QStringLiteral("embedded"), QString(), QString()));
    QTRY_COMPARE_WITH_TIMEOUT(app.connectionState(), QStringLiteral("connected"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(app.pendingCount(), 0, 20000);
    QCOMPARE(app.connectionText(), QStringLiteral("Connected"));
}

QTEST_MAIN(TstAppController)
#include "tst_appcontroller.moc"

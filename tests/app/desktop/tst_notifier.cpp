// SPDX-License-Identifier: MIT
#include "desktop/notifier.h"
#include "environmentskip.h"
#include "notificationdaemon.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

/** Notifier against a real notification server (dunst on a private session bus). */
class TestNotifier : public QObject
{
    Q_OBJECT

private slots:
    void showsAndReportsActions();
};

void TestNotifier::showsAndReportsActions()
{
    if (const QString missing = NotificationDaemon::missingPrograms(); !missing.isEmpty())
        DAYBOARD_ENVIRONMENT_SKIP(u"not installed: "_s + missing);
    NotificationDaemon daemon;
    QVERIFY2(daemon.start(), qPrintable(daemon.errorString()));
    const QDBusConnection bus = QDBusConnection::connectToBus(daemon.busAddress(), u"tst-notifier"_s);
    QVERIFY(bus.isConnected());
    Notifier notifier(bus);
    QSignalSpy actions(&notifier, &Notifier::actionInvoked);
    QSignalSpy closed(&notifier, &Notifier::closed);

    std::optional<uint> id;
    notifier.show(u"Buy milk"_s, u"Reminder for 14:30"_s,
                  { u"done"_s, u"Done"_s, u"snooze"_s, u"Snooze 10 min"_s },
                  [&id](uint shown) { id = shown; });
    QTRY_VERIFY(id.has_value());
    QVERIFY(*id > 0);
    QCOMPARE(daemon.displayedCount(), 1);

    QVERIFY(daemon.invokeAction(u"snooze"_s));
    QTRY_COMPARE(actions.size(), 1);
    QCOMPARE(actions.at(0).at(0).toUInt(), *id);
    QCOMPARE(actions.at(0).at(1).toString(), u"snooze"_s);

    notifier.close(*id);
    QTRY_COMPARE(closed.size(), 1);
    QCOMPARE(closed.at(0).at(0).toUInt(), *id);
    const QJsonArray history = daemon.history();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0)[u"summary"_s].toString(), u"Buy milk"_s);
    QCOMPARE(history.at(0)[u"body"_s].toString(), u"Reminder for 14:30"_s);
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"

// SPDX-License-Identifier: MIT
#include "../sync/appserverfixture.h"
#include "desktop/notifier.h"
#include "desktop/reminderscheduler.h"
#include "environmentskip.h"
#include "notificationdaemon.h"
#include "sync/daycache.h"
#include "sync/hpkvclient.h"
#include "sync/monitorclient.h"
#include "sync/syncsession.h"
#include "sync/todocodec.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDate day(2026, 11, 22);
constexpr int timeout = 30000;

/** One app process: cache, sync session, its own bus connection, notifier and scheduler. */
struct App
{
    App(const QString &queueFile, const QString &busAddress, const QString &name)
        : session(&cache, queueFile)
        , notifier(QDBusConnection::connectToBus(busAddress, name))
        , scheduler(&session, &notifier)
    {
        session.client()->setBackoff(Backoff(10, 100));
        session.monitor()->setBackoff(Backoff(10, 100));
        scheduler.setClock([this] { return now; });
    }
    DayCache cache;
    SyncSession session;
    Notifier notifier;
    ReminderScheduler scheduler;
    QDateTime now;
};

} // namespace

/**
 * Reminders end to end: a real server, real sync sessions and a real notification server
 * (dunst on a private bus). The time of day is injected; nothing waits for the wall clock.
 */
class TestReminders : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void firesAtItsTimeAndDoneWorks();
    void lateReminderSaysSoAndSnoozeMovesIt();
    void firesOnceWithTwoProcesses();

private:
    std::unique_ptr<App> makeApp(const QString &name);
    void addTodo(App &app, const QString &id, const QString &text, const QString &remind);
    Todo serverTodo(const QString &id);

    std::unique_ptr<NotificationDaemon> m_daemon;
    std::unique_ptr<AppServerFixture> m_server;
    std::unique_ptr<HpkvClient> m_raw; ///< reads what the server holds
    QTemporaryDir m_dir;
    int m_apps = 0;
};

void TestReminders::init()
{
    if (const QString missing = NotificationDaemon::missingPrograms(); !missing.isEmpty())
        DAYBOARD_ENVIRONMENT_SKIP(u"not installed: "_s + missing);
    m_daemon = std::make_unique<NotificationDaemon>();
    QVERIFY2(m_daemon->start(), qPrintable(m_daemon->errorString()));
    m_server = std::make_unique<AppServerFixture>();
    QVERIFY(m_server->start());
    m_raw = std::make_unique<HpkvClient>();
    m_raw->setEndpoint(m_server->baseUrl(), AppServerFixture::apiKey);
    QTRY_VERIFY_WITH_TIMEOUT(m_raw->isConnected(), timeout);
}

void TestReminders::cleanup()
{
    m_raw.reset();
    m_server.reset();
    m_daemon.reset();
}

std::unique_ptr<App> TestReminders::makeApp(const QString &name)
{
    const QString queue = m_dir.filePath(u"queue-%1.json"_s.arg(++m_apps));
    auto app = std::make_unique<App>(queue, m_daemon->busAddress(), name + QString::number(m_apps));
    app->session.setEndpoint({ m_server->baseUrl(), AppServerFixture::apiKey });
    return app;
}

void TestReminders::addTodo(App &app, const QString &id, const QString &text, const QString &remind)
{
    Todo todo;
    todo.id = id;
    todo.text = text;
    todo.remind = remind;
    todo.created = 1700000000000;
    app.session.submit(TodoOperation::insert(day, todo));
    QTRY_VERIFY_WITH_TIMEOUT(app.session.pendingCount() == 0, timeout);
}

Todo TestReminders::serverTodo(const QString &id)
{
    std::optional<HpkvClient::Reply> reply;
    m_raw->get(DayCache::keyFor(day), [&reply](const HpkvClient::Reply &answer) { reply = answer; });
    if (!QTest::qWaitFor([&reply] { return reply.has_value(); }, timeout))
        return {};
    for (const Todo &todo : TodoCodec::parse(reply->value().value_or(QByteArray())).todos) {
        if (todo.id == id)
            return todo;
    }
    return {};
}

void TestReminders::firesAtItsTimeAndDoneWorks()
{
    auto app = makeApp(u"a"_s);
    QSignalSpy shown(&app->scheduler, &ReminderScheduler::shown);
    addTodo(*app, u"t1"_s, u"Call the dentist"_s, u"14:30"_s);

    app->now = QDateTime(day, QTime(14, 29, 30));
    app->scheduler.start();
    QTRY_VERIFY_WITH_TIMEOUT(app->cache.day(day).status == DayCache::Status::Ready, timeout);
    app->scheduler.check();
    QCOMPARE(app->scheduler.nextDue(), QDateTime(day, QTime(14, 30)));
    QCOMPARE(m_daemon->displayedCount(), 0);

    app->now = QDateTime(day, QTime(14, 30));
    app->scheduler.check();
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, timeout);
    QCOMPARE(m_daemon->displayedCount(), 1);
    QVERIFY(serverTodo(u"t1"_s).reminded > 0);

    QVERIFY(m_daemon->invokeAction(u"done"_s));
    QTRY_VERIFY_WITH_TIMEOUT(serverTodo(u"t1"_s).isDone(), timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_daemon->displayedCount(), 0, timeout);
    const QJsonArray history = m_daemon->history();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0)[u"summary"_s].toString(), u"Call the dentist"_s);
    QCOMPARE(history.at(0)[u"body"_s].toString(), u"Today at 14:30"_s);
}

void TestReminders::lateReminderSaysSoAndSnoozeMovesIt()
{
    auto app = makeApp(u"a"_s);
    QSignalSpy shown(&app->scheduler, &ReminderScheduler::shown);
    addTodo(*app, u"t1"_s, u"Water the plants"_s, u"14:30"_s);
    // Asleep from 14:00 to 15:05: the first check after waking finds it missed.
    app->now = QDateTime(day, QTime(15, 5, 20));
    app->scheduler.start();
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, timeout);

    QVERIFY(m_daemon->invokeAction(u"snooze"_s));
    QTRY_COMPARE_WITH_TIMEOUT(serverTodo(u"t1"_s).remind, u"15:16"_s, timeout);
    QCOMPARE(serverTodo(u"t1"_s).reminded, 0);
    QVERIFY(!serverTodo(u"t1"_s).isDone());
    const QJsonArray history = m_daemon->history();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0)[u"body"_s].toString(), u"(was due 14:30)"_s);

    // It comes back at the snoozed time, and only then.
    QTRY_COMPARE_WITH_TIMEOUT(app->cache.day(day).todos.value(0).remind, u"15:16"_s, timeout);
    app->now = QDateTime(day, QTime(15, 15, 59));
    app->scheduler.check();
    QCOMPARE(app->scheduler.nextDue(), QDateTime(day, QTime(15, 16)));
    app->now = QDateTime(day, QTime(15, 16));
    app->scheduler.check();
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, timeout);
}

void TestReminders::firesOnceWithTwoProcesses()
{
    auto first = makeApp(u"a"_s);
    auto second = makeApp(u"b"_s);
    addTodo(*first, u"t1"_s, u"Take the medicine"_s, u"08:00"_s);
    QList<App *> apps { first.get(), second.get() };
    QList<std::shared_ptr<QSignalSpy>> decided;
    for (App *app : apps) {
        decided << std::make_shared<QSignalSpy>(&app->scheduler, &ReminderScheduler::claimDecided);
        app->now = QDateTime(day, QTime(7, 59));
        app->scheduler.start();
    }
    for (App *app : apps)
        QTRY_VERIFY_WITH_TIMEOUT(!app->cache.day(day).todos.isEmpty(), timeout);
    // Both see it due at the same moment and claim it concurrently (no event loop in between).
    for (App *app : apps)
        app->now = QDateTime(day, QTime(8, 0));
    first->scheduler.check();
    second->scheduler.check();
    QTRY_VERIFY_WITH_TIMEOUT(decided[0]->size() == 1 && decided[1]->size() == 1, timeout);
    const int won = int(decided[0]->at(0).at(2).toBool()) + int(decided[1]->at(0).at(2).toBool());
    QCOMPARE(won, 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_daemon->displayedCount(), 1, timeout);
    // Later checks (the other process now has `reminded` in its cache) show nothing more.
    for (App *app : apps)
        QTRY_VERIFY_WITH_TIMEOUT(app->cache.day(day).todos.value(0).reminded > 0, timeout);
    first->scheduler.check();
    second->scheduler.check();
    QCOMPARE(m_daemon->displayedCount(), 1);
    m_daemon->closeAll();
    QCOMPARE(m_daemon->history().size(), 1);
}

QTEST_GUILESS_MAIN(TestReminders)
#include "tst_reminders.moc"

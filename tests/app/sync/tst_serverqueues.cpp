// SPDX-License-Identifier: MIT
// Each server has its own queue of unsent edits (docs/sync.md §5). Edits queued for server A while
// it is down are never sent to server B after a switch; they go to A when the app uses A again. The
// cache forgets A's values (and revisions) on the switch, so B's lower revisions are taken.
#include "appserverfixture.h"
#include "sync/daycache.h"
#include "sync/hpkvclient.h"
#include "sync/monitorclient.h"
#include "sync/syncsession.h"
#include "sync/todocodec.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDate day(2026, 12, 2);
constexpr int timeout = 30000;

TodoOperation insertOp(const QString &id)
{
    Todo todo;
    todo.id = id;
    todo.text = id;
    todo.created = 1700000000000;
    return TodoOperation::insert(day, todo, -1, {}, 1700000000000);
}

QStringList idsOf(const TodoList &list)
{
    QStringList ids;
    for (const Todo &todo : list)
        ids << todo.id;
    return ids;
}

/** The ids stored on `server` for the day. */
QStringList storedIds(const AppServerFixture &server)
{
    HpkvClient client;
    client.setEndpoint(server.baseUrl(), AppServerFixture::apiKey);
    if (!QTest::qWaitFor([&] { return client.isConnected(); }, timeout))
        return { u"(no connection)"_s };
    std::optional<HpkvClient::Reply> reply;
    client.get(DayCache::keyFor(day), [&](const HpkvClient::Reply &r) { reply = r; });
    if (!QTest::qWaitFor([&] { return reply.has_value(); }, timeout))
        return { u"(no reply)"_s };
    return idsOf(TodoCodec::parse(reply->value().value_or("[]")).todos);
}

} // namespace

class TestServerQueues : public QObject
{
    Q_OBJECT

private slots:
    void editsQueuedForOneServerNeverReachAnother();
};

void TestServerQueues::editsQueuedForOneServerNeverReachAnother()
{
    QTemporaryDir dir;
    AppServerFixture serverA(true, false);
    AppServerFixture serverB(true, true);
    QVERIFY(serverA.start() && serverB.start());
    const QString queueA = dir.filePath(u"queue-a.json"_s);
    const QString queueB = dir.filePath(u"queue-b.json"_s);

    DayCache cache;
    SyncSession session(&cache, queueA);
    session.client()->setBackoff(Backoff(10, 100));
    session.monitor()->setBackoff(Backoff(10, 100));
    cache.watch(day);
    session.setEndpoint({ serverA.baseUrl(), AppServerFixture::apiKey }, queueA);
    for (const QString &id : { u"a1"_s, u"a2"_s, u"a3"_s }) {
        session.submit(insertOp(id));
        QTRY_COMPARE_WITH_TIMEOUT(session.pendingCount(), 0, timeout); // one revision each
    }
    QVERIFY(cache.day(day).revision >= 3);

    // A goes away; an edit made now waits in A's queue.
    QVERIFY(serverA.stop());
    session.submit(insertOp(u"a_offline"_s));
    QTRY_VERIFY_WITH_TIMEOUT(session.isQueueSaved(), timeout);

    // B already holds the day, at a lower revision than the one cached from A.
    {
        DayCache otherCache;
        SyncSession other(&otherCache, dir.filePath(u"other.json"_s));
        other.setEndpoint({ serverB.baseUrl(), AppServerFixture::apiKey });
        other.submit(insertOp(u"b1"_s));
        QTRY_COMPARE_WITH_TIMEOUT(other.pendingCount(), 0, timeout);
    }

    session.setEndpoint({ serverB.baseUrl(), AppServerFixture::apiKey }, queueB);
    QCOMPARE(session.queueFile(), queueB);
    QCOMPARE(session.pendingCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(idsOf(cache.day(day).todos), QStringList { u"b1"_s }, timeout);
    session.submit(insertOp(u"b2"_s));
    QTRY_COMPARE_WITH_TIMEOUT(session.pendingCount(), 0, timeout);
    QCOMPARE(storedIds(serverB), (QStringList { u"b1"_s, u"b2"_s }));
    {
        QFile file(queueA); // A's edit is still on disk, in A's file
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("a_offline"));
    }

    // Back on A: its queued edit goes there, and nothing of B's does.
    QVERIFY(serverA.start(serverA.port()));
    session.setEndpoint({ serverA.baseUrl(), AppServerFixture::apiKey }, queueA);
    QCOMPARE(session.pendingCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(session.pendingCount(), 0, timeout);
    const QStringList expectedA { u"a1"_s, u"a2"_s, u"a3"_s, u"a_offline"_s };
    QCOMPARE(storedIds(serverA), expectedA);
    QTRY_COMPARE_WITH_TIMEOUT(idsOf(cache.day(day).todos), expectedA, timeout);
    QCOMPARE(storedIds(serverB), (QStringList { u"b1"_s, u"b2"_s }));
}

QTEST_GUILESS_MAIN(TestServerQueues)
#include "tst_serverqueues.moc"

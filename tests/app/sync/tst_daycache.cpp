// SPDX-License-Identifier: MIT
#include "sync/daycache.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QDate day(2026, 11, 22);
const QByteArray one = R"([{"id":"a","text":"one","priority":"low","status":"not set","created":1}])";
const QByteArray two = R"([{"id":"b","text":"two","priority":"low","status":"not set","created":2}])";
} // namespace

class TestDayCache : public QObject
{
    Q_OBJECT

private slots:
    void keys();
    void unknownDay();
    void olderRevisionIsDropped();
    void withoutRevisionsLastWins();
    void deleteIsEmptyDay();
    void invalidValueIsAnError();
    void overlayAppliesOnTop();
    void watchIsRefCounted();
    void loadingKeepsShownContent();
};

void TestDayCache::keys()
{
    QCOMPARE(DayCache::keyFor(day), QByteArray("todos-20261122"));
    QCOMPARE(DayCache::dateForKey("todos-20261122"), std::optional<QDate>(day));
    QCOMPARE(DayCache::dateForKey("todos-20261322"), std::nullopt);
    QCOMPARE(DayCache::dateForKey("todos-2026112"), std::nullopt);
    QCOMPARE(DayCache::dateForKey("todos-2026112x"), std::nullopt);
    QCOMPARE(DayCache::dateForKey("other-20261122"), std::nullopt);
}

void TestDayCache::unknownDay()
{
    DayCache cache;
    QCOMPARE(cache.day(day).status, DayCache::Status::Unknown);
    QVERIFY(cache.day(day).todos.isEmpty());
}

void TestDayCache::olderRevisionIsDropped()
{
    DayCache cache;
    QSignalSpy changed(&cache, &DayCache::dayChanged);
    QVERIFY(cache.setServerValue(day, one, 5));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cache.day(day).revision, 5);
    QCOMPARE(cache.day(day).todos.first().id, u"a"_s);

    QVERIFY(!cache.setServerValue(day, two, 4));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cache.day(day).todos.first().id, u"a"_s);
    QCOMPARE(cache.day(day).revision, 5);

    // The same revision again (our own write's notification): accepted, nothing visible changes.
    QVERIFY(cache.setServerValue(day, one, 5));
    QCOMPARE(changed.size(), 1);

    QVERIFY(cache.setServerValue(day, two, 9));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(cache.day(day).todos.first().id, u"b"_s);
    QCOMPARE(cache.day(day).revision, 9);
}

void TestDayCache::withoutRevisionsLastWins()
{
    DayCache cache;
    QVERIFY(cache.setServerValue(day, two, 0));
    QVERIFY(cache.setServerValue(day, one, 0));
    QCOMPARE(cache.day(day).todos.first().id, u"a"_s);
    QVERIFY(cache.setServerValue(day, two, 0));
    QCOMPARE(cache.day(day).todos.first().id, u"b"_s);
}

void TestDayCache::deleteIsEmptyDay()
{
    DayCache cache;
    cache.setServerValue(day, one, 3);
    QVERIFY(cache.setServerValue(day, std::nullopt, 4));
    QCOMPARE(cache.day(day).status, DayCache::Status::Ready);
    QVERIFY(cache.day(day).todos.isEmpty());
    QCOMPARE(cache.day(day).revision, 4);
}

void TestDayCache::invalidValueIsAnError()
{
    DayCache cache;
    cache.setServerValue(day, one, 1);
    QVERIFY(cache.setServerValue(day, "not json", 2));
    QCOMPARE(cache.day(day).status, DayCache::Status::Invalid);
    QVERIFY(!cache.day(day).error.isEmpty());
    QVERIFY(cache.day(day).todos.isEmpty());
    QVERIFY(cache.setServerValue(day, two, 3));
    QCOMPARE(cache.day(day).status, DayCache::Status::Ready);
    QVERIFY(cache.day(day).error.isEmpty());
}

void TestDayCache::overlayAppliesOnTop()
{
    DayCache cache;
    QString extraId;
    cache.setOverlay([&](const QDate &, const TodoList &server) {
        TodoList list = server;
        if (!extraId.isEmpty()) {
            Todo t;
            t.id = extraId;
            list.append(t);
        }
        return list;
    });
    QSignalSpy changed(&cache, &DayCache::dayChanged);
    cache.setServerValue(day, one, 1);
    QCOMPARE(cache.day(day).todos.size(), 1);
    extraId = u"pending"_s;
    cache.refresh(day);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(cache.day(day).todos.size(), 2);
    QCOMPARE(cache.day(day).serverTodos.size(), 1);
    // A new server value keeps the pending todo on top, in one change.
    cache.setServerValue(day, two, 2);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(cache.day(day).todos.at(0).id, u"b"_s);
    QCOMPARE(cache.day(day).todos.at(1).id, u"pending"_s);
    cache.refresh(day);
    QCOMPARE(changed.size(), 3);
}

void TestDayCache::watchIsRefCounted()
{
    DayCache cache;
    QSignalSpy watched(&cache, &DayCache::watchedDaysChanged);
    cache.watch(day);
    cache.watch(day);
    cache.watch(day.addDays(1));
    QCOMPARE(watched.size(), 2);
    QCOMPARE(cache.watchedDays(), (QList<QDate> { day, day.addDays(1) }));
    cache.unwatch(day);
    QCOMPARE(cache.watchedDays().size(), 2);
    cache.unwatch(day);
    QCOMPARE(cache.watchedDays(), QList<QDate> { day.addDays(1) });
    QCOMPARE(watched.size(), 3);
    cache.unwatch(day);
    QCOMPARE(watched.size(), 3);
}

void TestDayCache::loadingKeepsShownContent()
{
    DayCache cache;
    cache.setLoading(day);
    QCOMPARE(cache.day(day).status, DayCache::Status::Loading);
    cache.setServerValue(day, one, 1);
    cache.setLoading(day);
    QCOMPARE(cache.day(day).status, DayCache::Status::Ready);
    QCOMPARE(cache.day(day).todos.size(), 1);
}

QTEST_GUILESS_MAIN(TestDayCache)
#include "tst_daycache.moc"

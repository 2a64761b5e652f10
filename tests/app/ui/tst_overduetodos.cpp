// SPDX-License-Identifier: MIT
// OverdueTodos against a real in-process server: the unfinished todos of the 30 days before
// today, counted live from another client's edits, carried over to today as one undo step.
#include "modeltestsupport.h"
#include "ui/overduetodos.h"
#include "ui/undostack.h"

class TstOverdueTodos : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_clients.start(); }
    void init() { m_clients.nextDay(); }
    void cleanupTestCase() { m_clients.stop(); }
    void countsEarlierUnfinishedTodosLive();
    void carryOverIsOneUndoStep();

private:
    TodoOperation insertOn(const QDate &day, const QString &text, bool done = false,
                           const QString &series = {}) const
    {
        Todo todo;
        todo.series = series;
        todo.id = u"todo_%1_%2"_qs.arg(day.toString(u"yyyyMMdd"_qs), text);
        todo.text = text;
        todo.status = done ? Todo::Status::Done : Todo::Status::NotSet;
        todo.created = 1;
        return TodoOperation::insert(day, todo);
    }

    SyncedClients m_clients;
};

void TstOverdueTodos::countsEarlierUnfinishedTodosLive()
{
    // Far from the other tests' days: today is 60 days after this test's day.
    const QDate today = m_clients.day.addDays(60);
    m_clients.submitRemote(insertOn(today.addDays(-1), u"yesterday"_qs));
    m_clients.submitRemote(insertOn(today.addDays(-1), u"finished"_qs, true));
    m_clients.submitRemote(insertOn(today.addDays(-30), u"a month ago"_qs));
    m_clients.submitRemote(insertOn(today.addDays(-31), u"too old"_qs));
    m_clients.submitRemote(insertOn(today, u"today's own"_qs));
    // A missed occurrence of a repeating todo: the next occurrence stands for it.
    m_clients.submitRemote(insertOn(today.addDays(-1), u"daily stretch"_qs, false, u"s1"_qs));

    OverdueTodos overdue;
    overdue.setBackend(m_clients.local.cache.get(), m_clients.local.session.get(), today);
    QTRY_COMPARE_WITH_TIMEOUT(overdue.count(), 2, timeoutMs);
    QCOMPARE(overdue.dayCount(), 2);

    // Another client finishes one: the count follows through the notifications.
    m_clients.submitRemote(TodoOperation::setStatus(
        today.addDays(-30), u"todo_%1_a month ago"_qs.arg(today.addDays(-30).toString(u"yyyyMMdd"_qs)),
        Todo::Status::Done, 2));
    QTRY_COMPARE_WITH_TIMEOUT(overdue.count(), 1, timeoutMs);
    m_clients.submitRemote(insertOn(today.addDays(-7), u"last week"_qs));
    QTRY_COMPARE_WITH_TIMEOUT(overdue.count(), 2, timeoutMs);
    QCOMPARE(overdue.dayCount(), 2);
}

void TstOverdueTodos::carryOverIsOneUndoStep()
{
    // Far from the previous test's 30 days too.
    const QDate today = m_clients.day.addDays(400);
    m_clients.submitRemote(insertOn(today.addDays(-2), u"b"_qs));
    m_clients.submitRemote(insertOn(today.addDays(-9), u"a"_qs));
    m_clients.submitRemote(insertOn(today, u"already today"_qs));
    m_clients.submitRemote(insertOn(today.addDays(-2), u"repeating"_qs, false, u"s2"_qs));

    UndoStack undo;
    undo.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    OverdueTodos overdue;
    overdue.setUndoStack(&undo);
    overdue.setBackend(m_clients.local.cache.get(), m_clients.local.session.get(), today);
    m_clients.local.cache->watch(today);
    QTRY_COMPARE_WITH_TIMEOUT(overdue.count(), 2, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_clients.local.cache->day(today).status, DayCache::Status::Ready, timeoutMs);

    QCOMPARE(overdue.carryOver(), 2);
    QCOMPARE(overdue.count(), 0);
    QVERIFY(undo.undoText().startsWith(u"Carry Over 2 Todo"_qs));
    QTRY_COMPARE_WITH_TIMEOUT(m_clients.local.session->pendingCount(), 0, timeoutMs);
    DayModel todayView;
    todayView.setBackend(m_clients.remote.cache.get(), m_clients.remote.session.get());
    todayView.setDate(today);
    // Oldest day first, after what today already held.
    QTRY_COMPARE_WITH_TIMEOUT(texts(todayView), QStringList({ u"already today"_qs, u"a"_qs, u"b"_qs }),
                              timeoutMs);

    QVERIFY(undo.undo());
    QTRY_COMPARE_WITH_TIMEOUT(m_clients.local.session->pendingCount(), 0, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(texts(todayView), QStringList { u"already today"_qs }, timeoutMs);
    QCOMPARE(overdue.count(), 2);
    QVERIFY(!undo.canUndo());
    m_clients.local.cache->unwatch(today);
}

QTEST_MAIN(TstOverdueTodos)
#include "tst_overduetodos.moc"

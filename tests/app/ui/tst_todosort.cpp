// SPDX-License-Identifier: MIT
// TodoFilterModel's sort view (issue 13.9): by priority or by status, equal rows in the user's
// order, live edits re-sorted, the stored order never rewritten, moving rows refused while sorted.
#include "modeltestsupport.h"

namespace {
Todo make(const QString &id, Todo::Priority priority, Todo::Status status)
{
    Todo todo;
    todo.id = id;
    todo.text = id;
    todo.priority = priority;
    todo.status = status;
    return todo;
}

using P = Todo::Priority;
using S = Todo::Status;
} // namespace

class TstTodoSort : public QObject
{
    Q_OBJECT

private slots:
    void sortsByPriorityAndStatusKeepingTheStoredOrder();
    void liveEditsAreResorted();
};

void TstTodoSort::sortsByPriorityAndStatusKeepingTheStoredOrder()
{
    const TodoList stored = { make(u"a"_qs, P::Low, S::Done), make(u"b"_qs, P::High, S::NotSet),
                              make(u"c"_qs, P::Medium, S::InProgress), make(u"d"_qs, P::High, S::Done),
                              make(u"e"_qs, P::Low, S::NotSet) };
    WatchedDay day(QDate(2026, 12, 7), stored);
    day.filter.setShowDone(true);
    QSignalSpy sortChanged(&day.filter, &TodoFilterModel::sortModeChanged);
    QCOMPARE(ids(day.filter), QStringList({ u"a"_qs, u"b"_qs, u"c"_qs, u"d"_qs, u"e"_qs }));
    QVERIFY(!day.filter.isSorted());

    day.filter.setSortMode(TodoFilterModel::ByPriority);
    QCOMPARE(sortChanged.count(), 1);
    QVERIFY(day.filter.isSorted());
    // High first, equal priorities in the stored order.
    QCOMPARE(ids(day.filter), QStringList({ u"b"_qs, u"d"_qs, u"c"_qs, u"a"_qs, u"e"_qs }));
    day.filter.setSortMode(TodoFilterModel::ByStatus);
    QCOMPARE(ids(day.filter), QStringList({ u"c"_qs, u"b"_qs, u"e"_qs, u"a"_qs, u"d"_qs }));
    day.filter.setShowDone(false);
    QCOMPARE(ids(day.filter), QStringList({ u"c"_qs, u"b"_qs, u"e"_qs }));
    day.filter.setShowDone(true);

    // A view option only: the day's rows and the cache keep the stored order, and rows do not move.
    QCOMPARE(ids(day.model), QStringList({ u"a"_qs, u"b"_qs, u"c"_qs, u"d"_qs, u"e"_qs }));
    QCOMPARE(idsOf(day.cache.day(day.date).todos), idsOf(stored));
    QVERIFY(!day.filter.moveRow(0, 2));
    QCOMPARE(idsOf(day.cache.day(day.date).todos), idsOf(stored));

    day.filter.setSortMode(TodoFilterModel::StoredOrder);
    QCOMPARE(ids(day.filter), QStringList({ u"a"_qs, u"b"_qs, u"c"_qs, u"d"_qs, u"e"_qs }));
    QVERIFY(!day.filter.isSorted());
    QCOMPARE(sortChanged.count(), 3);
}

void TstTodoSort::liveEditsAreResorted()
{
    WatchedDay day(QDate(2026, 12, 8),
                   { make(u"a"_qs, P::Low, S::NotSet), make(u"b"_qs, P::Medium, S::NotSet),
                     make(u"c"_qs, P::High, S::NotSet) });
    day.filter.setShowDone(true);
    day.filter.setSortMode(TodoFilterModel::ByPriority);
    QCOMPARE(ids(day.filter), QStringList({ u"c"_qs, u"b"_qs, u"a"_qs }));
    // Another device raises a's priority and adds a high one at the end of the stored list.
    day.update({ make(u"a"_qs, P::High, S::NotSet), make(u"b"_qs, P::Medium, S::NotSet),
                 make(u"c"_qs, P::High, S::NotSet), make(u"d"_qs, P::High, S::Done) });
    QCOMPARE(ids(day.filter), QStringList({ u"a"_qs, u"c"_qs, u"d"_qs, u"b"_qs }));
    QCOMPARE(day.filter.rowOf(u"b"_qs), 3);
    QCOMPARE(day.filter.idAt(0), u"a"_qs);
}

QTEST_GUILESS_MAIN(TstTodoSort)
#include "tst_todosort.moc"

// SPDX-License-Identifier: MIT
// MovePlan as a DayModel update shows it: only the rows off a longest run in the old order move.
#include "modeltestsupport.h"

#include <QRandomGenerator>

class TstMovePlan : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_clients.nextDay(); }
    void oneTodoMovedIsOneRowsMoved_data();
    void oneTodoMovedIsOneRowsMoved();
    void reverseOfFiveIsFourMoves();
    void permutationMovesOnlyRowsOffTheLongestRun_data();
    void permutationMovesOnlyRowsOffTheLongestRun();

private:
    SyncedClients m_clients;
};

void TstMovePlan::oneTodoMovedIsOneRowsMoved_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<int>("destinationChild");
    constexpr int n = 300;
    QTest::newRow("top to end") << 0 << n - 1 << n;
    QTest::newRow("end to top") << n - 1 << 0 << 0;
    QTest::newRow("middle down") << 100 << 200 << 201;
    QTest::newRow("middle up") << 200 << 100 << 100;
}

void TstMovePlan::oneTodoMovedIsOneRowsMoved()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(int, destinationChild);
    const TodoList before = numberedTodos(range(300));
    WatchedDay day(m_clients.day, before);
    QCOMPARE(ids(day.model), idsOf(before));

    TodoList after = before;
    after.move(from, to);
    Announced announced(&day.model);
    day.update(after);
    QCOMPARE(announced.moved.count(), 1);
    const QList<QVariant> move = announced.moved.constFirst();
    QCOMPARE(move.at(1).toInt(), from);
    QCOMPARE(move.at(2).toInt(), from);
    QCOMPARE(move.at(4).toInt(), destinationChild);
    QCOMPARE(announced.inserted.count(), 0);
    QCOMPARE(announced.removed.count(), 0);
    QCOMPARE(announced.changed.count(), 0);
    QCOMPARE(announced.reset.count(), 0);
    QCOMPARE(announced.layout.count(), 0);
    QCOMPARE(ids(day.model), idsOf(after));
    QCOMPARE(ids(day.filter), shownIds(after));
}

void TstMovePlan::reverseOfFiveIsFourMoves()
{
    WatchedDay day(m_clients.day, numberedTodos({ 1, 2, 3, 4, 5 }));
    Announced announced(&day.model);
    const TodoList reversed = numberedTodos({ 5, 4, 3, 2, 1 });
    day.update(reversed);
    QCOMPARE(announced.moved.count(), 4);
    QCOMPARE(announced.reset.count(), 0);
    QCOMPARE(announced.layout.count(), 0);
    QCOMPARE(announced.inserted.count() + announced.removed.count() + announced.changed.count(), 0);
    QCOMPARE(ids(day.model), idsOf(reversed));
    QCOMPARE(ids(day.filter), shownIds(reversed));
}

void TstMovePlan::permutationMovesOnlyRowsOffTheLongestRun_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : { 1u, 2u, 20261202u })
        QTest::newRow(qPrintable(u"seed %1"_qs.arg(seed))) << seed;
}

void TstMovePlan::permutationMovesOnlyRowsOffTheLongestRun()
{
    QFETCH(quint32, seed);
    constexpr int n = 200;
    WatchedDay day(m_clients.day, numberedTodos(range(n)));
    QList<int> order = range(n);
    QRandomGenerator random(seed);
    std::shuffle(order.begin(), order.end(), random);
    const TodoList shuffled = numberedTodos(order);

    Announced announced(&day.model);
    day.update(shuffled);
    QCOMPARE(ids(day.model), idsOf(shuffled));
    QCOMPARE(ids(day.filter), shownIds(shuffled));
    // Old positions in the new order: the rows on their longest increasing run can stay, and no
    // sequence of single-row moves does with fewer than n − LIS (a move lengthens it by one at most).
    const int atLeast = n - longestIncreasingLength(order);
    QVERIFY2(announced.moved.count() <= atLeast,
             qPrintable(u"%1 moves, n - LIS = %2"_qs.arg(announced.moved.count()).arg(atLeast)));
    QCOMPARE(announced.moved.count(), atLeast);
    QCOMPARE(announced.reset.count(), 0);
    QCOMPARE(announced.layout.count(), 0);
    QCOMPARE(announced.inserted.count() + announced.removed.count() + announced.changed.count(), 0);
}

QTEST_GUILESS_MAIN(TstMovePlan)
#include "tst_moveplan.moc"

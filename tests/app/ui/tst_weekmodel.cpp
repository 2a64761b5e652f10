// SPDX-License-Identifier: MIT
// WeekModel's per-day counts follow edits made by another client.
#include "modeltestsupport.h"
#include "ui/weekmodel.h"

class TstWeekModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_clients.start(); }
    void init() { m_clients.nextDay(); }
    void cleanupTestCase() { m_clients.stop(); }
    void weekCountsFollowRemoteEdits();

private:
    SyncedClients m_clients;
};

void TstWeekModel::weekCountsFollowRemoteEdits()
{
    WeekModel week;
    QAbstractItemModelTester tester(&week, QAbstractItemModelTester::FailureReportingMode::QtTest);
    week.setCache(m_clients.local.cache.get());
    week.setDate(m_clients.day);
    QCOMPARE(week.rowCount(), 7);
    const int row = int(WeekModel::weekStart(m_clients.day).daysTo(m_clients.day));
    QCOMPARE(week.index(row).data(WeekModel::DateRole).toString(), m_clients.day.toString(Qt::ISODate));
    // Watching the week loads its days first; the live edits come after.
    for (int i = 0; i < 7; ++i) {
        const QDate day = WeekModel::weekStart(m_clients.day).addDays(i);
        QTRY_COMPARE_WITH_TIMEOUT(m_clients.local.cache->day(day).status, DayCache::Status::Ready, timeoutMs);
    }

    QSignalSpy changed(&week, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&week, &QAbstractItemModel::modelReset);
    m_clients.submitRemote(m_clients.insertOp(QStringLiteral("w1"), QStringLiteral("todo_9_a")));
    const TodoOperation done
        = TodoOperation::setStatus(m_clients.day, QStringLiteral("todo_9_a"), Todo::Status::Done);
    m_clients.submitRemote(m_clients.insertOp(QStringLiteral("w2"), QStringLiteral("todo_9_b")));
    m_clients.submitRemote(done);
    QTRY_COMPARE_WITH_TIMEOUT(week.index(row).data(WeekModel::DoneCountRole).toInt(), 1, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(week.index(row).data(WeekModel::OpenCountRole).toInt(), 1, timeoutMs);
    QVERIFY(!changed.isEmpty());
    for (const auto &args : std::as_const(changed))
        QCOMPARE(args.at(0).toModelIndex().row(), row);
    QCOMPARE(reset.count(), 0);
}

QTEST_GUILESS_MAIN(TstWeekModel)
#include "tst_weekmodel.moc"

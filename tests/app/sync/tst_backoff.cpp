// SPDX-License-Identifier: MIT
#include "sync/backoff.h"

#include <QTest>

class TestBackoff : public QObject
{
    Q_OBJECT

private slots:
    void growsExponentiallyAndCaps();
    void jitterSpreadsWithinBounds();
    void neverGivesUp();
};

void TestBackoff::growsExponentiallyAndCaps()
{
    Backoff backoff(100, 1000, 0.0);
    QList<int> delays;
    for (int i = 0; i < 6; ++i)
        delays.append(backoff.nextDelayMs());
    QCOMPARE(delays, (QList<int> { 100, 200, 400, 800, 1000, 1000 }));
    backoff.reset();
    QCOMPARE(backoff.nextDelayMs(), 100);
}

void TestBackoff::jitterSpreadsWithinBounds()
{
    double r = 0.0;
    Backoff backoff(1000, 60000, 0.2, [&r] { return r; });
    QCOMPARE(backoff.nextDelayMs(), 800);
    r = 0.5;
    QCOMPARE(backoff.nextDelayMs(), 2000);
    r = 0.999999;
    QCOMPARE(backoff.nextDelayMs(), 4800);
}

void TestBackoff::neverGivesUp()
{
    Backoff backoff(500, 30000, 0.0);
    int last = 0;
    for (int i = 0; i < 100000; ++i)
        last = backoff.nextDelayMs();
    QCOMPARE(last, 30000);
}

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"

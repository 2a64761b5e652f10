// SPDX-License-Identifier: MIT
// HeapTrimmer: trims only after the live connection count fell by the threshold and to half of
// its peak since the last trim, once per drop; its timer polls by itself.

#include "daemon/heaptrimmer.h"

#include <QTest>

namespace {
constexpr int noPollMs = 3600 * 1000; // the tests call check() themselves
}

class TestHeapTrimmer : public QObject
{
    Q_OBJECT

private slots:
    void trimsOnceAfterABurstOfCloses();
    void smallOrPartialDropsDoNotTrim();
    void trimsAgainOnlyAfterTheNextDrop();
    void timerPollsByItself();
    void defaultsTrimTheRealHeap();
};

void TestHeapTrimmer::trimsOnceAfterABurstOfCloses()
{
    int live = 0;
    int trims = 0;
    HeapTrimmer trimmer([&live] { return live; }, [&trims] { ++trims; }, 100, noPollMs);
    live = 1000;
    QVERIFY(!trimmer.check());
    live = 0;
    QVERIFY(trimmer.check());
    QCOMPARE(trims, 1);
    QVERIFY(!trimmer.check()); // nothing more was freed
    QCOMPARE(trimmer.trimCount(), 1);
}

void TestHeapTrimmer::smallOrPartialDropsDoNotTrim()
{
    int live = 0;
    int trims = 0;
    HeapTrimmer trimmer([&live] { return live; }, [&trims] { ++trims; }, 100, noPollMs);
    live = 150;
    QVERIFY(!trimmer.check());
    live = 60; // a drop of 90 < 100
    QVERIFY(!trimmer.check());
    live = 1000;
    QVERIFY(!trimmer.check());
    live = 600; // a drop of 400, but more than half the peak still open
    QVERIFY(!trimmer.check());
    QCOMPARE(trims, 0);
    live = 500; // half of the peak: now
    QVERIFY(trimmer.check());
    QCOMPARE(trims, 1);
}

void TestHeapTrimmer::trimsAgainOnlyAfterTheNextDrop()
{
    int live = 1000;
    int trims = 0;
    HeapTrimmer trimmer([&live] { return live; }, [&trims] { ++trims; }, 100, noPollMs);
    QVERIFY(!trimmer.check());
    live = 400;
    QVERIFY(trimmer.check());
    live = 250; // 150 below the last trim's 400, but not half of it
    QVERIFY(!trimmer.check());
    live = 150;
    QVERIFY(trimmer.check());
    live = 120;
    QVERIFY(!trimmer.check());
    QCOMPARE(trims, 2);
}

void TestHeapTrimmer::timerPollsByItself()
{
    int live = 300;
    int polls = 0;
    int trims = 0;
    HeapTrimmer trimmer(
        [&] {
        ++polls;
        return live;
        },
        [&trims] { ++trims; }, 100, 10);
    QTRY_VERIFY(polls >= 1); // the peak is seen first
    live = 0;
    QTRY_COMPARE(trims, 1);
    QCOMPARE(trimmer.trimCount(), 1);
}

void TestHeapTrimmer::defaultsTrimTheRealHeap()
{
    int live = HeapTrimmer::defaultMinimumDrop;
    HeapTrimmer trimmer([&live] { return live; }); // malloc_trim(0) on glibc
    QVERIFY(!trimmer.check());
    live = 0;
    QVERIFY(trimmer.check());
    QCOMPARE(trimmer.trimCount(), 1);
}

QTEST_GUILESS_MAIN(TestHeapTrimmer)
#include "tst_heaptrimmer.moc"

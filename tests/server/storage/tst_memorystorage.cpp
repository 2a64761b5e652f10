// SPDX-License-Identifier: MIT
#include "storage/memorystorage.h"
#include "storagecontract.h"

#include <QTest>

using namespace contract;

/** @brief MemoryStorage against the shared Storage contract, plus its synchronous answers. */
class TestMemoryStorage : public QObject
{
    Q_OBJECT

private slots:
    void opens()
    {
        MemoryStorage storage;
        QString error = QStringLiteral("stale");
        QVERIFY(storage.open(&error));
        QVERIFY(error.isEmpty());
        QVERIFY(storage.isReady());
    }

    void setGetDelete() { run(checkSetGetDelete); }
    void patchAndIncrement() { run(checkPatchAndIncrement); }
    void compareAndSwap() { run(checkCompareAndSwap); }
    void rangeOrderLimitTruncated() { run(checkRange); }
    void revisionsNeverRepeat() { run(checkRevisionsNeverRepeat); }
    void producedValueLimit() { run(checkProducedValueLimit); }
    void changedOncePerCommittedWrite() { run(checkChangedSignal); }

    void answersBeforeReturning()
    {
        MemoryStorage storage;
        QVERIFY(storage.open(nullptr));
        QSignalSpy spy(&storage, &Storage::changed);
        std::optional<WriteResult> written;
        storage.write(setOp("k", "v"), [&](const WriteResult &r) {
            written = r;
            QCOMPARE(spy.size(), 0); // the callback runs before `changed`
        });
        QVERIFY(written.has_value());
        QCOMPARE(written->revision, 1);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(storage.revision(), 1);

        std::optional<ReadResult> read;
        storage.get("k", [&](const ReadResult &r) { read = r; });
        QVERIFY(read.has_value());
        QCOMPARE(read->record->value, QByteArray("v"));

        std::optional<RangeResult> range;
        storage.range("a", "z", 10, [&](const RangeResult &r) { range = r; });
        QVERIFY(range.has_value());
        QCOMPARE(range->records.size(), 1);
        storage.flush();
    }

private:
    static void run(void (*check)(Storage &))
    {
        MemoryStorage storage;
        QVERIFY(storage.open(nullptr));
        check(storage);
    }
};

QTEST_GUILESS_MAIN(TestMemoryStorage)
#include "tst_memorystorage.moc"

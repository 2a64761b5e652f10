// SPDX-License-Identifier: MIT
#include "storage/sqlitestorage.h"
#include "storagecontract.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace contract;

namespace {

// Runs `sql` on the file through a connection of the test's own (as another process would).
QVariantList querySql(const QString &file, const QString &sql)
{
    static int counter = 0;
    const QString name = QStringLiteral("tst-sqlitestorage-%1").arg(++counter);
    QVariantList values;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery query(db);
            if (!query.exec(sql))
                values.append(QStringLiteral("error: %1").arg(query.lastError().text()));
            while (query.next())
                values.append(query.value(0));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return values;
}

// A trigger that makes SQLite itself fail any transaction writing the key "poison".
QString poisonTrigger()
{
    return QStringLiteral("CREATE TRIGGER poison BEFORE INSERT ON records "
                          "WHEN NEW.key = X'706F69736F6E' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
}

} // namespace

/** @brief SqliteStorage on real SQLite files: contract, durability, group commit, failures. */
class TestSqliteStorage : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void setGetDelete() { run(checkSetGetDelete); }
    void patchAndIncrement() { run(checkPatchAndIncrement); }
    void compareAndSwap() { run(checkCompareAndSwap); }
    void rangeOrderLimitTruncated() { run(checkRange); }
    void revisionsNeverRepeat() { run(checkRevisionsNeverRepeat); }
    void producedValueLimit() { run(checkProducedValueLimit); }
    void changedOncePerCommittedWrite() { run(checkChangedSignal); }

    void createsWalDatabaseWithSchema()
    {
        auto storage = openStorage();
        QVERIFY(storage);
        QCOMPARE(writeAndWait(*storage, setOp(QByteArray("k\0ey", 4), "value")).status, WriteStatus::Ok);
        const QString file = m_dir->filePath(QStringLiteral("dayboard.sqlite3"));
        QCOMPARE(storage->filePath(), file);
        QVERIFY(QFile::exists(file));

        QCOMPARE(querySql(file, QStringLiteral("PRAGMA journal_mode")),
                 QVariantList { QStringLiteral("wal") });
        QCOMPARE(querySql(file, QStringLiteral("PRAGMA page_size")),
                 QVariantList { SqliteWriter::newDatabasePageSize() });
        QCOMPARE(querySql(file,
                          QStringLiteral(
                              "SELECT typeof(key) || ',' || typeof(value) || ',' || revision FROM records")),
                 QVariantList { QStringLiteral("blob,blob,1") });
        QCOMPARE(querySql(file, QStringLiteral("SELECT hex(key) FROM records")),
                 QVariantList { QStringLiteral("6B006579") });
        // The store revision is the highest of the records' and meta's (meta is written only
        // when no stored row carries the newest revision).
        QCOMPARE(querySql(file,
                          QStringLiteral("SELECT max((SELECT max(revision) FROM records), "
                                         "(SELECT value FROM meta WHERE name = 'revision'))")),
                 QVariantList { 1 });
    }

    void existingDatabaseKeepsItsPageSize()
    {
        const QString file = m_dir->filePath(QStringLiteral("dayboard.sqlite3"));
        // A database an older version created with SQLite's default 4 KB pages.
        QCOMPARE(querySql(file, QStringLiteral("PRAGMA page_size=4096")), QVariantList {});
        QCOMPARE(querySql(file, QStringLiteral("PRAGMA journal_mode=WAL")),
                 QVariantList { QStringLiteral("wal") });
        {
            auto storage = openStorage();
            QVERIFY(storage);
            QCOMPARE(writeAndWait(*storage, setOp("k", "v")).status, WriteStatus::Ok);
        }
        QCOMPARE(querySql(file, QStringLiteral("PRAGMA page_size")), QVariantList { 4096 });
        auto reopened = openStorage();
        QVERIFY(reopened);
        QCOMPARE(getAndWait(*reopened, "k").record->value, QByteArray("v"));
    }

    void dataSurvivesReopen()
    {
        QByteArray big(100 * 1024, 'x');
        big[0] = '\0';
        {
            auto storage = openStorage();
            QVERIFY(storage);
            writeAndWait(*storage, setOp("a", "1"));
            writeAndWait(*storage, setOp("b", big));
            writeAndWait(*storage, setOp("gone", "x"));
            writeAndWait(*storage, deleteOp("gone"));
            writeAndWait(*storage, incrementOp("n", 41));
            QCOMPARE(writeAndWait(*storage, incrementOp("n", 1)).revision, 6);
        }
        auto reopened = openStorage();
        QVERIFY(reopened);
        QCOMPARE(reopened->revision(), 6);
        QCOMPARE(getAndWait(*reopened, "a").record->value, QByteArray("1"));
        QCOMPARE(getAndWait(*reopened, "a").record->revision, 1);
        QCOMPARE(getAndWait(*reopened, "b").record->value, big);
        QVERIFY(!getAndWait(*reopened, "gone").record);
        QCOMPARE(getAndWait(*reopened, "n").record->value, QByteArray("42"));
        QCOMPARE(keysOf(rangeAndWait(*reopened, "", "\xff", 10)), (QList<QByteArray> { "a", "b", "n" }));
        QCOMPARE(writeAndWait(*reopened, setOp("c", "3")).revision, 7);
    }

    void revisionsNeverReusedAfterDeleteAndRestart()
    {
        {
            auto storage = openStorage();
            QVERIFY(storage);
            QCOMPARE(writeAndWait(*storage, setOp("a", "1")).revision, 1);
            QCOMPARE(writeAndWait(*storage, setOp("b", "1")).revision, 2);
            QCOMPARE(writeAndWait(*storage, deleteOp("b")).revision, 3);
            QCOMPARE(writeAndWait(*storage, deleteOp("a")).revision, 4);
        }
        {
            // Every record is gone: only the meta table remembers revision 4.
            auto storage = openStorage();
            QVERIFY(storage);
            QVERIFY(rangeAndWait(*storage, "", "\xff", 10).records.isEmpty());
            const WriteResult recreated = writeAndWait(*storage, setOp("a", "again"));
            QCOMPARE(recreated.status, WriteStatus::Ok);
            QCOMPARE(recreated.revision, 5);
        }
        auto storage = openStorage();
        QVERIFY(storage);
        QCOMPARE(getAndWait(*storage, "a").record->revision, 5);
        QCOMPARE(writeAndWait(*storage, setOp("b", "again")).revision, 6);
    }

    void groupCommit()
    {
        auto storage = openStorage();
        QVERIFY(storage);
        QSignalSpy spy(storage.get(), &Storage::changed);
        constexpr int count = 200;
        QList<WriteResult> results;
        for (int i = 0; i < count; ++i) {
            const QByteArray key = "todos-" + QByteArray::number(i);
            storage->write(setOp(key, "v" + QByteArray::number(i)),
                           [&results](const WriteResult &r) { results.append(r); });
        }
        // Nothing is acknowledged before it is committed, and commits are seen on the event loop.
        QCOMPARE(results.size(), 0);
        QCOMPARE(spy.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), count, waitMs);
        for (int i = 0; i < count; ++i) {
            QCOMPARE(results.at(i).status, WriteStatus::Ok);
            QCOMPARE(results.at(i).revision, i + 1); // callbacks in write order
        }
        QCOMPARE(spy.size(), count);
        QCOMPARE(storage->writesCommitted(), count);
        // The first write starts a commit at once; the other 199 arrive while it is in flight
        // (commits are only seen on the event loop, which this loop did not return to) and go
        // into the next transaction together, however slow the machine is.
        QCOMPARE(storage->transactionsCommitted(), 2);
        QCOMPARE(storage->largestTransaction(), count - 1);

        storage.reset();
        const QString file = m_dir->filePath(QStringLiteral("dayboard.sqlite3"));
        QCOMPARE(querySql(file, QStringLiteral("SELECT count(*) FROM records")), QVariantList { count });
    }

    void writesOneAtATimeCommitOneAtATime()
    {
        auto storage = openStorage();
        QVERIFY(storage);
        constexpr int count = 50;
        // (The time per durable write is measured by bench/run, workload 7.)
        for (int i = 0; i < count; ++i)
            QCOMPARE(writeAndWait(*storage, incrementOp("counter", 1)).status, WriteStatus::Ok);
        QCOMPARE(storage->transactionsCommitted(), count);
        QCOMPARE(storage->largestTransaction(), 1);
        QCOMPARE(getAndWait(*storage, "counter").record->value, QByteArray::number(count));
    }

    void readOfPendingWriteWaitsForCommit()
    {
        auto storage = openStorage();
        QVERIFY(storage);
        QCOMPARE(writeAndWait(*storage, setOp("other", "committed")).status, WriteStatus::Ok);

        QStringList events;
        storage->write(setOp("k", "new"),
                       [&](const WriteResult &r) { events << QStringLiteral("write %1").arg(r.revision); });
        storage->get("k", [&](const ReadResult &r) {
            events << QStringLiteral("get %1").arg(QString::fromUtf8(r.record->value));
        });
        storage->range("a", "z", 10, [&](const RangeResult &r) {
            events << QStringLiteral("range %1").arg(r.records.size());
        });
        // A read of a key with no pending write is answered at once.
        storage->get("other", [&](const ReadResult &r) {
            events << QStringLiteral("other %1").arg(QString::fromUtf8(r.record->value));
        });
        storage->range("l", "z", 10, [&](const RangeResult &r) {
            events << QStringLiteral("range-other %1").arg(r.records.size());
        });
        QCOMPARE(events,
                 (QStringList { QStringLiteral("other committed"), QStringLiteral("range-other 1") }));

        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 5, waitMs);
        QCOMPARE(events.mid(2),
                 (QStringList { QStringLiteral("write 2"), QStringLiteral("get new"),
                                QStringLiteral("range 2") }));
    }

    void readWaitsOnlyForTheCommitItDependsOn()
    {
        // k is written in the in-flight transaction and again in the next one; a read issued
        // between the two writes sees the first value once the first transaction commits.
        auto storage = openStorage();
        QVERIFY(storage);
        QStringList events;
        storage->write(setOp("k", "first"),
                       [&](const WriteResult &) { events << QStringLiteral("write first"); });
        storage->get("k", [&](const ReadResult &r) {
            events << QStringLiteral("get %1").arg(QString::fromUtf8(r.record->value));
        });
        storage->write(setOp("k", "second"),
                       [&](const WriteResult &) { events << QStringLiteral("write second"); });
        storage->range("k", "k", 10, [&](const RangeResult &r) {
            events << QStringLiteral("range %1").arg(QString::fromUtf8(r.records.value(0).record.value));
        });
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 4, waitMs);
        QCOMPARE(events,
                 (QStringList { QStringLiteral("write first"), QStringLiteral("get first"),
                                QStringLiteral("write second"), QStringLiteral("range second") }));
        QCOMPARE(storage->transactionsCommitted(), 2);
    }

    void compareAndSwapChainsOnPendingWrites()
    {
        auto storage = openStorage();
        QVERIFY(storage);
        QList<WriteResult> results;
        auto collect = [&results](const WriteResult &r) { results.append(r); };
        storage->write(setOp("k", "v1", 0), collect);
        storage->write(setOp("k", "v2", storage->revision()), collect); // sees the uncommitted v1
        storage->write(setOp("k", "v3", 0), collect); // conflicts with the uncommitted v2
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, waitMs);
        QCOMPARE(results.at(0).status, WriteStatus::Ok);
        QCOMPARE(results.at(1).status, WriteStatus::Ok);
        QCOMPARE(results.at(2).status, WriteStatus::Conflict);
        QCOMPARE(results.at(2).revision, results.at(1).revision);
        QCOMPARE(results.at(2).value, std::optional<QByteArray>("v2"));
        QCOMPARE(getAndWait(*storage, "k").record->value, QByteArray("v2"));
    }

    void callbacksAndSlotsMayWriteAgain()
    {
        auto storage = openStorage();
        QVERIFY(storage);
        SqliteStorage *raw = storage.get();
        QList<QByteArray> committed;
        connect(raw, &Storage::changed, this, [raw, &committed](const Change &change) {
            committed.append(change.key);
            if (change.key == "a")
                raw->write(setOp("from-slot", "1"), {});
        });
        std::optional<ReadResult> nested;
        raw->write(setOp("a", "1"), [raw, &nested](const WriteResult &) {
            raw->write(setOp("from-callback", "1"), [raw, &nested](const WriteResult &) {
                raw->get("from-slot", [&nested](const ReadResult &r) { nested = r; });
            });
        });
        QTRY_VERIFY_WITH_TIMEOUT(nested.has_value(), waitMs);
        QCOMPARE(nested->record->value, QByteArray("1"));
        QCOMPARE(committed, (QList<QByteArray> { "a", "from-callback", "from-slot" }));
    }

    void flushCommitsAndAnswersEverything()
    {
        auto storage = openStorage();
        QVERIFY(storage);
        int answered = 0;
        for (int i = 0; i < 50; ++i)
            storage->write(setOp("f" + QByteArray::number(i), "x"),
                           [&answered](const WriteResult &) { ++answered; });
        storage->get("f49", [&answered](const ReadResult &r) { answered += r.record ? 1 : 0; });
        storage->flush(); // no event loop: flush itself processes the results
        QCOMPARE(answered, 51);
        QCOMPARE(storage->writesCommitted(), 50);
        const QString file = m_dir->filePath(QStringLiteral("dayboard.sqlite3"));
        QCOMPARE(querySql(file, QStringLiteral("SELECT count(*) FROM records")), QVariantList { 50 });
    }

    void commitFailureRollsBackAndAnswers500()
    {
        auto storage = openStorage();
        QVERIFY(storage);
        const WriteResult good = writeAndWait(*storage, setOp("good", "kept"));
        QCOMPARE(good.status, WriteStatus::Ok);
        const QString file = storage->filePath();
        QCOMPARE(querySql(file, poisonTrigger()), QVariantList {});

        QSignalSpy spy(storage.get(), &Storage::changed);
        QList<WriteResult> results;
        auto collect = [&results](const WriteResult &r) { results.append(r); };
        storage->write(setOp("poison", "p1"), collect); // in flight: fails in SQLite
        const qint64 pendingRevision = storage->revision();
        // Queued behind it, so rolled back with it: a CAS chained on the uncommitted write,
        // an overwrite of a committed key, a delete of a committed key.
        storage->write(setOp("poison", "p2", pendingRevision), collect);
        storage->write(setOp("good", "overwritten"), collect);
        storage->write(incrementOp("fresh", 1), collect);
        std::optional<ReadResult> poisonRead;
        std::optional<ReadResult> goodRead;
        std::optional<RangeResult> rangeRead;
        storage->get("poison", [&](const ReadResult &r) { poisonRead = r; });
        storage->get("good", [&](const ReadResult &r) { goodRead = r; });
        storage->range("a", "z", 10, [&](const RangeResult &r) { rangeRead = r; });
        QVERIFY(!poisonRead && !goodRead && !rangeRead);

        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 4, waitMs);
        for (const WriteResult &result : std::as_const(results)) {
            QCOMPARE(result.status, WriteStatus::StorageFailed);
            QVERIFY(!result.detail.isEmpty());
            QVERIFY(!result.detail.contains(u"poison") && !result.detail.contains(u"good"));
            QVERIFY(!result.value);
        }
        QTRY_VERIFY_WITH_TIMEOUT(poisonRead && goodRead && rangeRead, waitMs);
        QVERIFY(!poisonRead->record);
        QCOMPARE(goodRead->record->value, QByteArray("kept"));
        QCOMPARE(goodRead->record->revision, good.revision);
        QCOMPARE(keysOf(*rangeRead), QList<QByteArray> { "good" });
        QCOMPARE(spy.size(), 0);
        QCOMPARE(storage->transactionsFailed(), 1);
        QCOMPARE(storage->revision(), good.revision);

        // The storage keeps serving: the next write commits normally, the poison still fails.
        const WriteResult after = writeAndWait(*storage, setOp("after", "ok"));
        QCOMPARE(after.status, WriteStatus::Ok);
        QVERIFY(after.revision > good.revision);
        QCOMPARE(writeAndWait(*storage, setOp("poison", "again")).status, WriteStatus::StorageFailed);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<Change>().key, QByteArray("after"));

        storage.reset();
        QCOMPARE(
            querySql(file,
                     QStringLiteral(
                         "SELECT CAST(key AS TEXT) || '=' || CAST(value AS TEXT) FROM records ORDER BY key")),
            (QVariantList { QStringLiteral("after=ok"), QStringLiteral("good=kept") }));
        auto reopened = openStorage();
        QVERIFY(reopened);
        QCOMPARE(reopened->revision(), after.revision);
        QCOMPARE(writeAndWait(*reopened, setOp("next", "1")).revision, after.revision + 1);
    }

    void failedBatchFailsOnlyItselfAndLaterBatches()
    {
        auto storage = openStorage();
        QVERIFY(storage);
        QCOMPARE(querySql(storage->filePath(), poisonTrigger()), QVariantList {});
        QList<WriteResult> results;
        auto collect = [&results](const WriteResult &r) { results.append(r); };
        storage->write(setOp("first", "1"), collect); // in flight alone: commits
        storage->write(setOp("second", "2"), collect); // grouped with the poison: fails
        storage->write(setOp("poison", "x"), collect);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, waitMs);
        QCOMPARE(results.at(0).status, WriteStatus::Ok);
        QCOMPARE(results.at(1).status, WriteStatus::StorageFailed);
        QCOMPARE(results.at(2).status, WriteStatus::StorageFailed);
        QCOMPARE(getAndWait(*storage, "first").record->value, QByteArray("1"));
        QVERIFY(!getAndWait(*storage, "second").record);
        QCOMPARE(storage->transactionsCommitted(), 1);
        QCOMPARE(storage->transactionsFailed(), 1);
    }

    void openFailsOnUnusablePaths()
    {
        const QString plainFile = m_dir->filePath(QStringLiteral("not-a-dir"));
        {
            QFile file(plainFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("hello");
        }
        expectOpenFailure(plainFile, QStringLiteral("not a directory"));
        expectOpenFailure(plainFile + QStringLiteral("/below"), QStringLiteral("cannot create"));

        const QString dirAsFile = m_dir->filePath(QStringLiteral("dirasfile"));
        QVERIFY(QDir().mkpath(dirAsFile + QStringLiteral("/dayboard.sqlite3")));
        expectOpenFailure(dirAsFile, QStringLiteral("cannot open database"));

        const QString garbage = m_dir->filePath(QStringLiteral("garbage"));
        QVERIFY(QDir().mkpath(garbage));
        {
            QFile file(garbage + QStringLiteral("/dayboard.sqlite3"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(4096, 'g'));
        }
        expectOpenFailure(garbage, QStringLiteral("not a database"));
        expectOpenFailure(QString(), QStringLiteral("no data directory"));
    }

    void secondServerOnSameDirectoryIsRefused()
    {
        auto first = openStorage();
        QVERIFY(first);
        SqliteStorage second(m_dir->path());
        QString error;
        QVERIFY(!second.open(&error));
        QVERIFY2(error.contains(u"in use by another server"), qPrintable(error));
        first.reset();
        QVERIFY2(second.open(&error), qPrintable(error));
    }

    void staleLockOfACrashedServerIsTakenOver()
    {
        {
            // What QLockFile leaves behind when its process dies: pid, application, host.
            QFile lock(m_dir->filePath(SqliteStorage::lockFileName()));
            QVERIFY(lock.open(QIODevice::WriteOnly));
            lock.write("2147483000\ndayboard-server\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        }
        auto storage = openStorage();
        QVERIFY(storage);
    }

    void destructionCommitsPendingWritesWithoutCallbacks()
    {
        int answered = 0;
        {
            auto storage = openStorage();
            QVERIFY(storage);
            QSignalSpy spy(storage.get(), &Storage::changed);
            for (int i = 0; i < 10; ++i)
                storage->write(setOp("d" + QByteArray::number(i), "x"),
                               [&answered](const WriteResult &) { ++answered; });
            storage.reset();
            QCOMPARE(spy.size(), 0);
        }
        QCOMPARE(answered, 0);
        auto reopened = openStorage();
        QVERIFY(reopened);
        QCOMPARE(rangeAndWait(*reopened, "d", "e", 100).records.size(), 10);
        QCOMPARE(reopened->revision(), 10);
    }

    void walIsCheckpointedOffTheCommitAndStaysBounded()
    {
        auto storage = openStorage();
        QVERIFY(storage);
        const QString wal = storage->filePath() + QStringLiteral("-wal");
        // 160 commits of a 64 KB value: about 11 MB through the WAL, almost three times the
        // size at which the writer checkpoints even when it is never idle.
        constexpr int count = 160;
        const QByteArray value(64 * 1024, 'w');
        qint64 largestWal = 0;
        for (int i = 0; i < count; ++i) {
            QCOMPARE(writeAndWait(*storage, setOp("w" + QByteArray::number(i), value)).status,
                     WriteStatus::Ok);
            largestWal = qMax(largestWal, QFileInfo(wal).size());
        }
        qInfo("largest WAL file: %lld bytes", largestWal);
        constexpr qint64 twoCommits = 2 * 80 * 1024; // the bound is estimated from the rows
        QVERIFY2(largestWal <= SqliteWriter::forcedCheckpointBytes() + twoCommits,
                 qPrintable(QString::number(largestWal)));
        // The idle writer has checkpointed: the database file itself holds every record but
        // the last few, which are fewer than idleCheckpointBytes() (SQLite's own automatic
        // checkpoint, which is off, would have left up to 4 MB, about 60 records, behind).
        const int notYetCheckpointed = int(SqliteWriter::idleCheckpointBytes() / value.size());
        QTRY_VERIFY_WITH_TIMEOUT(
            recordsInDatabaseFileAlone(storage->filePath()) >= count - notYetCheckpointed, waitMs);
    }

    void walStaysBoundedUnderALoadThatNeverPauses()
    {
        auto storage = openStorage();
        QVERIFY(storage);
        const QString wal = storage->filePath() + QStringLiteral("-wal");
        // Each acknowledgement sends the next write at once, so the writer is never idle and
        // only the forced checkpoint can keep the WAL bounded.
        constexpr int count = 160;
        const QByteArray value(64 * 1024, 'p');
        int acknowledged = 0;
        qint64 largestWal = 0;
        QEventLoop loop; // not QTRY_*: its polling sleeps would make the writer idle
        std::function<void(const WriteResult &)> next = [&](const WriteResult &result) {
            largestWal = qMax(largestWal, QFileInfo(wal).size());
            if (result.status == WriteStatus::Ok && ++acknowledged < count)
                storage->write(setOp("p" + QByteArray::number(acknowledged), value), next);
            else
                loop.quit();
        };
        storage->write(setOp("p0", value), next);
        QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(acknowledged, count);
        qInfo("largest WAL file: %lld bytes", largestWal);
        constexpr qint64 twoCommits = 2 * 80 * 1024; // the bound is estimated from the rows
        QVERIFY2(largestWal <= SqliteWriter::forcedCheckpointBytes() + twoCommits,
                 qPrintable(QString::number(largestWal)));
        QVERIFY(largestWal > SqliteWriter::idleCheckpointBytes()); // the idle checkpoint did not run
    }

    void walOfAHeldReaderIsTrimmedAfterwards()
    {
        auto storage = openStorage();
        QVERIFY(storage);
        const QString file = storage->filePath();
        const QString wal = file + QStringLiteral("-wal");
        const QByteArray value(64 * 1024, 'r');
        int written = 0;
        auto writeSome = [&](int count) {
            for (int i = 0; i < count; ++i) {
                const QByteArray key = "r" + QByteArray::number(written++);
                if (writeAndWait(*storage, setOp(key, value)).status != WriteStatus::Ok)
                    return false;
            }
            return true;
        };
        QVERIFY(writeSome(1));
        {
            // Another process reading (as `sqlite3 dayboard.sqlite3 .backup` does) keeps the
            // WAL from restarting: commits go on, the file grows past the usual bound.
            const QString name = QStringLiteral("tst-sqlitestorage-reader");
            {
                QSqlDatabase reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                reader.setDatabaseName(file);
                QVERIFY(reader.open());
                QVERIFY(reader.transaction());
                QSqlQuery query(reader);
                QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM records")));
                QVERIFY(query.next());
                QCOMPARE(query.value(0).toInt(), 1);
                QVERIFY(writeSome(160));
                QVERIFY(QFileInfo(wal).size() > SqliteWriter::walSizeLimitBytes());
                query.finish();
                QVERIFY(reader.rollback());
                reader.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        // Without the reader the next checkpoint (at the latest after forcedCheckpointBytes())
        // completes, the commit after it restarts the WAL and trims the file.
        QVERIFY(writeSome(70));
        QVERIFY2(QFileInfo(wal).size() <= SqliteWriter::walSizeLimitBytes(),
                 qPrintable(QString::number(QFileInfo(wal).size())));
        QCOMPARE(recordsIn(file), written);
    }

    void createsMissingDataDirectory()
    {
        SqliteStorage storage(m_dir->filePath(QStringLiteral("a/b/c")));
        QString error;
        QVERIFY2(storage.open(&error), qPrintable(error));
        QCOMPARE(writeAndWait(storage, setOp("k", "v")).status, WriteStatus::Ok);
        QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("a/b/c/dayboard.sqlite3"))));
    }

private:
    std::unique_ptr<SqliteStorage> openStorage()
    {
        auto storage = std::make_unique<SqliteStorage>(m_dir->path());
        QString error;
        if (!storage->open(&error)) {
            qWarning("open failed: %s", qPrintable(error));
            return nullptr;
        }
        return storage;
    }

    void run(void (*check)(Storage &))
    {
        auto storage = openStorage();
        QVERIFY(storage);
        check(*storage);
    }

    static void expectOpenFailure(const QString &dir, const QString &fragment)
    {
        SqliteStorage storage(dir);
        QString error;
        QVERIFY(!storage.open(&error));
        QVERIFY2(error.contains(fragment), qPrintable(error));
        QVERIFY(!storage.isReady());
        QCOMPARE(writeAndWait(storage, setOp("k", "v")).status, WriteStatus::StorageFailed);
        QCOMPARE(getAndWait(storage, "k").status, WriteStatus::StorageFailed);
        QCOMPARE(rangeAndWait(storage, "a", "z", 1).status, WriteStatus::StorageFailed);
    }

    /** Records in a copy of the database file made without its WAL: what was checkpointed. */
    int recordsInDatabaseFileAlone(const QString &file) const
    {
        const QString copy = m_dir->filePath(QStringLiteral("copy/alone.sqlite3"));
        QDir().mkpath(QFileInfo(copy).path());
        for (const QString &stale :
             QStringList { copy, copy + QStringLiteral("-wal"), copy + QStringLiteral("-shm") })
            QFile::remove(stale);
        if (!QFile::copy(file, copy))
            return -1;
        return recordsIn(copy);
    }

    static int recordsIn(const QString &file)
    {
        const QVariantList count = querySql(file, QStringLiteral("SELECT count(*) FROM records"));
        return count.size() == 1 ? count.first().toInt() : -1;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestSqliteStorage)
#include "tst_sqlitestorage.moc"

// SPDX-License-Identifier: MIT
// docs/security.md: a Redis that loses its data (restarted without persistence, or a counter
// set back) must not make dayboard hand out a revision twice.
#include "../storage/storagecontract.h"
#include "rediscommand.h"
#include "redisserver.h"
#include "storage/redisstorage.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace contract;

class TestRedisRevisions : public QObject
{
    Q_OBJECT

private slots:
    /** Redis without persistence restarts empty: revisions still only grow. */
    void restartWithoutPersistenceKeepsRevisionsGrowing()
    {
        RedisServer redis;
        redis.setPersistent(false);
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        auto storage = openStorage(redis, "volatile:");
        QVERIFY(storage);

        qint64 highest = 0;
        for (int i = 0; i < 20; ++i) {
            const WriteResult result = writeAndWait(*storage, setOp("k" + QByteArray::number(i % 5), "v"));
            QCOMPARE(result.status, WriteStatus::Ok);
            highest = result.revision;
        }
        QCOMPARE(highest, 20);

        QSignalSpy ready(storage.get(), &Storage::readyChanged);
        QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 30000); // lost, then back
        QVERIFY(storage->isReady());
        QVERIFY(!getAndWait(*storage, "k0").record); // the data really is gone

        QList<qint64> after;
        for (const WriteOp &op :
             { setOp("k0", "again"), patchOp("k1", "x"), incrementOp("n", 1), setOp("k2", "y") }) {
            const WriteResult result = writeAndWait(*storage, op);
            QCOMPARE(result.status, WriteStatus::Ok);
            after.append(result.revision);
        }
        QVERIFY2(after.first() > highest, qPrintable(QString::number(after.first())));
        for (qsizetype i = 1; i < after.size(); ++i)
            QVERIFY(after.at(i) > after.at(i - 1));

        // An instance that opens afterwards continues from there too (the counter moved).
        auto late = openStorage(redis, "volatile:");
        QVERIFY(late);
        QVERIFY(writeAndWait(*late, setOp("k3", "z")).revision > after.last());
    }

    /** A counter behind a stored record (set back by hand, a partial restore) is moved past it. */
    void counterBehindARecordIsMovedPastIt()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        auto storage = openStorage(redis, "behind:");
        QVERIFY(storage);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(writeAndWait(*storage, setOp("doc", QByteArray::number(i))).status, WriteStatus::Ok);
        const qint64 stored = getAndWait(*storage, "doc").record->revision;
        QCOMPARE(stored, 10);

        // A fresh instance has seen nothing: only the record itself tells the counter is behind.
        auto fresh = openStorage(redis, "behind:");
        QVERIFY(fresh);
        QCOMPARE(redisCommand(redis, { "SET", "{behind:}rev", "3" }), QList<QByteArray> { "OK" });
        const WriteResult patched = writeAndWait(*fresh, patchOp("doc", "-more"));
        QCOMPARE(patched.status, WriteStatus::Ok);
        QVERIFY2(patched.revision > stored, qPrintable(QString::number(patched.revision)));
    }

private:
    static std::unique_ptr<RedisStorage> openStorage(const RedisServer &redis, const QByteArray &prefix)
    {
        QString error;
        const std::optional<RedisConfig> config = RedisConfig::parse(redis.url(), prefix, &error);
        if (!config)
            return nullptr;
        auto storage = std::make_unique<RedisStorage>(*config);
        storage->setTiming({ 10, 80, 5000, 10000 });
        if (!storage->open(&error)) {
            qWarning() << error;
            return nullptr;
        }
        return storage;
    }
};

QTEST_GUILESS_MAIN(TestRedisRevisions)
#include "tst_redisrevisions.moc"

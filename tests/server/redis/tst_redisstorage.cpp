// SPDX-License-Identifier: MIT
#include "../storage/storagecontract.h"
#include "rediscommand.h"
#include "redisserver.h"
#include "storage/redisstorage.h"

#include <QSignalSpy>
#include <QTest>
#include <hiredis/hiredis.h>
#include <memory>
#include <optional>

using namespace contract;

/**
 * @brief RedisStorage through the Storage interface against real redis-server processes:
 * the shared contract, two instances on one Redis, concurrent compare-and-set, and a Redis
 * that is killed and restarted.
 */
class TestRedisStorage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString())); }

    void opensAndSharesTheTokenSecret()
    {
        const QByteArray prefix = freshPrefix();
        auto a = openStorage(prefix);
        auto b = openStorage(prefix);
        auto other = openStorage(freshPrefix());
        QVERIFY(a && b && other);
        QVERIFY(a->isReady());
        QCOMPARE(a->sharedTokenSecret().size(), 64);
        QCOMPARE(b->sharedTokenSecret(), a->sharedTokenSecret());
        QVERIFY(other->sharedTokenSecret() != a->sharedTokenSecret());
    }

    void openFailsClearlyWhenRedisIsUnreachable()
    {
        RedisServer gone;
        QVERIFY2(gone.start(), qPrintable(gone.errorString()));
        const QString url = gone.url();
        gone.kill();
        RedisStorage storage(*RedisConfig::parse(url, "x:", nullptr));
        // A deadline that never comes: open() can only return because the refusal ended it.
        storage.setTiming({ 10, 80, 5000, 24 * 3600 * 1000 });
        QString error;
        QVERIFY(!storage.open(&error));
        QVERIFY2(error.contains(QStringLiteral("127.0.0.1:%1").arg(gone.port())), qPrintable(error));
        // And it says so (not "no answer in time").
        QVERIFY2(error.contains(u"refused", Qt::CaseInsensitive), qPrintable(error));
        QVERIFY(!storage.isReady());
        QCOMPARE(writeAndWait(storage, setOp("k", "v")).status, WriteStatus::Unavailable);
    }

    void worksAsAnAclUserLimitedToItsPrefix()
    {
        // The ACL line docs/scaling.md recommends, for the prefix "acl:".
        const QList<QByteArray> rules
            = QByteArray("on >pw ~{acl:}* &{acl:}* +ping +auth +select +hmget +get +set +evalsha +eval "
                         "+script|load +subscribe +publish +zrangebylex +zadd +zrem +hset +del +incr")
                  .split(' ');
        redisCommand(m_redis, QList<QByteArray> { "ACL", "SETUSER", "dayboard" } + rules);
        const QString url = QStringLiteral("redis://dayboard:pw@127.0.0.1:%1").arg(m_redis.port());
        RedisStorage storage(*RedisConfig::parse(url, "acl:", nullptr));
        QString error;
        QVERIFY2(storage.open(&error), qPrintable(error));
        checkSetGetDelete(storage);
        checkRange(storage);
        checkChangedSignal(storage);

        RedisStorage wrongPassword(*RedisConfig::parse(
            QStringLiteral("redis://dayboard:nope@127.0.0.1:%1").arg(m_redis.port()), "acl:", nullptr));
        QVERIFY(!wrongPassword.open(&error));
        QVERIFY2(error.contains(u"AUTH") && !error.contains(u"nope"), qPrintable(error));
        RedisStorage otherPrefix(*RedisConfig::parse(url, "other:", nullptr));
        QVERIFY(!otherPrefix.open(&error));
        QVERIFY2(error.contains(u"NOPERM"), qPrintable(error));
    }

    void resolvesHostNamesAndReportsUnknownOnes()
    {
        RedisStorage byName(*RedisConfig::parse(QStringLiteral("redis://localhost:%1").arg(m_redis.port()),
                                                freshPrefix(), nullptr));
        QString error;
        QVERIFY2(byName.open(&error), qPrintable(error));
        QCOMPARE(writeAndWait(byName, setOp("k", "v")).status, WriteStatus::Ok);

        RedisStorage unknown(
            *RedisConfig::parse(QStringLiteral("redis://no-such-host.invalid"), freshPrefix(), nullptr));
        QVERIFY(!unknown.open(&error));
        QVERIFY2(error.contains(u"no-such-host.invalid"), qPrintable(error));
    }

    void setGetDelete() { runContract(checkSetGetDelete); }
    void patchAndIncrement() { runContract(checkPatchAndIncrement); }
    void compareAndSwap() { runContract(checkCompareAndSwap); }
    void rangeOrderLimitTruncated() { runContract(checkRange); }
    void revisionsNeverRepeat() { runContract(checkRevisionsNeverRepeat); }
    void producedValueLimit() { runContract(checkProducedValueLimit); }
    void changedOncePerCommittedWrite() { runContract(checkChangedSignal); }

    void patchKeepsMemberOrder()
    {
        auto storage = openStorage(freshPrefix());
        QVERIFY(storage);
        QCOMPARE(writeAndWait(*storage, setOp("doc", R"({"b":1,"a":{"x":1},"d":[1]})")).status,
                 WriteStatus::Ok);
        const WriteResult patched
            = writeAndWait(*storage, patchOp("doc", R"({"a":{"y":2},"c":3,"b":null,"d":[2]})"));
        QCOMPARE(patched.status, WriteStatus::Ok);
        QCOMPARE(*patched.value, QByteArray(R"({"a":{"x":1,"y":2},"d":[2],"c":3})"));
        QCOMPARE(getAndWait(*storage, "doc").record->value, *patched.value);
        // Not both objects: the patch text is appended.
        QCOMPARE(writeAndWait(*storage, setOp("text", "abc")).status, WriteStatus::Ok);
        QCOMPARE(*writeAndWait(*storage, patchOp("text", "def")).value, QByteArray("abcdef"));
        // Missing key: stored as given.
        QCOMPARE(*writeAndWait(*storage, patchOp("fresh", R"({"n":1})")).value, QByteArray(R"({"n":1})"));
    }

    void guardedPatchAndDeleteConflict()
    {
        auto storage = openStorage(freshPrefix());
        QVERIFY(storage);
        const WriteResult created = writeAndWait(*storage, setOp("k", R"({"a":1})"));
        WriteOp patch = patchOp("k", R"({"b":1})");
        patch.ifRevision = created.revision + 5;
        const WriteResult conflict = writeAndWait(*storage, patch);
        QCOMPARE(conflict.status, WriteStatus::Conflict);
        QCOMPARE(conflict.revision, created.revision);
        QCOMPARE(conflict.value, std::optional<QByteArray>(R"({"a":1})"));
        patch.ifRevision = created.revision;
        QCOMPARE(writeAndWait(*storage, patch).status, WriteStatus::Ok);
        QCOMPARE(writeAndWait(*storage, deleteOp("k", created.revision)).status, WriteStatus::Conflict);
        QCOMPARE(writeAndWait(*storage, deleteOp("k", created.revision + 1)).status, WriteStatus::Ok);
        QCOMPARE(writeAndWait(*storage, incrementOp("k", 1)).value, std::optional<QByteArray>("1"));
    }

    void storesUnderOneHashTag()
    {
        const QByteArray prefix = freshPrefix();
        auto storage = openStorage(prefix);
        QVERIFY(storage);
        QCOMPARE(writeAndWait(*storage, setOp(QByteArray("a\0b", 3), "v")).status, WriteStatus::Ok);
        const QList<QByteArray> keys = redisCommand(m_redis, { "KEYS", "{" + prefix + "}*" });
        QCOMPARE(keys.size(), 4); // record, index, counter, token secret
        const QByteArray base = '{' + prefix + '}';
        QVERIFY(keys.contains(base + "r:" + QByteArray("a\0b", 3)));
        QVERIFY(keys.contains(base + "idx"));
        QVERIFY(keys.contains(base + "rev"));
        QVERIFY(keys.contains(base + "token-secret"));
        // Nothing outside the deployment's tag.
        QCOMPARE(redisCommand(m_redis, { "KEYS", "*" + prefix + "*" }).size(), 4);
    }

    void answersAsynchronously()
    {
        auto storage = openStorage(freshPrefix());
        QVERIFY(storage);
        bool answered = false;
        storage->write(setOp("k", "v"),
                       [&](const WriteResult &r) { answered = r.status == WriteStatus::Ok; });
        QVERIFY(!answered); // the event loop is free while Redis works
        QTRY_VERIFY(answered);
    }

    void flushWaitsForEveryWrite()
    {
        auto storage = openStorage(freshPrefix());
        QVERIFY(storage);
        int done = 0;
        for (int i = 0; i < 50; ++i)
            storage->write(incrementOp("n", 1),
                           [&](const WriteResult &r) { done += r.status == WriteStatus::Ok; });
        storage->flush();
        QCOMPARE(done, 50);
        QCOMPARE(getAndWait(*storage, "n").record->value, QByteArray("50"));
    }

    void survivesScriptFlush()
    {
        auto storage = openStorage(freshPrefix());
        QVERIFY(storage);
        redisCommand(m_redis, { "SCRIPT", "FLUSH" });
        QCOMPARE(writeAndWait(*storage, setOp("k", "v")).status, WriteStatus::Ok);
        QCOMPARE(rangeAndWait(*storage, "a", "z", 10).records.size(), 1);
    }

    void writeOnOneInstanceNotifiesEveryInstanceOnce()
    {
        const QByteArray prefix = freshPrefix();
        auto a = openStorage(prefix);
        auto b = openStorage(prefix);
        auto elsewhere = openStorage(freshPrefix());
        QVERIFY(a && b && elsewhere);
        QSignalSpy onA(a.get(), &Storage::changed);
        QSignalSpy onB(b.get(), &Storage::changed);
        QSignalSpy onElsewhere(elsewhere.get(), &Storage::changed);

        const WriteResult written = writeAndWait(*a, setOp("todos-20261122", "[1]"));
        QTRY_COMPARE(onB.size(), 1);
        const Change change = onB.at(0).at(0).value<Change>();
        QCOMPARE(change.key, QByteArray("todos-20261122"));
        QCOMPARE(change.value, std::optional<QByteArray>("[1]"));
        QCOMPARE(change.revision, written.revision);
        QTRY_COMPARE(onA.size(), 1);

        QCOMPARE(writeAndWait(*b, deleteOp("todos-20261122")).status, WriteStatus::Ok);
        QTRY_COMPARE(onA.size(), 2);
        QCOMPARE(onA.at(1).at(0).value<Change>().value, std::optional<QByteArray>());
        // A marker write: once it arrived, any duplicate of the earlier ones would have too.
        QCOMPARE(writeAndWait(*a, setOp("marker", "x")).status, WriteStatus::Ok);
        QTRY_COMPARE(onB.size(), 3);
        QTRY_COMPARE(onA.size(), 3);
        QCOMPARE(onB.at(2).at(0).value<Change>().key, QByteArray("marker"));
        QCOMPARE(onElsewhere.size(), 0);
        QVERIFY(!getAndWait(*elsewhere, "marker").record);
    }

    void concurrentCompareAndSetIncrementsAcrossInstances()
    {
        const QByteArray prefix = freshPrefix();
        auto a = openStorage(prefix);
        auto b = openStorage(prefix);
        QVERIFY(a && b);
        constexpr int clients = 20;
        constexpr int incrementsEach = 5;
        int finished = 0;
        int conflicts = 0;
        std::function<void(Storage *, int)> increment = [&](Storage *storage, int left) {
            if (left == 0) {
                ++finished;
                return;
            }
            // Read, then SET guarded by the revision read: a lost race is a 409, so retry.
            storage->get("counter", [&, storage, left](const ReadResult &read) {
                QCOMPARE(read.status, WriteStatus::Ok);
                const qint64 value = read.record ? read.record->value.toLongLong() : 0;
                const qint64 revision = read.record ? read.record->revision : 0;
                storage->write(setOp("counter", QByteArray::number(value + 1), revision),
                               [&, storage, left](const WriteResult &r) {
                    if (r.status == WriteStatus::Conflict) {
                        ++conflicts;
                        increment(storage, left);
                    } else {
                        QCOMPARE(r.status, WriteStatus::Ok);
                        increment(storage, left - 1);
                    }
                });
            });
        };
        for (int i = 0; i < clients; ++i)
            increment(i % 2 ? a.get() : b.get(), incrementsEach);
        QTRY_COMPARE_WITH_TIMEOUT(finished, clients, 60000);
        QCOMPARE(getAndWait(*a, "counter").record->value, QByteArray::number(clients * incrementsEach));
        QVERIFY2(conflicts > 0, "the clients never raced; the test proves nothing");
        qInfo("%d conflicts retried", conflicts);

        // ATOMIC and PATCH plan in C++ and retry a lost compare-and-set internally.
        int atomicDone = 0;
        for (int i = 0; i < clients * incrementsEach; ++i) {
            (i % 2 ? a : b)->write(incrementOp("atomic", 1), [&](const WriteResult &r) {
                QCOMPARE(r.status, WriteStatus::Ok);
                ++atomicDone;
            });
            (i % 2 ? b : a)
                ->write(patchOp("doc", "{\"k" + QByteArray::number(i) + "\":1}"), [&](const WriteResult &r) {
                    QCOMPARE(r.status, WriteStatus::Ok);
                    ++atomicDone;
                });
        }
        QTRY_COMPARE_WITH_TIMEOUT(atomicDone, 2 * clients * incrementsEach, 60000);
        QCOMPARE(getAndWait(*b, "atomic").record->value, QByteArray::number(clients * incrementsEach));
        const QByteArray doc = getAndWait(*b, "doc").record->value;
        for (int i = 0; i < clients * incrementsEach; ++i)
            QVERIFY2(doc.contains(QByteArray("\"k" + QByteArray::number(i) + "\":1")), doc.constData());
    }

    void redisKilledAndRestarted()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        const QByteArray prefix = freshPrefix();
        auto a = openStorage(prefix, redis);
        auto b = openStorage(prefix, redis);
        QVERIFY(a && b);
        QSignalSpy ready(a.get(), &Storage::readyChanged);
        QSignalSpy lost(a.get(), &Storage::changesMayBeLost);
        QSignalSpy changesOnB(b.get(), &Storage::changed);

        // Writes in flight when Redis dies: each is either acknowledged (and then must survive)
        // or fails: not sent (Unavailable) or sent with its answer lost (OutcomeUnknown).
        QMap<QByteArray, QByteArray> acknowledged;
        int answered = 0;
        int failed = 0;
        int unknown = 0;
        constexpr int writes = 300;
        for (int i = 0; i < writes; ++i) {
            const QByteArray key = "key-" + QByteArray::number(i).rightJustified(4, '0');
            const QByteArray value = "value-" + QByteArray::number(i);
            a->write(setOp(key, value), [&, key, value](const WriteResult &r) {
                ++answered;
                if (r.status == WriteStatus::Ok)
                    acknowledged.insert(key, value);
                failed += r.status == WriteStatus::Unavailable || r.status == WriteStatus::OutcomeUnknown;
                unknown += r.status == WriteStatus::OutcomeUnknown;
                if (answered == 50)
                    redis.kill();
            });
        }
        QTRY_COMPARE(answered, writes);
        QCOMPARE(acknowledged.size() + failed, writes);
        QVERIFY(!a->isReady());
        QTRY_VERIFY(!b->isReady());
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.at(0).at(0).toBool(), false);
        QVERIFY(acknowledged.size() >= 50);
        qInfo("%lld acknowledged before the kill, %d failed (%d of them sent, outcome unknown)",
              qlonglong(acknowledged.size()), failed, unknown);

        // While down: every request fails at once, inside the call (nothing is sent, no
        // timeout is waited for).
        std::optional<WriteStatus> during, read, ranged;
        a->write(setOp("during", "x"), [&](const WriteResult &r) { during = r.status; });
        b->get("key-0000", [&](const ReadResult &r) { read = r.status; });
        a->range("a", "z", 10, [&](const RangeResult &r) { ranged = r.status; });
        QCOMPARE(during, std::optional(WriteStatus::Unavailable));
        QCOMPARE(read, std::optional(WriteStatus::Unavailable));
        QCOMPARE(ranged, std::optional(WriteStatus::Unavailable));

        QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(a->isReady() && b->isReady(), 30000);
        QCOMPARE(ready.size(), 2);
        QCOMPARE(ready.at(1).at(0).toBool(), true);
        QCOMPARE(lost.size(), 1);

        const RangeResult all = rangeAndWait(*b, "key-", "key-9999", 1000);
        QCOMPARE(all.status, WriteStatus::Ok);
        QMap<QByteArray, QByteArray> stored;
        for (const KeyedRecord &record : all.records)
            stored.insert(record.key, record.record.value);
        for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it)
            QVERIFY2(stored.value(it.key()) == it.value(), it.key().constData());
        QVERIFY(!getAndWait(*a, "during").record);

        // Notifications flow again, and revisions go on from where they were.
        const qint64 before = changesOnB.size();
        const WriteResult after = writeAndWait(*a, setOp("after", "y"));
        QCOMPARE(after.status, WriteStatus::Ok);
        for (const KeyedRecord &record : all.records)
            QVERIFY(after.revision > record.record.revision);
        QTRY_COMPARE(changesOnB.size(), before + 1);
    }

    void reconnectsWithBackoffWhileRedisStaysDown()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        auto storage = openStorage(freshPrefix(), redis);
        QVERIFY(storage);
        redis.kill();
        QTRY_VERIFY(!storage->isReady());
        // Several attempts (10, 20, 40, 80, 80 ms apart) fail while Redis stays down; the
        // storage still comes back as soon as Redis does.
        QTRY_VERIFY(storage->failedConnectAttempts() >= 4);
        QVERIFY(!storage->isReady());
        QCOMPARE(writeAndWait(*storage, setOp("k", "v")).status, WriteStatus::Unavailable);
        QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(storage->isReady(), 30000);
        QCOMPARE(storage->failedConnectAttempts(), 0);
        QCOMPARE(writeAndWait(*storage, setOp("k", "v")).status, WriteStatus::Ok);
    }

    void frozenRedisTimesOut()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        auto storage = openStorage(freshPrefix(), redis);
        QVERIFY(storage);
        storage->setTiming({ 10, 80, 500, 10000 });
        QCOMPARE(writeAndWait(*storage, setOp("k", "v")).status, WriteStatus::Ok);
        redis.pause();
        // The connection stays open but nothing answers: only the command timeout (500 ms here)
        // can end the write, and it does so with OutcomeUnknown (Redis may still run the script
        // it received once it wakes up). Without the timeout writeAndWait would give up with
        // "test: no answer" (Unavailable) while Redis is still paused.
        const WriteResult stuck = writeAndWait(*storage, setOp("k", "w"));
        QCOMPARE(stuck.status, WriteStatus::OutcomeUnknown);
        QVERIFY(!storage->isReady());
        redis.resume();
        QTRY_VERIFY_WITH_TIMEOUT(storage->isReady(), 30000);
        const ReadResult read = getAndWait(*storage, "k");
        QCOMPARE(read.status, WriteStatus::Ok);
        QVERIFY(read.record);
    }

private:
    QByteArray freshPrefix() { return "t" + QByteArray::number(++m_prefixes) + ':'; }

    std::unique_ptr<RedisStorage> openStorage(const QByteArray &prefix, const RedisServer &redis)
    {
        QString error;
        const std::optional<RedisConfig> config = RedisConfig::parse(redis.url(), prefix, &error);
        if (!config) {
            qWarning() << error;
            return nullptr;
        }
        auto storage = std::make_unique<RedisStorage>(*config);
        storage->setTiming({ 10, 80, 5000, 10000 });
        if (!storage->open(&error)) {
            qWarning() << error;
            return nullptr;
        }
        return storage;
    }
    std::unique_ptr<RedisStorage> openStorage(const QByteArray &prefix)
    {
        return openStorage(prefix, m_redis);
    }

    void runContract(void (*check)(Storage &))
    {
        auto storage = openStorage(freshPrefix());
        QVERIFY(storage);
        check(*storage);
    }

    RedisServer m_redis;
    int m_prefixes = 0;
};

QTEST_GUILESS_MAIN(TestRedisStorage)
#include "tst_redisstorage.moc"

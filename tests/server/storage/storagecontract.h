// SPDX-License-Identifier: MIT
#pragma once

// Checks every Storage backend must pass, shared by tst_memorystorage and tst_sqlitestorage.
// Each check is a void function using QCOMPARE/QVERIFY; callers return when a check failed.

#include "core/storage.h"

#include <QSignalSpy>
#include <QTest>
#include <optional>

namespace contract {

inline WriteOp setOp(const QByteArray &key, const QByteArray &value, std::optional<qint64> ifRevision = {})
{
    WriteOp op;
    op.kind = WriteKind::Set;
    op.key = key;
    op.value = value;
    op.ifRevision = ifRevision;
    return op;
}

inline WriteOp patchOp(const QByteArray &key, const QByteArray &patch)
{
    WriteOp op = setOp(key, patch);
    op.kind = WriteKind::Patch;
    return op;
}

inline WriteOp deleteOp(const QByteArray &key, std::optional<qint64> ifRevision = {})
{
    WriteOp op;
    op.kind = WriteKind::Delete;
    op.key = key;
    op.ifRevision = ifRevision;
    return op;
}

inline WriteOp incrementOp(const QByteArray &key, qint64 delta)
{
    WriteOp op;
    op.kind = WriteKind::Increment;
    op.key = key;
    op.delta = delta;
    return op;
}

constexpr int waitMs = 30000;

inline WriteResult writeAndWait(Storage &storage, const WriteOp &op)
{
    std::optional<WriteResult> result;
    storage.write(op, [&result](const WriteResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, waitMs))
        return WriteResult { WriteStatus::Unavailable, 0, std::nullopt, QStringLiteral("test: no answer") };
    return *result;
}

inline ReadResult getAndWait(Storage &storage, const QByteArray &key)
{
    std::optional<ReadResult> result;
    storage.get(key, [&result](const ReadResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, waitMs))
        return ReadResult { std::nullopt, WriteStatus::Unavailable, QStringLiteral("test: no answer") };
    return *result;
}

inline RangeResult rangeAndWait(Storage &storage, const QByteArray &first, const QByteArray &last, int limit)
{
    std::optional<RangeResult> result;
    storage.range(first, last, limit, [&result](const RangeResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, waitMs))
        return RangeResult { {}, false, WriteStatus::Unavailable, QStringLiteral("test: no answer") };
    return *result;
}

inline QList<QByteArray> keysOf(const RangeResult &result)
{
    QList<QByteArray> keys;
    for (const KeyedRecord &record : result.records)
        keys.append(record.key);
    return keys;
}

/** SET, GET, DELETE through the interface, with results and revisions. */
inline void checkSetGetDelete(Storage &storage)
{
    const WriteResult set = writeAndWait(storage, setOp("todos-20261122", "[1]"));
    QCOMPARE(set.status, WriteStatus::Ok);
    QVERIFY(set.revision > 0);
    QCOMPARE(set.value, std::optional<QByteArray>("[1]"));

    const ReadResult read = getAndWait(storage, "todos-20261122");
    QCOMPARE(read.status, WriteStatus::Ok);
    QVERIFY(read.record.has_value());
    QCOMPARE(read.record->value, QByteArray("[1]"));
    QCOMPARE(read.record->revision, set.revision);

    const WriteResult overwrite = writeAndWait(storage, setOp("todos-20261122", "[2]"));
    QCOMPARE(overwrite.status, WriteStatus::Ok);
    QVERIFY(overwrite.revision > set.revision);

    const WriteResult removed = writeAndWait(storage, deleteOp("todos-20261122"));
    QCOMPARE(removed.status, WriteStatus::Ok);
    QVERIFY(removed.revision > overwrite.revision);
    QCOMPARE(removed.value, std::optional<QByteArray>());

    const ReadResult gone = getAndWait(storage, "todos-20261122");
    QCOMPARE(gone.status, WriteStatus::Ok);
    QVERIFY(!gone.record.has_value());

    const WriteResult missing = writeAndWait(storage, deleteOp("todos-20261122"));
    QCOMPARE(missing.status, WriteStatus::NotFound);
}

/** PATCH and ATOMIC go through planWrite in every backend. */
inline void checkPatchAndIncrement(Storage &storage)
{
    QCOMPARE(writeAndWait(storage, setOp("doc", R"({"a":1})")).status, WriteStatus::Ok);
    const WriteResult patched = writeAndWait(storage, patchOp("doc", R"({"b":2})"));
    QCOMPARE(patched.status, WriteStatus::Ok);
    QCOMPARE(patched.value, std::optional<QByteArray>(R"({"a":1,"b":2})"));
    QCOMPARE(getAndWait(storage, "doc").record->value, QByteArray(R"({"a":1,"b":2})"));

    const WriteResult started = writeAndWait(storage, incrementOp("counter", 5));
    QCOMPARE(started.status, WriteStatus::Ok);
    QCOMPARE(started.value, std::optional<QByteArray>("5"));
    const WriteResult down = writeAndWait(storage, incrementOp("counter", -7));
    QCOMPARE(down.value, std::optional<QByteArray>("-2"));
    QCOMPARE(getAndWait(storage, "counter").record->value, QByteArray("-2"));

    const WriteResult notNumeric = writeAndWait(storage, incrementOp("doc", 1));
    QCOMPARE(notNumeric.status, WriteStatus::NotNumeric);
    QCOMPARE(getAndWait(storage, "doc").record->value, QByteArray(R"({"a":1,"b":2})"));
}

/** ifRevision compare-and-swap: 0 means "only if absent"; a conflict reports the current state. */
inline void checkCompareAndSwap(Storage &storage)
{
    const WriteResult created = writeAndWait(storage, setOp("cas", "v1", 0));
    QCOMPARE(created.status, WriteStatus::Ok);

    const WriteResult again = writeAndWait(storage, setOp("cas", "v2", 0));
    QCOMPARE(again.status, WriteStatus::Conflict);
    QCOMPARE(again.revision, created.revision);
    QCOMPARE(again.value, std::optional<QByteArray>("v1"));

    const WriteResult stale = writeAndWait(storage, setOp("cas", "v2", created.revision + 100));
    QCOMPARE(stale.status, WriteStatus::Conflict);

    const WriteResult swapped = writeAndWait(storage, setOp("cas", "v2", created.revision));
    QCOMPARE(swapped.status, WriteStatus::Ok);
    QCOMPARE(getAndWait(storage, "cas").record->value, QByteArray("v2"));

    const WriteResult absentConflict = writeAndWait(storage, deleteOp("never-there", 3));
    QVERIFY(absentConflict.status == WriteStatus::Conflict || absentConflict.status == WriteStatus::NotFound);
    QCOMPARE(absentConflict.value, std::optional<QByteArray>());
}

/** Byte-wise order, inclusive ends, limit and `truncated` exactly when more records exist. */
inline void checkRange(Storage &storage)
{
    // "\xc3\xa9" (é) sorts after every ASCII byte; "a\0" sorts between "a" and "a0".
    const QList<QByteArray> keys { QByteArray("b"),        QByteArray("a0"), QByteArray("a\0", 2),
                                   QByteArray("\xc3\xa9"), QByteArray("a"),  QByteArray("B"),
                                   QByteArray("c") };
    for (const QByteArray &key : keys)
        QCOMPARE(writeAndWait(storage, setOp(key, "v-" + key)).status, WriteStatus::Ok);

    const RangeResult all = rangeAndWait(storage, QByteArray("\0", 1), "\xff", 100);
    QCOMPARE(all.status, WriteStatus::Ok);
    const QList<QByteArray> expected { QByteArray("B"),       QByteArray("a"), QByteArray("a\0", 2),
                                       QByteArray("a0"),      QByteArray("b"), QByteArray("c"),
                                       QByteArray("\xc3\xa9") };
    QCOMPARE(keysOf(all), expected);
    QCOMPARE(all.truncated, false);
    QCOMPARE(all.records.first().record.value, QByteArray("v-B"));

    const RangeResult inclusive = rangeAndWait(storage, "a", "b", 100);
    QCOMPARE(keysOf(inclusive), (QList<QByteArray> { "a", QByteArray("a\0", 2), "a0", "b" }));
    QCOMPARE(inclusive.truncated, false);

    const RangeResult limited = rangeAndWait(storage, "a", "b", 2);
    QCOMPARE(keysOf(limited), (QList<QByteArray> { "a", QByteArray("a\0", 2) }));
    QCOMPARE(limited.truncated, true);

    const RangeResult exact = rangeAndWait(storage, "a", "b", 4);
    QCOMPARE(exact.records.size(), 4);
    QCOMPARE(exact.truncated, false);

    const RangeResult empty = rangeAndWait(storage, "d", "z", 10);
    QVERIFY(empty.records.isEmpty());
    QCOMPARE(empty.truncated, false);

    const RangeResult reversed = rangeAndWait(storage, "c", "a", 10);
    QVERIFY(reversed.records.isEmpty());
    QCOMPARE(reversed.truncated, false);

    const RangeResult single = rangeAndWait(storage, "c", "c", 1);
    QCOMPARE(keysOf(single), QList<QByteArray> { "c" });
    QCOMPARE(single.truncated, false);
}

/**
 * The value size limit is on the value a write produces: a PATCH that would grow a value past
 * it (by appending or by merging) is refused, and the refused write changes nothing.
 */
inline void checkProducedValueLimit(Storage &storage)
{
    constexpr qsizetype limit = 102400; // RequestParser::maxValueBytes
    const QByteArray half(limit / 2 + 1, 'a');
    QSignalSpy spy(&storage, &Storage::changed);
    const WriteResult first = writeAndWait(storage, setOp("big", half));
    QCOMPARE(first.status, WriteStatus::Ok);

    const WriteResult appended = writeAndWait(storage, patchOp("big", half)); // not JSON objects: appends
    QCOMPARE(appended.status, WriteStatus::Invalid);
    QVERIFY2(appended.detail.contains(QStringLiteral("longer than")), qPrintable(appended.detail));
    const ReadResult afterAppend = getAndWait(storage, "big");
    QCOMPARE(afterAppend.record->value, half);
    QCOMPARE(afterAppend.record->revision, first.revision);

    const QByteArray object = "{\"a\":\"" + QByteArray(limit / 2, 'x') + "\"}";
    const WriteResult doc = writeAndWait(storage, setOp("doc", object));
    QCOMPARE(doc.status, WriteStatus::Ok);
    const QByteArray patch = "{\"b\":\"" + QByteArray(limit / 2, 'y') + "\"}";
    const WriteResult merged = writeAndWait(storage, patchOp("doc", patch));
    QCOMPARE(merged.status, WriteStatus::Invalid);
    QCOMPARE(getAndWait(storage, "doc").record->value, object);

    // Exactly at the limit is still fine, and a refused write took no revision.
    const WriteResult fits = writeAndWait(storage, patchOp("big", QByteArray(limit - half.size(), 'b')));
    QCOMPARE(fits.status, WriteStatus::Ok);
    QCOMPARE(fits.value->size(), limit);
    QCOMPARE(fits.revision, doc.revision + 1);
    // Notified: the two SETs and the fitting PATCH, nothing for the refused ones.
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, waitMs);
    QCOMPARE(spy.at(2).at(0).value<Change>().key, QByteArray("big"));
    QCOMPARE(spy.at(2).at(0).value<Change>().revision, fits.revision);
}

/** One global counter: strictly increasing, never reused after delete and re-create. */
inline void checkRevisionsNeverRepeat(Storage &storage)
{
    qint64 last = 0;
    QList<qint64> seen;
    const QList<WriteOp> ops { setOp("x", "1"), setOp("y", "1"), deleteOp("x"),       setOp("x", "2"),
                               deleteOp("x"),   setOp("x", "3"), incrementOp("n", 1), deleteOp("y") };
    for (const WriteOp &op : ops) {
        const WriteResult result = writeAndWait(storage, op);
        QCOMPARE(result.status, WriteStatus::Ok);
        QVERIFY2(result.revision > last, qPrintable(QString::number(result.revision)));
        last = result.revision;
    }
    QCOMPARE(getAndWait(storage, "x").record->revision, last - 2);

    // A failed write takes no revision.
    QCOMPARE(writeAndWait(storage, deleteOp("y")).status, WriteStatus::NotFound);
    QCOMPARE(writeAndWait(storage, setOp("z", "1")).revision, last + 1);
}

/** `changed` once per committed write with the right key/value/revision; none for failed writes. */
inline void checkChangedSignal(Storage &storage)
{
    QSignalSpy spy(&storage, &Storage::changed);
    const WriteResult set = writeAndWait(storage, setOp("k", "one"));
    const WriteResult conflict = writeAndWait(storage, setOp("k", "two", 0));
    QCOMPARE(conflict.status, WriteStatus::Conflict);
    const WriteResult removed = writeAndWait(storage, deleteOp("k"));
    QCOMPARE(writeAndWait(storage, deleteOp("k")).status, WriteStatus::NotFound);
    QCOMPARE(writeAndWait(storage, incrementOp("k", 3)).status, WriteStatus::Ok);

    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, waitMs);
    const qint64 before = QDateTime::currentMSecsSinceEpoch() - 60'000;
    const Change first = spy.at(0).at(0).value<Change>();
    QCOMPARE(first.key, QByteArray("k"));
    QCOMPARE(first.value, std::optional<QByteArray>("one"));
    QCOMPARE(first.revision, set.revision);
    QVERIFY(first.timestampMs > before);
    const Change second = spy.at(1).at(0).value<Change>();
    QCOMPARE(second.value, std::optional<QByteArray>());
    QCOMPARE(second.revision, removed.revision);
    const Change third = spy.at(2).at(0).value<Change>();
    QCOMPARE(third.value, std::optional<QByteArray>("3"));
    QCOMPARE(third.revision, removed.revision + 1);

    // Nothing more arrives later (e.g. a duplicate emission).
    writeAndWait(storage, setOp("other", "x"));
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 4, waitMs);
    QCOMPARE(spy.at(3).at(0).value<Change>().key, QByteArray("other"));
}

} // namespace contract

// SPDX-License-Identifier: MIT
#include "core/writerules.h"

#include <QTest>
#include <limits>

Q_DECLARE_METATYPE(WriteKind)
Q_DECLARE_METATYPE(WriteStatus)

namespace {
constexpr qint64 noRevision = -1;
constexpr qint64 int64Max = std::numeric_limits<qint64>::max();
constexpr qint64 int64Min = std::numeric_limits<qint64>::min();

QByteArray nestedObject(int depth)
{
    return QByteArray("{\"a\":").repeated(depth - 1) + "{}" + QByteArray("}").repeated(depth - 1);
}
} // namespace

class TestWriteRules : public QObject
{
    Q_OBJECT

private slots:
    void plan_data();
    void plan();
    void conflictChangesNothing();
};

void TestWriteRules::plan_data()
{
    QTest::addColumn<WriteKind>("kind");
    QTest::addColumn<bool>("exists");
    QTest::addColumn<QByteArray>("current");
    QTest::addColumn<qint64>("currentRevision");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("delta");
    QTest::addColumn<qint64>("ifRevision");
    QTest::addColumn<WriteStatus>("status");
    QTest::addColumn<bool>("remove");
    QTest::addColumn<QByteArray>("newValue");

    using K = WriteKind;
    using S = WriteStatus;
    auto row
        = [](const char *name, K kind, bool exists, QByteArray current, qint64 currentRevision,
             QByteArray value, qint64 delta, qint64 ifRevision, S status, bool remove, QByteArray newValue) {
        QTest::newRow(name) << kind << exists << current << currentRevision << value << delta << ifRevision
                            << status << remove << newValue;
    };

    // SET
    row("set missing", K::Set, false, {}, 0, "v", 0, noRevision, S::Ok, false, "v");
    row("set replaces", K::Set, true, "old", 3, "new", 0, noRevision, S::Ok, false, "new");
    row("set same value", K::Set, true, "v", 3, "v", 0, noRevision, S::Ok, false, "v");
    row("set object replaces, no merge", K::Set, true, R"({"a":1})", 3, R"({"b":2})", 0, noRevision, S::Ok,
        false, R"({"b":2})");

    // PATCH (docs/protocol.md §3)
    row("patch missing stores patch as-is", K::Patch, false, {}, 0, R"({ "a" : 1 })", 0, noRevision, S::Ok,
        false, R"({ "a" : 1 })");
    row("patch missing, non-JSON", K::Patch, false, {}, 0, "text", 0, noRevision, S::Ok, false, "text");
    row("patch objects merge", K::Patch, true, R"({"a":1,"b":2})", 1, R"({"b":3,"c":4})", 0, noRevision,
        S::Ok, false, R"({"a":1,"b":3,"c":4})");
    row("patch keeps order, appends", K::Patch, true, R"({"z":1,"a":2})", 1, R"({"m":3,"z":4})", 0,
        noRevision, S::Ok, false, R"({"z":4,"a":2,"m":3})");
    row("patch null removes", K::Patch, true, R"({"a":1,"b":2})", 1, R"({"a":null})", 0, noRevision, S::Ok,
        false, R"({"b":2})");
    row("patch deep merge", K::Patch, true, R"({"t":{"x":1,"y":{"p":1}}})", 1,
        R"({"t":{"y":{"q":2},"x":null}})", 0, noRevision, S::Ok, false, R"({"t":{"y":{"p":1,"q":2}}})");
    row("patch array replaced", K::Patch, true, R"({"a":[1,2]})", 1, R"({"a":[3]})", 0, noRevision, S::Ok,
        false, R"({"a":[3]})");
    row("patch compacts stored whitespace", K::Patch, true, "{ \"a\" : 1 ,\n \"b\" : [ 1 , 2 ] }", 1, "{}", 0,
        noRevision, S::Ok, false, R"({"a":1,"b":[1,2]})");
    row("patch string onto string appends", K::Patch, true, "abc", 1, "def", 0, noRevision, S::Ok, false,
        "abcdef");
    row("patch object onto string appends", K::Patch, true, "abc", 1, R"({"a":1})", 0, noRevision, S::Ok,
        false, R"(abc{"a":1})");
    row("patch string onto object appends", K::Patch, true, R"({"a":1})", 1, "x", 0, noRevision, S::Ok, false,
        R"({"a":1}x)");
    row("patch array onto array appends", K::Patch, true, "[1]", 1, "[2]", 0, noRevision, S::Ok, false,
        "[1][2]");
    row("patch object onto array appends", K::Patch, true, "[1]", 1, R"({"a":1})", 0, noRevision, S::Ok,
        false, R"([1]{"a":1})");
    row("patch onto broken JSON appends", K::Patch, true, "{broken", 1, R"({"a":1})", 0, noRevision, S::Ok,
        false, R"({broken{"a":1})");
    row("patch broken JSON appends", K::Patch, true, R"({"a":1})", 1, "{x", 0, noRevision, S::Ok, false,
        R"({"a":1}{x)");
    row("patch 128 levels merges", K::Patch, true, nestedObject(128), 1, R"({"b":1})", 0, noRevision, S::Ok,
        false, nestedObject(128).chopped(1) + R"(,"b":1})");
    row("patch stored 129 levels is invalid", K::Patch, true, nestedObject(129), 1, R"({"b":1})", 0,
        noRevision, S::Invalid, false, {});
    row("patch 129 levels is invalid", K::Patch, true, R"({"b":1})", 1, nestedObject(129), 0, noRevision,
        S::Invalid, false, {});
    row("patch deep non-object appends", K::Patch, true, "abc", 1, nestedObject(200), 0, noRevision, S::Ok,
        false, "abc" + nestedObject(200));

    // DELETE
    row("delete existing", K::Delete, true, "v", 2, {}, 0, noRevision, S::Ok, true, {});
    row("delete missing", K::Delete, false, {}, 0, {}, 0, noRevision, S::NotFound, false, {});

    // ATOMIC
    row("atomic missing starts at 0", K::Increment, false, {}, 0, {}, 5, noRevision, S::Ok, false, "5");
    row("atomic missing negative", K::Increment, false, {}, 0, {}, -7, noRevision, S::Ok, false, "-7");
    row("atomic adds", K::Increment, true, "40", 1, {}, 2, noRevision, S::Ok, false, "42");
    row("atomic subtracts below 0", K::Increment, true, "1", 1, {}, -3, noRevision, S::Ok, false, "-2");
    row("atomic zero delta", K::Increment, true, "9", 1, {}, 0, noRevision, S::Ok, false, "9");
    row("atomic negative stored", K::Increment, true, "-10", 1, {}, 1, noRevision, S::Ok, false, "-9");
    row("atomic leading zeros", K::Increment, true, "007", 1, {}, 1, noRevision, S::Ok, false, "8");
    row("atomic minus zero", K::Increment, true, "-0", 1, {}, 1, noRevision, S::Ok, false, "1");
    row("atomic to int64 max", K::Increment, true, QByteArray::number(int64Max - 1), 1, {}, 1, noRevision,
        S::Ok, false, QByteArray::number(int64Max));
    row("atomic from int64 min", K::Increment, true, "-9223372036854775808", 1, {}, 1, noRevision, S::Ok,
        false, "-9223372036854775807");
    row("atomic overflow", K::Increment, true, QByteArray::number(int64Max), 1, {}, 1, noRevision,
        S::NotNumeric, false, {});
    row("atomic underflow", K::Increment, true, QByteArray::number(int64Min), 1, {}, -1, noRevision,
        S::NotNumeric, false, {});
    row("atomic delta overflow on missing", K::Increment, false, {}, 0, {}, int64Max, noRevision, S::Ok,
        false, QByteArray::number(int64Max));
    row("atomic stored too big", K::Increment, true, "9223372036854775808", 1, {}, 0, noRevision,
        S::NotNumeric, false, {});
    row("atomic stored too small", K::Increment, true, "-9223372036854775809", 1, {}, 0, noRevision,
        S::NotNumeric, false, {});
    row("atomic stored text", K::Increment, true, "abc", 1, {}, 1, noRevision, S::NotNumeric, false, {});
    row("atomic stored float", K::Increment, true, "1.5", 1, {}, 1, noRevision, S::NotNumeric, false, {});
    row("atomic stored exponent", K::Increment, true, "1e3", 1, {}, 1, noRevision, S::NotNumeric, false, {});
    row("atomic stored plus sign", K::Increment, true, "+5", 1, {}, 1, noRevision, S::NotNumeric, false, {});
    row("atomic stored space", K::Increment, true, " 5", 1, {}, 1, noRevision, S::NotNumeric, false, {});
    row("atomic stored trailing space", K::Increment, true, "5 ", 1, {}, 1, noRevision, S::NotNumeric, false,
        {});
    row("atomic stored lone minus", K::Increment, true, "-", 1, {}, 1, noRevision, S::NotNumeric, false, {});
    row("atomic stored empty", K::Increment, true, "", 1, {}, 1, noRevision, S::NotNumeric, false, {});
    row("atomic stored JSON string", K::Increment, true, "\"5\"", 1, {}, 1, noRevision, S::NotNumeric, false,
        {});

    // ifRevision (docs/protocol.md §8)
    row("if 0 on missing", K::Set, false, {}, 0, "v", 0, 0, S::Ok, false, "v");
    row("if 0 on existing", K::Set, true, "v", 4, "w", 0, 0, S::Conflict, false, {});
    row("if matches", K::Set, true, "v", 4, "w", 0, 4, S::Ok, false, "w");
    row("if older", K::Set, true, "v", 4, "w", 0, 3, S::Conflict, false, {});
    row("if newer", K::Set, true, "v", 4, "w", 0, 5, S::Conflict, false, {});
    row("if on missing", K::Set, false, {}, 0, "v", 0, 4, S::Conflict, false, {});
    row("patch if matches", K::Patch, true, R"({"a":1})", 7, R"({"b":2})", 0, 7, S::Ok, false,
        R"({"a":1,"b":2})");
    row("patch if mismatch", K::Patch, true, R"({"a":1})", 7, R"({"b":2})", 0, 6, S::Conflict, false, {});
    row("patch if 0 on missing", K::Patch, false, {}, 0, "p", 0, 0, S::Ok, false, "p");
    row("delete if matches", K::Delete, true, "v", 2, {}, 0, 2, S::Ok, true, {});
    row("delete if mismatch", K::Delete, true, "v", 2, {}, 0, 1, S::Conflict, false, {});
    row("delete if 0 on missing is 404", K::Delete, false, {}, 0, {}, 0, 0, S::NotFound, false, {});
    row("delete if on missing conflicts", K::Delete, false, {}, 0, {}, 0, 9, S::Conflict, false, {});
    row("atomic if matches", K::Increment, true, "1", 5, {}, 1, 5, S::Ok, false, "2");
    row("atomic if mismatch", K::Increment, true, "1", 5, {}, 1, 4, S::Conflict, false, {});
    row("atomic if 0 on missing", K::Increment, false, {}, 0, {}, 3, 0, S::Ok, false, "3");
    row("conflict checked before numeric", K::Increment, true, "abc", 5, {}, 1, 4, S::Conflict, false, {});
}

void TestWriteRules::plan()
{
    QFETCH(WriteKind, kind);
    QFETCH(bool, exists);
    QFETCH(QByteArray, current);
    QFETCH(qint64, currentRevision);
    QFETCH(QByteArray, value);
    QFETCH(qint64, delta);
    QFETCH(qint64, ifRevision);
    QFETCH(WriteStatus, status);
    QFETCH(bool, remove);
    QFETCH(QByteArray, newValue);

    const Record record { current, currentRevision };
    WriteOp op;
    op.kind = kind;
    op.key = "key";
    op.value = value;
    op.delta = delta;
    if (ifRevision != noRevision)
        op.ifRevision = ifRevision;

    const PlannedWrite plan = planWrite(exists ? &record : nullptr, op);
    QCOMPARE(plan.status, status);
    QCOMPARE(plan.remove, remove);
    if (status == WriteStatus::Ok)
        QCOMPARE(plan.newValue, newValue);
    const bool explained = status == WriteStatus::NotNumeric || status == WriteStatus::Invalid;
    QCOMPARE(!plan.detail.isEmpty(), explained);
    QVERIFY(!plan.detail.contains(QLatin1String("key")));
}

void TestWriteRules::conflictChangesNothing()
{
    const Record record { "keep", 3 };
    WriteOp op;
    op.kind = WriteKind::Set;
    op.value = "new";
    op.ifRevision = 2;
    const PlannedWrite plan = planWrite(&record, op);
    QCOMPARE(plan.status, WriteStatus::Conflict);
    QVERIFY(plan.newValue.isEmpty());
    QVERIFY(!plan.remove);
}

QTEST_GUILESS_MAIN(TestWriteRules)
#include "tst_writerules.moc"

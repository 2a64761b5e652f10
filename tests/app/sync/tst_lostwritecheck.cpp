// SPDX-License-Identifier: MIT
#include "sync/lostwritecheck.h"
#include "sync/todocodec.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDate day(2026, 11, 22);
constexpr int window = 60 * 60 * 1000; // never reached by a test

Todo todo(const QString &id, Todo::Priority priority = Todo::Priority::Low)
{
    Todo t;
    t.id = id;
    t.text = id;
    t.priority = priority;
    return t;
}

/// `ops` applied on `base`, as the value we wrote.
QByteArray applied(const TodoList &base, const QList<TodoOperation> &ops)
{
    TodoList list = base;
    for (const TodoOperation &op : ops)
        list = op.applyTo(std::move(list));
    return TodoCodec::serialize(list);
}

/// Records our write of `ops` on `base`; returns the value written.
QByteArray write(LostWriteCheck &check, const TodoList &base, const QList<TodoOperation> &ops)
{
    const QByteArray value = applied(base, ops);
    check.written(day, base, ops, value);
    return value;
}

TodoOperation setPriority(const QString &id, Todo::Priority priority)
{
    return TodoOperation::setPriority(day, id, priority);
}

} // namespace

class TestLostWriteCheck : public QObject
{
    Q_OBJECT

private slots:
    void insertMissingLaterIsLost();
    void insertPresentLaterSettles();
    void removedTodoBackIsLost();
    void ourOwnValueTellsNothing();
    void fieldBackToReplacedValueIsLost();
    void newerValueOfSameFieldStands();
    void onlyLatestEditOfAFieldIsChecked();
    void pendingEditOfSameFieldSupersedesLost();
    void undecidableChecksWait();
    void ourLaterRemoveEndsTheInsertCheck();
    void conditionalWriteEndsWhatItMakesMoot();
    void expiredWritesAreNotChecked();
    void clearForgetsEverything();
};

void TestLostWriteCheck::insertMissingLaterIsLost()
{
    LostWriteCheck check(window);
    const TodoOperation insert = TodoOperation::insert(day, todo(u"x"_s));
    write(check, { todo(u"a"_s) }, { insert });
    QVERIFY(check.isChecking(day));
    QVERIFY(!check.isChecking(day.addDays(1)));
    // Someone else wrote the day from a value read before ours: x is gone.
    const QList<TodoOperation> lost
        = check.takeLost(day, TodoCodec::serialize({ todo(u"a"_s), todo(u"b"_s) }), {});
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.first().kind, TodoOperation::Kind::Insert);
    QCOMPARE(lost.first().targetId(), u"x"_s);
    QVERIFY(!check.isChecking(day));
    QVERIFY(check.takeLost(day, "[]", {}).isEmpty());
}

void TestLostWriteCheck::insertPresentLaterSettles()
{
    LostWriteCheck check(window);
    write(check, {}, { TodoOperation::insert(day, todo(u"x"_s)) });
    QVERIFY(check.takeLost(day, TodoCodec::serialize({ todo(u"x"_s), todo(u"b"_s) }), {}).isEmpty());
    QVERIFY(!check.isChecking(day));
    // Settled: a later value without x is someone deleting it, not a lost write.
    QVERIFY(check.takeLost(day, "[]", {}).isEmpty());
}

void TestLostWriteCheck::removedTodoBackIsLost()
{
    LostWriteCheck check(window);
    write(check, { todo(u"a"_s), todo(u"b"_s) }, { TodoOperation::remove(day, u"a"_s) });
    const QList<TodoOperation> lost
        = check.takeLost(day, TodoCodec::serialize({ todo(u"a"_s), todo(u"b"_s), todo(u"c"_s) }), {});
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.first().kind, TodoOperation::Kind::Remove);
}

void TestLostWriteCheck::ourOwnValueTellsNothing()
{
    LostWriteCheck check(window);
    const QByteArray ours = write(check, {}, { TodoOperation::insert(day, todo(u"x"_s)) });
    QVERIFY(check.takeLost(day, ours, {}).isEmpty());
    QVERIFY(check.isChecking(day));
    QCOMPARE(check.takeLost(day, "[]", {}).size(), 1);
}

void TestLostWriteCheck::fieldBackToReplacedValueIsLost()
{
    LostWriteCheck check(window);
    write(check, { todo(u"a"_s, Todo::Priority::Low) }, { setPriority(u"a"_s, Todo::Priority::High) });
    const QList<TodoOperation> lost
        = check.takeLost(day, TodoCodec::serialize({ todo(u"a"_s, Todo::Priority::Low), todo(u"b"_s) }), {});
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.first().priority, Todo::Priority::High);
}

void TestLostWriteCheck::newerValueOfSameFieldStands()
{
    LostWriteCheck check(window);
    write(check, { todo(u"a"_s, Todo::Priority::Low) }, { setPriority(u"a"_s, Todo::Priority::High) });
    // Someone who saw ours chose another value: theirs stands.
    QVERIFY(
        check.takeLost(day, TodoCodec::serialize({ todo(u"a"_s, Todo::Priority::Medium) }), {}).isEmpty());
    QVERIFY(!check.isChecking(day));
}

void TestLostWriteCheck::onlyLatestEditOfAFieldIsChecked()
{
    // Two writes, Low -> High -> Medium; then a stale writer puts Low back. Only the latest of
    // our values (Medium) is sent again: replaying High as well would end on the wrong value.
    LostWriteCheck check(window);
    write(check, { todo(u"a"_s, Todo::Priority::Low) }, { setPriority(u"a"_s, Todo::Priority::High) });
    write(check, { todo(u"a"_s, Todo::Priority::High) }, { setPriority(u"a"_s, Todo::Priority::Medium) });
    QList<TodoOperation> lost
        = check.takeLost(day, TodoCodec::serialize({ todo(u"a"_s, Todo::Priority::Low) }), {});
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.first().priority, Todo::Priority::Medium);
    QVERIFY(!check.isChecking(day));

    // The same within one write.
    write(check, { todo(u"a"_s, Todo::Priority::Low) },
          { setPriority(u"a"_s, Todo::Priority::High), setPriority(u"a"_s, Todo::Priority::Medium) });
    lost = check.takeLost(day, TodoCodec::serialize({ todo(u"a"_s, Todo::Priority::Low) }), {});
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.first().priority, Todo::Priority::Medium);
}

void TestLostWriteCheck::pendingEditOfSameFieldSupersedesLost()
{
    LostWriteCheck check(window);
    write(check, { todo(u"a"_s, Todo::Priority::Low) },
          { setPriority(u"a"_s, Todo::Priority::High), TodoOperation::insert(day, todo(u"x"_s)) });
    const QList<TodoOperation> pending = { setPriority(u"a"_s, Todo::Priority::Medium) };
    const QList<TodoOperation> lost
        = check.takeLost(day, TodoCodec::serialize({ todo(u"a"_s, Todo::Priority::Low) }), pending);
    // The priority edit still queued wins anyway; the insert is sent again.
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.first().kind, TodoOperation::Kind::Insert);
}

void TestLostWriteCheck::undecidableChecksWait()
{
    LostWriteCheck check(window);
    write(check, { todo(u"a"_s), todo(u"b"_s) },
          { TodoOperation::move(day, u"a"_s, -1), TodoOperation::setText(day, u"b"_s, u"new"_s) });
    // b gone (someone deleted it) and a move: neither tells whether our write was lost.
    QVERIFY(check.takeLost(day, TodoCodec::serialize({ todo(u"a"_s) }), {}).isEmpty());
    QVERIFY(check.isChecking(day));
    // An unreadable value decides nothing either.
    QVERIFY(check.takeLost(day, "not json", {}).isEmpty());
    QVERIFY(check.isChecking(day));
    // b back with its old text: the text edit was lost.
    const QList<TodoOperation> lost
        = check.takeLost(day, TodoCodec::serialize({ todo(u"b"_s), todo(u"a"_s) }), {});
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.first().kind, TodoOperation::Kind::SetText);
}

void TestLostWriteCheck::ourLaterRemoveEndsTheInsertCheck()
{
    // We add x, then remove it (an undo); someone else's value without x is not our insert lost.
    LostWriteCheck check(window);
    write(check, { todo(u"a"_s) }, { TodoOperation::insert(day, todo(u"x"_s)) });
    write(check, { todo(u"a"_s), todo(u"x"_s) }, { TodoOperation::remove(day, u"x"_s) });
    QVERIFY(check.takeLost(day, TodoCodec::serialize({ todo(u"a"_s), todo(u"b"_s) }), {}).isEmpty());
    QVERIFY(!check.isChecking(day));

    // Nor within one write: x added and removed, a's priority set twice.
    write(check, { todo(u"a"_s, Todo::Priority::Low) },
          { TodoOperation::insert(day, todo(u"y"_s)), setPriority(u"a"_s, Todo::Priority::High),
            TodoOperation::remove(day, u"y"_s) });
    QVERIFY(
        check.takeLost(day, TodoCodec::serialize({ todo(u"a"_s, Todo::Priority::High), todo(u"b"_s) }), {})
            .isEmpty());
    QVERIFY(!check.isChecking(day));

    // Added back (undoing a delete): its presence later is not our remove lost.
    write(check, { todo(u"a"_s) }, { TodoOperation::remove(day, u"a"_s) });
    write(check, {}, { TodoOperation::insert(day, todo(u"a"_s)) });
    QVERIFY(check.takeLost(day, TodoCodec::serialize({ todo(u"a"_s), todo(u"b"_s) }), {}).isEmpty());
    QVERIFY(!check.isChecking(day));
}

void TestLostWriteCheck::conditionalWriteEndsWhatItMakesMoot()
{
    // The first write went unconditionally (before the server's revisions were known), the undo
    // with a revision: the server's value after the undo is not our insert or text edit lost.
    LostWriteCheck check(window);
    write(check, { todo(u"a"_s) },
          { TodoOperation::insert(day, todo(u"x"_s)), TodoOperation::setText(day, u"a"_s, u"new"_s) });
    check.writtenConditionally(day, { TodoOperation::remove(day, u"x"_s) });
    QVERIFY(check.isChecking(day));
    check.writtenConditionally(day, { TodoOperation::setText(day, u"a"_s, u"a"_s) });
    QVERIFY(!check.isChecking(day));
    QVERIFY(check.takeLost(day, TodoCodec::serialize({ todo(u"a"_s) }), {}).isEmpty());

    // What it does not touch is still checked.
    write(check, {}, { TodoOperation::insert(day, todo(u"x"_s)) });
    check.writtenConditionally(day, { TodoOperation::setText(day, u"x"_s, u"other"_s) });
    check.writtenConditionally(day.addDays(1), { TodoOperation::remove(day.addDays(1), u"x"_s) });
    QCOMPARE(check.takeLost(day, "[]", {}).size(), 1);
}

void TestLostWriteCheck::expiredWritesAreNotChecked()
{
    LostWriteCheck check(0);
    write(check, {}, { TodoOperation::insert(day, todo(u"x"_s)) });
    QVERIFY(check.takeLost(day, "[]", {}).isEmpty());
    QVERIFY(!check.isChecking(day));
}

void TestLostWriteCheck::clearForgetsEverything()
{
    LostWriteCheck check(window);
    write(check, {}, { TodoOperation::insert(day, todo(u"x"_s)) });
    check.clear();
    QVERIFY(!check.isChecking(day));
    QVERIFY(check.takeLost(day, "[]", {}).isEmpty());
}

QTEST_GUILESS_MAIN(TestLostWriteCheck)
#include "tst_lostwritecheck.moc"

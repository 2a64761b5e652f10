// SPDX-License-Identifier: MIT
// TodoListDiff on its own: which rows go, which are inserted or moved, which changed and how.
#include "ui/todolistdiff.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Todo todo(const QString &id, const QString &text = {})
{
    Todo t;
    t.id = id;
    t.text = text.isEmpty() ? id : text;
    return t;
}

TodoList todos(const QStringList &ids)
{
    TodoList list;
    for (const QString &id : ids)
        list.append(todo(id));
    return list;
}

/** `current` after applying `diff` the way DayModel does. */
TodoList applied(TodoList current, const TodoListDiff &diff, const TodoList &target)
{
    for (int row : diff.removedRows())
        current.removeAt(row);
    for (const MovePlan::Step &step : diff.plan().steps()) {
        if (step.kind == MovePlan::Step::Kind::Insert)
            current.insert(step.before, target.at(step.targetRow));
        else
            current.move(step.from, step.before > step.from ? step.before - 1 : step.before);
    }
    for (const TodoListDiff::Change &change : diff.changes())
        current[change.row] = target.at(change.row);
    return current;
}

} // namespace

class TstTodoListDiff : public QObject
{
    Q_OBJECT

private slots:
    void removedRowsHighestFirst();
    void changesNameTheFields();
    void onlyExtraChangedIsAChangeWithNoField();
    void repeatedIdsPairUpInOrder();
    void applyingGivesTheTarget();
};

void TstTodoListDiff::removedRowsHighestFirst()
{
    const TodoListDiff diff(todos({ u"a"_s, u"b"_s, u"c"_s, u"d"_s }), todos({ u"b"_s, u"d"_s }));
    QCOMPARE(diff.removedRows(), (QList<int> { 2, 0 }));
    QVERIFY(diff.plan().steps().isEmpty());
    QVERIFY(diff.changes().isEmpty());
}

void TstTodoListDiff::changesNameTheFields()
{
    TodoList after = todos({ u"b"_s, u"a"_s, u"c"_s });
    after[0].text = u"new text"_s;
    after[0].priority = Todo::Priority::High;
    after[2].status = Todo::Status::Done;
    after[2].updated = 9;
    const TodoListDiff diff(todos({ u"a"_s, u"b"_s, u"c"_s }), after);
    QCOMPARE(diff.changes().size(), 2);
    // Rows of the new list, in order.
    QCOMPARE(diff.changes().at(0).row, 0);
    QCOMPARE(diff.changes().at(0).fields, TodoListDiff::Field::Text | TodoListDiff::Field::Priority);
    QCOMPARE(diff.changes().at(1).row, 2);
    QCOMPARE(diff.changes().at(1).fields, TodoListDiff::Field::Status | TodoListDiff::Field::Updated);
    QCOMPARE(diff.plan().moveCount(), 1);
}

void TstTodoListDiff::onlyExtraChangedIsAChangeWithNoField()
{
    TodoList after = todos({ u"a"_s });
    after[0].extra.insert(u"note"_s, u"x"_s);
    const TodoListDiff diff(todos({ u"a"_s }), after);
    QCOMPARE(diff.changes().size(), 1);
    QCOMPARE(diff.changes().first().fields, TodoListDiff::Fields());
}

void TstTodoListDiff::repeatedIdsPairUpInOrder()
{
    // Two todos with one id (another client's bug): the first pairs with the first.
    const TodoList before = { todo(u"a"_s, u"one"_s), todo(u"a"_s, u"two"_s) };
    const TodoList after = { todo(u"a"_s, u"one"_s), todo(u"a"_s, u"two"_s), todo(u"b"_s) };
    const TodoListDiff diff(before, after);
    QVERIFY(diff.removedRows().isEmpty());
    QVERIFY(diff.changes().isEmpty());
    QCOMPARE(diff.plan().steps().size(), 1);
    QCOMPARE(applied(before, diff, after), after);
}

void TstTodoListDiff::applyingGivesTheTarget()
{
    const TodoList before = todos({ u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s });
    TodoList after = todos({ u"e"_s, u"x"_s, u"c"_s, u"a"_s });
    after[2].text = u"c edited"_s;
    const TodoListDiff diff(before, after);
    QCOMPARE(diff.removedRows(), (QList<int> { 3, 1 }));
    QCOMPARE(applied(before, diff, after), after);
}

QTEST_GUILESS_MAIN(TstTodoListDiff)
#include "tst_todolistdiff.moc"

// SPDX-License-Identifier: MIT
#include "todocodec.h"
#include "todooperation.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Todo todo(const QString &id, const QString &text = {})
{
    Todo t;
    t.id = id;
    t.text = text.isEmpty() ? id : text;
    t.created = 1;
    return t;
}

QStringList ids(const TodoList &list)
{
    QStringList result;
    for (const Todo &t : list)
        result.append(t.id);
    return result;
}

TodoOperation op(TodoOperation::Kind kind, const QString &id, const QString &text = {})
{
    TodoOperation o;
    o.kind = kind;
    o.day = QDate(2026, 11, 22);
    o.todoId = id;
    o.text = text;
    return o;
}

TodoOperation insert(const QString &id, int position = -1, const QString &afterId = {})
{
    TodoOperation o = op(TodoOperation::Kind::Insert, id);
    o.todo = todo(id);
    o.position = position;
    o.afterId = afterId;
    return o;
}

const TodoList abc = {todo(u"a"_s), todo(u"b"_s), todo(u"c"_s)};

} // namespace

class TestTodoOperation : public QObject
{
    Q_OBJECT

private slots:
    void insertPlacement();
    void insertExistingIdIsNoOp();
    void setFields();
    void setFieldReplacesUnknownRawValue();
    void removeAndMissingIds();
    void move();
    void concurrentEditsOfDifferentFieldsMerge();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void unreadableJsonIsInvalid();
};

void TestTodoOperation::insertPlacement()
{
    QCOMPARE(ids(insert(u"x"_s).applyTo(abc)), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"x"_s}));
    QCOMPARE(ids(insert(u"x"_s, 0).applyTo(abc)), (QStringList{u"x"_s, u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(ids(insert(u"x"_s, 99).applyTo(abc)), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"x"_s}));
    QCOMPARE(ids(insert(u"x"_s, 0, u"b"_s).applyTo(abc)), (QStringList{u"a"_s, u"b"_s, u"x"_s, u"c"_s}));
    // The anchor was deleted meanwhile: the position is used instead.
    QCOMPARE(ids(insert(u"x"_s, 1, u"gone"_s).applyTo(abc)), (QStringList{u"a"_s, u"x"_s, u"b"_s, u"c"_s}));
    QCOMPARE(ids(insert(u"x"_s).applyTo({})), QStringList{u"x"_s});
}

void TestTodoOperation::insertExistingIdIsNoOp()
{
    TodoOperation o = insert(u"b"_s, 0);
    o.todo.text = u"other"_s;
    QCOMPARE(o.applyTo(abc), abc);
    const TodoList once = insert(u"x"_s).applyTo(abc);
    QCOMPARE(insert(u"x"_s).applyTo(once), once);
}

void TestTodoOperation::setFields()
{
    TodoOperation text = op(TodoOperation::Kind::SetText, u"b"_s, u"new"_s);
    text.timestampMs = 77;
    TodoList list = text.applyTo(abc);
    QCOMPARE(list.at(1).text, u"new"_s);
    QCOMPARE(list.at(1).updated, 77);
    QCOMPARE(list.at(0), abc.at(0));
    list = op(TodoOperation::Kind::SetPriority, u"c"_s, u"high"_s).applyTo(list);
    QCOMPARE(list.at(2).priority, u"high"_s);
    QCOMPARE(list.at(2).updated, 0);
    list = op(TodoOperation::Kind::SetStatus, u"a"_s, u"done"_s).applyTo(list);
    QVERIFY(list.at(0).isDone());
}

void TestTodoOperation::setFieldReplacesUnknownRawValue()
{
    const TodoList stored = TodoCodec::parse(R"([{"id":"a","text":"t","priority":"urgent","status":"done"}])").todos;
    const TodoList changed = op(TodoOperation::Kind::SetPriority, u"a"_s, u"low"_s).applyTo(stored);
    QCOMPARE(TodoCodec::serialize(changed), R"([{"id":"a","text":"t","priority":"low","status":"done"}])");
    // Editing another field leaves the unknown value alone.
    const TodoList other = op(TodoOperation::Kind::SetText, u"a"_s, u"u"_s).applyTo(stored);
    QCOMPARE(TodoCodec::serialize(other), R"([{"id":"a","text":"u","priority":"urgent","status":"done"}])");
}

void TestTodoOperation::removeAndMissingIds()
{
    QCOMPARE(ids(op(TodoOperation::Kind::Remove, u"b"_s).applyTo(abc)), (QStringList{u"a"_s, u"c"_s}));
    for (auto kind : {TodoOperation::Kind::Remove, TodoOperation::Kind::SetText, TodoOperation::Kind::SetPriority,
                      TodoOperation::Kind::SetStatus, TodoOperation::Kind::Move})
        QCOMPARE(op(kind, u"gone"_s, u"x"_s).applyTo(abc), abc);
}

void TestTodoOperation::move()
{
    TodoOperation m = op(TodoOperation::Kind::Move, u"a"_s);
    m.position = -1;
    QCOMPARE(ids(m.applyTo(abc)), (QStringList{u"b"_s, u"c"_s, u"a"_s}));
    m.position = 1;
    QCOMPARE(ids(m.applyTo(abc)), (QStringList{u"b"_s, u"a"_s, u"c"_s}));
    m.afterId = u"c"_s;
    QCOMPARE(ids(m.applyTo(abc)), (QStringList{u"b"_s, u"c"_s, u"a"_s}));
    // Replaying a move gives the same list.
    QCOMPARE(m.applyTo(m.applyTo(abc)), m.applyTo(abc));
    TodoOperation c = op(TodoOperation::Kind::Move, u"c"_s);
    c.position = 0;
    QCOMPARE(ids(c.applyTo(abc)), (QStringList{u"c"_s, u"a"_s, u"b"_s}));
}

void TestTodoOperation::concurrentEditsOfDifferentFieldsMerge()
{
    const TodoOperation mine = op(TodoOperation::Kind::SetText, u"b"_s, u"mine"_s);
    const TodoOperation theirs = op(TodoOperation::Kind::SetStatus, u"b"_s, u"done"_s);
    const TodoList merged = mine.applyTo(theirs.applyTo(abc));
    QCOMPARE(merged.at(1).text, u"mine"_s);
    QCOMPARE(merged.at(1).status, u"done"_s);
}

void TestTodoOperation::jsonRoundTrip_data()
{
    QTest::addColumn<int>("kind");
    for (int k = 0; k <= int(TodoOperation::Kind::Move); ++k)
        QTest::newRow(QByteArray::number(k)) << k;
}

void TestTodoOperation::jsonRoundTrip()
{
    QFETCH(int, kind);
    TodoOperation o = op(TodoOperation::Kind(kind), u"b"_s, u"in progress"_s);
    o.timestampMs = 1700000000999;
    if (o.kind == TodoOperation::Kind::Insert) {
        o.todo = TodoCodec::parse(R"([{"id":"b","text":"t","priority":"weird","status":"done","created":3,"x":[1]}])")
                     .todos.first();
        o.afterId = u"a"_s;
        o.position = 2;
    }
    if (o.kind == TodoOperation::Kind::Move)
        o.position = 0;
    // Through the bytes of the queue file, not just the object.
    const QByteArray bytes = QJsonDocument(o.toJson()).toJson(QJsonDocument::Compact);
    const TodoOperation back = TodoOperation::fromJson(QJsonDocument::fromJson(bytes).object());
    QVERIFY(back.isValid());
    QCOMPARE(int(back.kind), kind);
    QCOMPARE(back.day, o.day);
    QCOMPARE(back.targetId(), o.targetId());
    QCOMPARE(back.applyTo(abc), o.applyTo(abc));
    QCOMPARE(back.timestampMs, o.timestampMs);
    if (o.kind == TodoOperation::Kind::Insert) {
        QCOMPARE(back.todo, o.todo);
        QCOMPARE(back.afterId, o.afterId);
        QCOMPARE(back.position, o.position);
    }
}

void TestTodoOperation::unreadableJsonIsInvalid()
{
    QVERIFY(!TodoOperation::fromJson({}).isValid());
    QVERIFY(!TodoOperation::fromJson(QJsonObject{{u"kind"_s, u"explode"_s}, {u"day"_s, u"2026-11-22"_s},
                                                 {u"todoId"_s, u"a"_s}})
                 .isValid());
    QVERIFY(!TodoOperation::fromJson(QJsonObject{{u"kind"_s, u"remove"_s}, {u"day"_s, u"someday"_s},
                                                 {u"todoId"_s, u"a"_s}})
                 .isValid());
    QVERIFY(TodoOperation::fromJson(QJsonObject{{u"kind"_s, u"remove"_s}, {u"day"_s, u"2026-11-22"_s},
                                                {u"todoId"_s, u"a"_s}})
                .isValid());
}

QTEST_GUILESS_MAIN(TestTodoOperation)
#include "tst_todooperation.moc"

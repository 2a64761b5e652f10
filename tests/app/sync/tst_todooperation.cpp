// SPDX-License-Identifier: MIT
#include "sync/todocodec.h"
#include "sync/todooperation.h"

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

const QDate day(2026, 11, 22);

TodoOperation insert(const QString &id, int position = -1, const QString &afterId = {})
{
    return TodoOperation::insert(day, todo(id), position, afterId);
}

/// An operation of `kind` on todo `id`; a Set* sets its field to a value no todo of `abc` has.
TodoOperation op(TodoOperation::Kind kind, const QString &id)
{
    switch (kind) {
    case TodoOperation::Kind::Insert:
        return insert(id);
    case TodoOperation::Kind::SetText:
        return TodoOperation::setText(day, id, u"x"_s);
    case TodoOperation::Kind::SetPriority:
        return TodoOperation::setPriority(day, id, Todo::Priority::High);
    case TodoOperation::Kind::SetStatus:
        return TodoOperation::setStatus(day, id, Todo::Status::InProgress);
    case TodoOperation::Kind::Remove:
        return TodoOperation::remove(day, id);
    case TodoOperation::Kind::Move:
        return TodoOperation::move(day, id, -1);
    case TodoOperation::Kind::SetNotes:
        return TodoOperation::setNotes(day, id, u"a note\non two lines"_s);
    case TodoOperation::Kind::SetRemind:
        return TodoOperation::setRemind(day, id, u"14:30"_s);
    case TodoOperation::Kind::SetReminded:
        return TodoOperation::setReminded(day, id, 1796601600123);
    case TodoOperation::Kind::SetMembers:
        return TodoOperation::setMembers(day, id, { { u"color"_s, u"red"_s }, { u"gone"_s, QJsonValue() } });
    }
    return {};
}

const TodoList abc = { todo(u"a"_s), todo(u"b"_s), todo(u"c"_s) };

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
    void readsQueueEntriesOfEarlierVersions();
    void namedConstructorsFillTheirFields();
    void setPlannerFields();
    void setRemindClearsReminded();
    void setMembersSetsAndRemoves();
    void concurrentEditOfAnotherFieldSurvivesPlannerEdits_data();
    void concurrentEditOfAnotherFieldSurvivesPlannerEdits();
};

void TestTodoOperation::insertPlacement()
{
    QCOMPARE(ids(insert(u"x"_s).applyTo(abc)), (QStringList { u"a"_s, u"b"_s, u"c"_s, u"x"_s }));
    QCOMPARE(ids(insert(u"x"_s, 0).applyTo(abc)), (QStringList { u"x"_s, u"a"_s, u"b"_s, u"c"_s }));
    QCOMPARE(ids(insert(u"x"_s, 99).applyTo(abc)), (QStringList { u"a"_s, u"b"_s, u"c"_s, u"x"_s }));
    QCOMPARE(ids(insert(u"x"_s, 0, u"b"_s).applyTo(abc)), (QStringList { u"a"_s, u"b"_s, u"x"_s, u"c"_s }));
    // The anchor was deleted meanwhile: the position is used instead.
    QCOMPARE(ids(insert(u"x"_s, 1, u"gone"_s).applyTo(abc)),
             (QStringList { u"a"_s, u"x"_s, u"b"_s, u"c"_s }));
    QCOMPARE(ids(insert(u"x"_s).applyTo({})), QStringList { u"x"_s });
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
    TodoList list = TodoOperation::setText(day, u"b"_s, u"new"_s, 77).applyTo(abc);
    QCOMPARE(list.at(1).text, u"new"_s);
    QCOMPARE(list.at(1).updated, 77);
    QCOMPARE(list.at(0), abc.at(0));
    list = TodoOperation::setPriority(day, u"c"_s, Todo::Priority::High).applyTo(list);
    QCOMPARE(list.at(2).priority, Todo::Priority::High);
    QCOMPARE(list.at(2).updated, 0);
    list = TodoOperation::setStatus(day, u"a"_s, Todo::Status::Done).applyTo(list);
    QVERIFY(list.at(0).isDone());
}

void TestTodoOperation::setFieldReplacesUnknownRawValue()
{
    const TodoList stored
        = TodoCodec::parse(R"([{"id":"a","text":"t","priority":"urgent","status":"done"}])").todos;
    const TodoList changed = TodoOperation::setPriority(day, u"a"_s, Todo::Priority::Low).applyTo(stored);
    QCOMPARE(TodoCodec::serialize(changed), R"([{"id":"a","text":"t","priority":"low","status":"done"}])");
    // Editing another field leaves the unknown value alone.
    const TodoList other = TodoOperation::setText(day, u"a"_s, u"u"_s).applyTo(stored);
    QCOMPARE(TodoCodec::serialize(other), R"([{"id":"a","text":"u","priority":"urgent","status":"done"}])");
}

void TestTodoOperation::removeAndMissingIds()
{
    QCOMPARE(ids(op(TodoOperation::Kind::Remove, u"b"_s).applyTo(abc)), (QStringList { u"a"_s, u"c"_s }));
    for (auto kind :
         { TodoOperation::Kind::Remove, TodoOperation::Kind::SetText, TodoOperation::Kind::SetPriority,
           TodoOperation::Kind::SetStatus, TodoOperation::Kind::Move })
        QCOMPARE(op(kind, u"gone"_s).applyTo(abc), abc);
}

void TestTodoOperation::move()
{
    TodoOperation m = TodoOperation::move(day, u"a"_s, -1);
    QCOMPARE(ids(m.applyTo(abc)), (QStringList { u"b"_s, u"c"_s, u"a"_s }));
    m.position = 1;
    QCOMPARE(ids(m.applyTo(abc)), (QStringList { u"b"_s, u"a"_s, u"c"_s }));
    m.afterId = u"c"_s;
    QCOMPARE(ids(m.applyTo(abc)), (QStringList { u"b"_s, u"c"_s, u"a"_s }));
    // Replaying a move gives the same list.
    QCOMPARE(m.applyTo(m.applyTo(abc)), m.applyTo(abc));
    const TodoOperation c = TodoOperation::move(day, u"c"_s, 0);
    QCOMPARE(ids(c.applyTo(abc)), (QStringList { u"c"_s, u"a"_s, u"b"_s }));
}

void TestTodoOperation::concurrentEditsOfDifferentFieldsMerge()
{
    const TodoOperation mine = TodoOperation::setText(day, u"b"_s, u"mine"_s);
    const TodoOperation theirs = TodoOperation::setStatus(day, u"b"_s, Todo::Status::Done);
    const TodoList merged = mine.applyTo(theirs.applyTo(abc));
    QCOMPARE(merged.at(1).text, u"mine"_s);
    QCOMPARE(merged.at(1).status, Todo::Status::Done);
}

void TestTodoOperation::jsonRoundTrip_data()
{
    QTest::addColumn<int>("kind");
    for (int k = 0; k <= int(TodoOperation::Kind::SetMembers); ++k)
        QTest::newRow(QByteArray::number(k)) << k;
}

void TestTodoOperation::jsonRoundTrip()
{
    QFETCH(int, kind);
    TodoOperation o = op(TodoOperation::Kind(kind), u"b"_s);
    o.timestampMs = 1700000000999;
    if (o.kind == TodoOperation::Kind::Insert) {
        o.todo = TodoCodec::parse(
                     R"([{"id":"b","text":"t","priority":"weird","status":"done","created":3,"x":[1]}])")
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
    QVERIFY(!TodoOperation::fromJson(QJsonObject { { u"kind"_s, u"explode"_s },
                                                   { u"day"_s, u"2026-11-22"_s },
                                                   { u"todoId"_s, u"a"_s } })
                 .isValid());
    QVERIFY(
        !TodoOperation::fromJson(
             QJsonObject { { u"kind"_s, u"remove"_s }, { u"day"_s, u"someday"_s }, { u"todoId"_s, u"a"_s } })
             .isValid());
    QVERIFY(TodoOperation::fromJson(QJsonObject { { u"kind"_s, u"remove"_s },
                                                  { u"day"_s, u"2026-11-22"_s },
                                                  { u"todoId"_s, u"a"_s } })
                .isValid());
}

void TestTodoOperation::readsQueueEntriesOfEarlierVersions()
{
    // Entries as the queue file held them when priority and status were strings in the app.
    const auto read = [](const char *json) {
        return TodoOperation::fromJson(QJsonDocument::fromJson(QByteArray(json)).object());
    };
    const TodoOperation priority
        = read(R"({"kind":"setPriority","day":"2026-11-22","todoId":"c","text":"high","timestamp":5})");
    QVERIFY(priority.isValid());
    QCOMPARE(priority.priority, Todo::Priority::High);
    QCOMPARE(priority.timestampMs, 5);
    const TodoOperation status
        = read(R"({"kind":"setStatus","day":"2026-11-22","todoId":"a","text":"in progress"})");
    QVERIFY(status.isValid());
    QCOMPARE(status.status, Todo::Status::InProgress);
    const TodoOperation text = read(R"({"kind":"setText","day":"2026-11-22","todoId":"a","text":"high"})");
    QCOMPARE(text.text, u"high"_s);
    // What this version writes is what earlier versions wrote.
    QCOMPARE(
        QJsonDocument(priority.toJson()).toJson(QJsonDocument::Compact),
        QByteArray(R"({"day":"2026-11-22","kind":"setPriority","text":"high","timestamp":5,"todoId":"c"})"));
    // A value the app never chose means a damaged entry.
    QVERIFY(!read(R"({"kind":"setStatus","day":"2026-11-22","todoId":"a","text":"blocked"})").isValid());
    QVERIFY(!read(R"({"kind":"setPriority","day":"2026-11-22","todoId":"a","text":"done"})").isValid());
}

void TestTodoOperation::namedConstructorsFillTheirFields()
{
    const TodoOperation in = TodoOperation::insert(day, todo(u"x"_s), 2, u"a"_s, 9);
    QCOMPARE(in.kind, TodoOperation::Kind::Insert);
    QCOMPARE(in.day, day);
    QCOMPARE(in.targetId(), u"x"_s);
    QCOMPARE(in.todo, todo(u"x"_s));
    QCOMPARE(in.position, 2);
    QCOMPARE(in.afterId, u"a"_s);
    QCOMPARE(in.timestampMs, 9);
    const TodoOperation mv = TodoOperation::move(day, u"b"_s, 1, u"c"_s, 8);
    QCOMPARE(mv.kind, TodoOperation::Kind::Move);
    QCOMPARE(mv.targetId(), u"b"_s);
    QCOMPARE(mv.position, 1);
    QCOMPARE(mv.afterId, u"c"_s);
    QCOMPARE(mv.timestampMs, 8);
    const TodoOperation rm = TodoOperation::remove(day, u"b"_s, 7);
    QCOMPARE(rm.kind, TodoOperation::Kind::Remove);
    QCOMPARE(rm.targetId(), u"b"_s);
    QCOMPARE(rm.timestampMs, 7);
    QCOMPARE(TodoOperation::setText(day, u"b"_s, u"t"_s).text, u"t"_s);
    QCOMPARE(TodoOperation::setPriority(day, u"b"_s, Todo::Priority::Medium).priority,
             Todo::Priority::Medium);
    QCOMPARE(TodoOperation::setStatus(day, u"b"_s, Todo::Status::Done, 6).status, Todo::Status::Done);
    QCOMPARE(TodoOperation::setStatus(day, u"b"_s, Todo::Status::Done, 6).kind,
             TodoOperation::Kind::SetStatus);
    QVERIFY(TodoOperation::setText(day, u"b"_s, u"t"_s).isFieldEdit());
    QVERIFY(!rm.isFieldEdit());
}

void TestTodoOperation::setPlannerFields()
{
    const TodoList list = TodoOperation::setNotes(day, u"b"_s, u"first\nsecond"_s, 50).applyTo(abc);
    QCOMPARE(list.at(1).notes, u"first\nsecond"_s);
    QCOMPARE(list.at(1).updated, 50);
    QCOMPARE(list.at(0), abc.at(0));
    const TodoList reminded = TodoOperation::setReminded(day, u"b"_s, 777).applyTo(list);
    QCOMPARE(reminded.at(1).reminded, 777);
    QCOMPARE(reminded.at(1).updated, 50); // showing a reminder is not an edit
    const TodoList cleared = TodoOperation::setNotes(day, u"b"_s, QString()).applyTo(reminded);
    QVERIFY(!TodoCodec::serialize(cleared).contains("notes"));
    // A raw stored value of the wrong type is replaced by the edit.
    TodoList raw = TodoCodec::parse(R"([{"id":"b","text":"t","notes":42}])").todos;
    raw = TodoOperation::setNotes(day, u"b"_s, u"n"_s).applyTo(raw);
    QCOMPARE(TodoCodec::serialize(raw),
             R"([{"id":"b","text":"t","priority":"low","status":"not set","notes":"n"}])");
    QCOMPARE(TodoOperation::setNotes(day, u"gone"_s, u"n"_s).applyTo(abc), abc);
}

void TestTodoOperation::setRemindClearsReminded()
{
    TodoList list = TodoCodec::parse(R"([{"id":"b","text":"t","remind":"09:00","reminded":5}])").todos;
    list = TodoOperation::setRemind(day, u"b"_s, u"14:30"_s, 60).applyTo(list);
    QCOMPARE(list.at(0).remind, u"14:30"_s);
    QCOMPARE(list.at(0).reminded, 0);
    QCOMPARE(list.at(0).updated, 60);
    // Also a raw (unreadable) reminded mark goes.
    list = TodoCodec::parse(R"([{"id":"b","text":"t","remind":"09:00","reminded":"x"}])").todos;
    list = TodoOperation::setRemind(day, u"b"_s, QString()).applyTo(list);
    QCOMPARE(TodoCodec::serialize(list), R"([{"id":"b","text":"t","priority":"low","status":"not set"}])");
}

void TestTodoOperation::setMembersSetsAndRemoves()
{
    TodoList list = TodoCodec::parse(R"([{"id":"b","text":"t","gone":1,"kept":[2],"notes":"old"}])").todos;
    list = TodoOperation::setMembers(day, u"b"_s,
                                     { { u"color"_s, u"red"_s },
                                       { u"gone"_s, QJsonValue() },
                                       { u"notes"_s, u"new"_s },
                                       { u"id"_s, u"hijacked"_s } },
                                     70)
               .applyTo(list);
    QCOMPARE(list.at(0).id, u"b"_s); // the id is never changed
    QCOMPARE(list.at(0).notes, u"new"_s); // a known member goes to its field
    QCOMPARE(
        TodoCodec::serialize(list),
        R"([{"id":"b","text":"t","priority":"low","status":"not set","updated":70,"color":"red","kept":[2],"notes":"new"}])");
}

void TestTodoOperation::concurrentEditOfAnotherFieldSurvivesPlannerEdits_data()
{
    QTest::addColumn<int>("kind");
    for (const auto kind : { TodoOperation::Kind::SetNotes, TodoOperation::Kind::SetRemind,
                             TodoOperation::Kind::SetReminded, TodoOperation::Kind::SetMembers })
        QTest::newRow(QByteArray::number(int(kind))) << int(kind);
}

void TestTodoOperation::concurrentEditOfAnotherFieldSurvivesPlannerEdits()
{
    // Replayed on a server value where another client changed the text and status meanwhile.
    QFETCH(int, kind);
    const TodoOperation mine = op(TodoOperation::Kind(kind), u"b"_s);
    const TodoList theirs = TodoOperation::setStatus(day, u"b"_s, Todo::Status::Done)
                                .applyTo(TodoOperation::setText(day, u"b"_s, u"theirs"_s).applyTo(abc));
    const Todo merged = mine.applyTo(theirs).at(1);
    QCOMPARE(merged.text, u"theirs"_s);
    QCOMPARE(merged.status, Todo::Status::Done);
    QVERIFY(merged != theirs.at(1)); // and mine is in it
    // Their notes survive my other planner edit, too.
    const TodoList theirNotes = TodoOperation::setNotes(day, u"b"_s, u"their note"_s).applyTo(abc);
    if (mine.kind != TodoOperation::Kind::SetNotes)
        QCOMPARE(mine.applyTo(theirNotes).at(1).notes, u"their note"_s);
}

QTEST_GUILESS_MAIN(TestTodoOperation)
#include "tst_todooperation.moc"

// SPDX-License-Identifier: MIT
#include "sync/todocodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTodoCodec : public QObject
{
    Q_OBJECT

private slots:
    void parsesShowcaseValue();
    void roundTripIsByteIdenticalForCanonicalValue();
    void keepsUnknownMembers();
    void unknownPriorityAndStatusSurviveRoundTrip();
    void missingPriorityAndStatusReadAsDefaults();
    void nonNumericCreatedIsKept();
    void invalidValues_data();
    void invalidValues();
    void emptyArrayIsValid();
    void serializesInStableOrder();
    void escapesText();
    void newIdHasShowcaseShape();
    void storedNamesOfPriorityAndStatus();
    void plannerMembersReadAndWritten();
    void plannerMembersAbsentWhenEmpty();
    void plannerMembersOfWrongTypeKeptRaw();
};

void TestTodoCodec::parsesShowcaseValue()
{
    const QByteArray value
        = R"([{"id":"todo_1700000000000_3","text":"Buy milk","priority":"high","status":"done","created":1700000000000}])";
    const TodoCodec::Result result = TodoCodec::parse(value);
    QVERIFY(result.ok);
    QCOMPARE(result.todos.size(), 1);
    const Todo &todo = result.todos.first();
    QCOMPARE(todo.id, u"todo_1700000000000_3"_s);
    QCOMPARE(todo.text, u"Buy milk"_s);
    QCOMPARE(todo.priority, Todo::Priority::High);
    QCOMPARE(todo.status, Todo::Status::Done);
    QVERIFY(todo.isDone());
    QCOMPARE(todo.created, 1700000000000);
    QCOMPARE(todo.updated, 0);
    QVERIFY(todo.extra.isEmpty());
}

void TestTodoCodec::roundTripIsByteIdenticalForCanonicalValue()
{
    const QByteArray value
        = R"([{"id":"a","text":"one","priority":"low","status":"not set","created":1},)"
          R"({"id":"b","text":"two","priority":"medium","status":"in progress","created":2,"updated":3}])";
    QCOMPARE(TodoCodec::serialize(TodoCodec::parse(value).todos), value);
}

void TestTodoCodec::keepsUnknownMembers()
{
    const QByteArray value
        = R"([{"zeta":[1,{"x":null}],"id":"a","text":"t","priority":"low","status":"done","created":5,"alpha":"keep"}])";
    const TodoCodec::Result result = TodoCodec::parse(value);
    QVERIFY(result.ok);
    QCOMPARE(result.todos.first().extra.value(u"alpha"_s).toString(), u"keep"_s);
    QCOMPARE(
        TodoCodec::serialize(result.todos),
        R"([{"id":"a","text":"t","priority":"low","status":"done","created":5,"alpha":"keep","zeta":[1,{"x":null}]}])");
}

void TestTodoCodec::unknownPriorityAndStatusSurviveRoundTrip()
{
    const QByteArray value = R"([{"id":"a","text":"t","priority":"urgent","status":"blocked","created":5}])";
    const TodoCodec::Result result = TodoCodec::parse(value);
    QVERIFY(result.ok);
    const Todo &todo = result.todos.first();
    QCOMPARE(todo.priority, Todo::Priority::Low);
    QCOMPARE(todo.status, Todo::Status::NotSet);
    QCOMPARE(TodoCodec::serialize(result.todos), value);

    const QByteArray oddTypes = R"([{"id":"a","text":"t","priority":3,"status":null,"created":5}])";
    QCOMPARE(TodoCodec::serialize(TodoCodec::parse(oddTypes).todos), oddTypes);
}

void TestTodoCodec::missingPriorityAndStatusReadAsDefaults()
{
    const TodoCodec::Result result = TodoCodec::parse(R"([{"id":"a","text":"t"}])");
    QVERIFY(result.ok);
    QCOMPARE(result.todos.first().priority, Todo::Priority::Low);
    QCOMPARE(result.todos.first().status, Todo::Status::NotSet);
    QVERIFY(!result.todos.first().isDone());
    QCOMPARE(TodoCodec::serialize(result.todos),
             R"([{"id":"a","text":"t","priority":"low","status":"not set"}])");
}

void TestTodoCodec::nonNumericCreatedIsKept()
{
    const QByteArray value
        = R"([{"id":"a","text":"t","priority":"low","status":"done","created":"yesterday","updated":1.5}])";
    const TodoCodec::Result result = TodoCodec::parse(value);
    QVERIFY(result.ok);
    QCOMPARE(result.todos.first().created, 0);
    QCOMPARE(TodoCodec::serialize(result.todos), value);
}

void TestTodoCodec::invalidValues_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("not json") << QByteArray("hello");
    QTest::newRow("truncated") << QByteArray(R"([{"id":"a")");
    QTest::newRow("object") << QByteArray(R"({"id":"a"})");
    QTest::newRow("number") << QByteArray("42");
    QTest::newRow("array of strings") << QByteArray(R"(["a","b"])");
    QTest::newRow("mixed") << QByteArray(R"([{"id":"a"},7])");
}

void TestTodoCodec::invalidValues()
{
    QFETCH(QByteArray, value);
    const TodoCodec::Result result = TodoCodec::parse(value);
    QVERIFY(!result.ok);
    QVERIFY(result.todos.isEmpty());
    QVERIFY(!result.error.isEmpty());
    QVERIFY2(!result.error.contains(QString::fromUtf8(value)), "the error text must not echo the value");
}

void TestTodoCodec::emptyArrayIsValid()
{
    const TodoCodec::Result result = TodoCodec::parse("[]");
    QVERIFY(result.ok);
    QVERIFY(result.todos.isEmpty());
    QCOMPARE(TodoCodec::serialize({}), QByteArray("[]"));
}

void TestTodoCodec::serializesInStableOrder()
{
    Todo todo;
    todo.extra.insert(u"b"_s, 2);
    todo.extra.insert(u"a"_s, 1);
    todo.updated = 9;
    todo.created = 8;
    todo.status = Todo::Status::Done;
    todo.priority = Todo::Priority::High;
    todo.text = u"x"_s;
    todo.id = u"i"_s;
    QCOMPARE(
        TodoCodec::serialize({ todo }),
        R"([{"id":"i","text":"x","priority":"high","status":"done","created":8,"updated":9,"a":1,"b":2}])");
    QCOMPARE(TodoCodec::fromJson(TodoCodec::toJson(todo)), todo);
}

void TestTodoCodec::escapesText()
{
    Todo todo;
    todo.id = u"i"_s;
    todo.text = u"quote \" backslash \\ newline \n unicode é ✓"_s;
    const QByteArray value = TodoCodec::serialize({ todo });
    QVERIFY(!value.contains('\n'));
    const TodoCodec::Result back = TodoCodec::parse(value);
    QVERIFY(back.ok);
    QCOMPARE(back.todos.first().text, todo.text);
    QVERIFY(QJsonDocument::fromJson(value).isArray());
}

void TestTodoCodec::newIdHasShowcaseShape()
{
    const QString a = TodoCodec::newId(1700000000123);
    QVERIFY2(QRegularExpression(u"^todo_1700000000123_[0-9a-z]+$"_s).match(a).hasMatch(), qPrintable(a));
    QVERIFY(TodoCodec::newId() != TodoCodec::newId());
    QVERIFY(TodoCodec::newId().startsWith(u"todo_"_s));
}

void TestTodoCodec::storedNamesOfPriorityAndStatus()
{
    const QList<std::pair<Todo::Priority, QString>> priorities = { { Todo::Priority::Low, u"low"_s },
                                                                   { Todo::Priority::Medium, u"medium"_s },
                                                                   { Todo::Priority::High, u"high"_s } };
    for (const auto &[priority, name] : priorities) {
        QCOMPARE(TodoCodec::priorityName(priority), name);
        QCOMPARE(TodoCodec::priorityFromName(name), priority);
    }
    const QList<std::pair<Todo::Status, QString>> statuses = { { Todo::Status::NotSet, u"not set"_s },
                                                               { Todo::Status::InProgress, u"in progress"_s },
                                                               { Todo::Status::Done, u"done"_s } };
    for (const auto &[status, name] : statuses) {
        QCOMPARE(TodoCodec::statusName(status), name);
        QCOMPARE(TodoCodec::statusFromName(name), status);
    }
    QVERIFY(!TodoCodec::priorityFromName(u"High"_s));
    QVERIFY(!TodoCodec::priorityFromName(u"done"_s));
    QVERIFY(!TodoCodec::statusFromName(u""_s));
    QVERIFY(!TodoCodec::statusFromName(u"high"_s));
}

void TestTodoCodec::plannerMembersReadAndWritten()
{
    // Written among the unknown members, alphabetically (as before they were known).
    const QByteArray value
        = R"([{"id":"a","text":"t","priority":"low","status":"not set","created":5,"alpha":1,"notes":"line 1\nline 2","remind":"14:30","reminded":1796601600123,"series":"series_7","zeta":2}])";
    const TodoCodec::Result result = TodoCodec::parse(value);
    QVERIFY(result.ok);
    const Todo &todo = result.todos.first();
    QCOMPARE(todo.notes, u"line 1\nline 2"_s);
    QCOMPARE(todo.remind, u"14:30"_s);
    QCOMPARE(todo.reminded, 1796601600123);
    QCOMPARE(todo.series, u"series_7"_s);
    QCOMPARE(todo.extra.keys(), QStringList({ u"alpha"_s, u"zeta"_s }));
    QCOMPARE(TodoCodec::serialize(result.todos), value);
    QCOMPARE(TodoCodec::fromJson(TodoCodec::toJson(todo)), todo);
}

void TestTodoCodec::plannerMembersAbsentWhenEmpty()
{
    Todo todo;
    todo.id = u"a"_s;
    todo.text = u"t"_s;
    QCOMPARE(TodoCodec::serialize({ todo }),
             R"([{"id":"a","text":"t","priority":"low","status":"not set"}])");
    todo.notes = u"n"_s;
    todo.reminded = 3;
    QCOMPARE(TodoCodec::serialize({ todo }),
             R"([{"id":"a","text":"t","priority":"low","status":"not set","notes":"n","reminded":3}])");
}

void TestTodoCodec::plannerMembersOfWrongTypeKeptRaw()
{
    // Like an unknown priority: the field shows nothing, the stored value is written back as it came.
    const QByteArray value
        = R"([{"id":"a","text":"t","priority":"low","status":"not set","notes":["x"],"remind":"2:30 pm","reminded":"soon","series":7}])";
    const TodoCodec::Result result = TodoCodec::parse(value);
    QVERIFY(result.ok);
    const Todo &todo = result.todos.first();
    QVERIFY(todo.notes.isEmpty());
    QVERIFY(todo.remind.isEmpty());
    QCOMPARE(todo.reminded, 0);
    QVERIFY(todo.series.isEmpty());
    QCOMPARE(todo.extra.value(u"remind"_s).toString(), u"2:30 pm"_s);
    QCOMPARE(TodoCodec::serialize(result.todos), value);
    QVERIFY(TodoCodec::isRemindTime(u"00:00"_s));
    QVERIFY(TodoCodec::isRemindTime(u"23:59"_s));
    for (const QString &bad : { u"24:00"_s, u"9:30"_s, u"09:30:00"_s, u""_s, u"ab:cd"_s })
        QVERIFY2(!TodoCodec::isRemindTime(bad), qPrintable(bad));
}

QTEST_GUILESS_MAIN(TestTodoCodec)
#include "tst_todocodec.moc"

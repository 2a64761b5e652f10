// SPDX-License-Identifier: MIT
// Issue 13, "Data stays compatible": a second client that knows only the six fields
// id/text/priority/status/created/updated (the HPKV showcase web app, an older Dayboard) works on
// the same day as Dayboard over the protocol. Its edits must not strip the planner's members
// (notes, remind, reminded, series) nor unknown ones, and Dayboard must keep working on that day.
//
// How such a client edits, modelled on the showcase web app (hpkv-io/showcase-ws-todo, app.js):
// it parses the stored JSON, changes the member it edits on the object it got (`todo.status =
// ...`), and writes the whole value back with a plain SET (no revisions); a todo it adds has only
// its own fields. So it keeps what it does not know. (A client that rebuilt each object from its
// own six fields would lose them; see docs/data-model.md, "Clients that know only six fields".)
#include "appserverfixture.h"
#include "sync/daycache.h"
#include "sync/hpkvclient.h"
#include "sync/monitorclient.h"
#include "sync/syncsession.h"
#include "sync/todocodec.h"
#include "testwebsocketclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDate day(2026, 12, 7);
constexpr int timeout = 30000;

/** The six fields the other client knows, in its own struct. */
struct SixFields
{
    QString id;
    QString text;
    QString priority;
    QString status;
    qint64 created = 0;
    qint64 updated = 0;
};

/** A client of the protocol that knows only SixFields and writes whole days with SET. */
class SixFieldClient
{
public:
    bool open(quint16 port)
    {
        return m_socket.open(
            QUrl(u"ws://127.0.0.1:%1/ws?apiKey=%2"_s.arg(port).arg(AppServerFixture::apiKey)));
    }

    /** Reads the day: its own view (six fields) and the objects as they came. */
    QList<SixFields> read()
    {
        const QJsonObject reply = m_socket.request({ { u"op"_s, 1 }, { u"key"_s, key() } });
        m_objects = reply.value(u"code"_s).toInt() == 200
            ? QJsonDocument::fromJson(reply.value(u"value"_s).toString().toUtf8()).array()
            : QJsonArray();
        QList<SixFields> todos;
        for (const QJsonValue &value : std::as_const(m_objects)) {
            const QJsonObject o = value.toObject();
            todos.append({ o.value(u"id"_s).toString(), o.value(u"text"_s).toString(),
                           o.value(u"priority"_s).toString(), o.value(u"status"_s).toString(),
                           o.value(u"created"_s).toInteger(), o.value(u"updated"_s).toInteger() });
        }
        return todos;
    }

    /** Changes one of its fields on the object it read, as the showcase does, and writes the day. */
    bool edit(const QString &id, const QString &field, const QJsonValue &value)
    {
        for (qsizetype i = 0; i < m_objects.size(); ++i) {
            QJsonObject o = m_objects.at(i).toObject();
            if (o.value(u"id"_s).toString() == id) {
                o.insert(field, value);
                o.insert(u"updated"_s, QDateTime::currentMSecsSinceEpoch());
                m_objects.replace(i, o);
                return write();
            }
        }
        return false;
    }

    /** Appends a todo that has only the six fields. */
    bool add(const SixFields &todo)
    {
        m_objects.append(QJsonObject { { u"id"_s, todo.id },
                                       { u"text"_s, todo.text },
                                       { u"priority"_s, todo.priority },
                                       { u"status"_s, todo.status },
                                       { u"created"_s, todo.created } });
        return write();
    }

    bool remove(const QString &id)
    {
        for (qsizetype i = 0; i < m_objects.size(); ++i) {
            if (m_objects.at(i).toObject().value(u"id"_s).toString() == id) {
                m_objects.removeAt(i);
                return write();
            }
        }
        return false;
    }

    /** The stored value, raw. */
    QJsonArray stored()
    {
        read();
        return m_objects;
    }

private:
    static QString key() { return QString::fromUtf8(DayCache::keyFor(day)); }
    bool write()
    {
        const QByteArray value = QJsonDocument(m_objects).toJson(QJsonDocument::Compact);
        const QJsonObject reply = m_socket.request(
            { { u"op"_s, 2 }, { u"key"_s, key() }, { u"value"_s, QString::fromUtf8(value) } });
        return reply.value(u"code"_s).toInt() == 200;
    }

    TestWebSocketClient m_socket;
    QJsonArray m_objects;
};

/** Dayboard: its cache and sync session. */
struct App
{
    explicit App(const QString &queueFile)
        : session(&cache, queueFile)
    {
        session.client()->setBackoff(Backoff(10, 100));
        session.monitor()->setBackoff(Backoff(10, 100));
    }
    const Todo *find(const QString &id) const
    {
        for (const Todo &todo : cache.day(day).todos) {
            if (todo.id == id)
                return &todo;
        }
        return nullptr;
    }
    DayCache cache;
    SyncSession session;
};

QJsonObject objectWithId(const QJsonArray &array, const QString &id)
{
    for (const QJsonValue &value : array) {
        if (value.toObject().value(u"id"_s).toString() == id)
            return value.toObject();
    }
    return {};
}

} // namespace

class TestSixFieldClient : public QObject
{
    Q_OBJECT

private slots:
    void editsKeepThePlannerMembers_data();
    void editsKeepThePlannerMembers();

private:
    QTemporaryDir m_dir;
};

void TestSixFieldClient::editsKeepThePlannerMembers_data()
{
    QTest::addColumn<bool>("extensions");
    QTest::newRow("Dayboard server (CAS)") << true;
    QTest::newRow("hosted HPKV (RMW)") << false;
}

void TestSixFieldClient::editsKeepThePlannerMembers()
{
    QFETCH(bool, extensions);
    AppServerFixture server(extensions, true);
    QVERIFY(server.start());
    App app(m_dir.filePath(u"six-%1.json"_s.arg(extensions)));
    app.cache.watch(day);
    app.session.setEndpoint({ server.baseUrl(), AppServerFixture::apiKey });
    QTRY_COMPARE_WITH_TIMEOUT(app.cache.day(day).status, DayCache::Status::Ready, timeout);

    // Dayboard adds a todo with every planner member and one it does not know either.
    Todo planned;
    planned.id = u"todo_1796601600000_a"_s;
    planned.text = u"Dentist"_s;
    planned.created = 1796601600000;
    planned.extra.insert(u"color"_s, u"teal"_s);
    app.session.submit(TodoOperation::insert(day, planned));
    app.session.submit(TodoOperation::setNotes(day, planned.id, u"Bring the card\nand the form"_s, 5));
    app.session.submit(TodoOperation::setRemind(day, planned.id, u"14:30"_s, 6));
    app.session.submit(TodoOperation::setReminded(day, planned.id, 1796628600000));
    app.session.submit(TodoOperation::setMembers(day, planned.id, { { u"series"_s, u"series_7"_s } }, 7));
    QTRY_COMPARE_WITH_TIMEOUT(app.session.pendingCount(), 0, timeout);

    // The six-field client reads the day: it sees the todo through its six fields only.
    SixFieldClient other;
    QVERIFY(other.open(server.port()));
    QList<SixFields> seen = other.read();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().text, u"Dentist"_s);
    QCOMPARE(seen.first().status, u"not set"_s);

    // It marks the todo done, renames it and adds one of its own.
    QVERIFY(other.edit(planned.id, u"status"_s, u"done"_s));
    QVERIFY(other.edit(planned.id, u"text"_s, u"Dentist at 14:30"_s));
    QVERIFY(
        other.add({ u"todo_1796601700000_7"_s, u"Buy stamps"_s, u"high"_s, u"not set"_s, 1796601700000 }));

    // Nothing of Dayboard's was stripped from the stored value...
    const QJsonObject stored = objectWithId(other.stored(), planned.id);
    QCOMPARE(stored.value(u"notes"_s).toString(), u"Bring the card\nand the form"_s);
    QCOMPARE(stored.value(u"remind"_s).toString(), u"14:30"_s);
    QCOMPARE(stored.value(u"reminded"_s).toInteger(), 1796628600000);
    QCOMPARE(stored.value(u"series"_s).toString(), u"series_7"_s);
    QCOMPARE(stored.value(u"color"_s).toString(), u"teal"_s);

    // ...and Dayboard shows the other client's edits with its own members intact.
    QTRY_VERIFY_WITH_TIMEOUT(app.cache.day(day).todos.size() == 2 && app.find(planned.id)->isDone()
                                 && app.find(planned.id)->text == u"Dentist at 14:30"_s,
                             timeout);
    const Todo *mine = app.find(planned.id);
    QCOMPARE(mine->notes, u"Bring the card\nand the form"_s);
    QCOMPARE(mine->remind, u"14:30"_s);
    QCOMPARE(mine->series, u"series_7"_s);

    // Dayboard keeps working on that day: notes on the other client's todo, a new reminder on its own.
    const QString theirs = u"todo_1796601700000_7"_s;
    app.session.submit(TodoOperation::setNotes(day, theirs, u"Ten of them"_s, 8));
    app.session.submit(TodoOperation::setRemind(day, planned.id, u"13:45"_s, 9));
    QTRY_COMPARE_WITH_TIMEOUT(app.session.pendingCount(), 0, timeout);
    seen = other.read();
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen.at(1).priority, u"high"_s);

    // The other client edits again (status of its todo) and deletes nothing of ours.
    QVERIFY(other.edit(theirs, u"status"_s, u"done"_s));
    const QJsonArray last = other.stored();
    QCOMPARE(objectWithId(last, theirs).value(u"notes"_s).toString(), u"Ten of them"_s);
    QCOMPARE(objectWithId(last, planned.id).value(u"remind"_s).toString(), u"13:45"_s);
    QVERIFY(!objectWithId(last, planned.id).contains(u"reminded"_s)); // a new time fires again
    QCOMPARE(objectWithId(last, planned.id).value(u"notes"_s).toString(), u"Bring the card\nand the form"_s);
    QTRY_VERIFY_WITH_TIMEOUT(app.find(theirs) && app.find(theirs)->isDone(), timeout);
    QCOMPARE(app.find(theirs)->notes, u"Ten of them"_s);

    // A delete by the other client is a delete for Dayboard too.
    QVERIFY(other.remove(planned.id));
    QTRY_VERIFY_WITH_TIMEOUT(!app.find(planned.id), timeout);
    QCOMPARE(app.cache.day(day).todos.size(), 1);
}

QTEST_GUILESS_MAIN(TestSixFieldClient)
#include "tst_sixfieldclient.moc"

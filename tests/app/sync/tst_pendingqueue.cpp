// SPDX-License-Identifier: MIT
#include "sync/pendingqueue.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDate monday(2026, 11, 23);
const QDate tuesday(2026, 11, 24);

TodoOperation insertOp(const QDate &day, const QString &id)
{
    Todo todo;
    todo.id = id;
    todo.text = id;
    todo.created = 1700000000000;
    return TodoOperation::insert(day, todo, -1, {}, 1700000000000);
}

QStringList ids(const QList<PendingQueue::Entry> &entries)
{
    QStringList result;
    for (const PendingQueue::Entry &entry : entries)
        result.append(entry.op.targetId());
    return result;
}

QList<quint64> seqs(const QList<PendingQueue::Entry> &entries)
{
    QList<quint64> result;
    for (const PendingQueue::Entry &entry : entries)
        result.append(entry.seq);
    return result;
}

bool writeFile(const QString &fileName, const QByteArray &bytes)
{
    QFile file(fileName);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestPendingQueue : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void operationsSurviveARestart();
    void removeTakesOutBySequenceNumber();
    void entriesPerDayInOrder();
    void destructorWaitsForTheFile();
    void damagedFileIsMovedAside();
    void unreadableEntriesAreSkipped();
    void saveFailureIsReportedAndKeepsTheOperations();

private:
    QTemporaryDir m_dir;
};

void TestPendingQueue::operationsSurviveARestart()
{
    const QString fileName = m_dir.filePath(u"restart.json"_s);
    {
        PendingQueue queue(fileName);
        QVERIFY(queue.loadError().isEmpty());
        QSignalSpy count(&queue, &PendingQueue::countChanged);
        QSignalSpy saved(&queue, &PendingQueue::saved);
        QCOMPARE(queue.append(insertOp(monday, u"a"_s)), 1u);
        QCOMPARE(queue.append(TodoOperation::setStatus(monday, u"a"_s, Todo::Status::Done, 5)), 2u);
        QCOMPARE(count.size(), 2);
        QCOMPARE(queue.count(), 2);
        QTRY_VERIFY(queue.isSaved());
        QVERIFY(saved.size() >= 1);
    }
    PendingQueue again(fileName);
    QVERIFY(again.loadError().isEmpty());
    QCOMPARE(again.count(), 2);
    const QList<PendingQueue::Entry> entries = again.entries();
    QCOMPARE(seqs(entries), (QList<quint64> { 1, 2 }));
    QCOMPARE(entries.at(0).op.kind, TodoOperation::Kind::Insert);
    QCOMPARE(entries.at(0).op.todo, insertOp(monday, u"a"_s).todo);
    QCOMPARE(entries.at(1).op.kind, TodoOperation::Kind::SetStatus);
    QCOMPARE(entries.at(1).op.status, Todo::Status::Done);
    QCOMPARE(entries.at(1).op.timestampMs, 5);
    // Sequence numbers go on where they stopped.
    QCOMPARE(again.append(insertOp(monday, u"b"_s)), 3u);
}

void TestPendingQueue::removeTakesOutBySequenceNumber()
{
    const QString fileName = m_dir.filePath(u"remove.json"_s);
    {
        PendingQueue queue(fileName);
        const quint64 a = queue.append(insertOp(monday, u"a"_s));
        queue.append(insertOp(monday, u"b"_s));
        const quint64 c = queue.append(insertOp(tuesday, u"c"_s));
        QSignalSpy count(&queue, &PendingQueue::countChanged);
        queue.remove({ a, c });
        QCOMPARE(count.size(), 1);
        QCOMPARE(ids(queue.entries()), QStringList { u"b"_s });
        queue.remove({ a, 99 }); // gone already: nothing changes
        QCOMPARE(count.size(), 1);
    }
    PendingQueue again(fileName);
    QCOMPARE(ids(again.entries()), QStringList { u"b"_s });
    // A removed number is never handed out again.
    QCOMPARE(again.append(insertOp(monday, u"d"_s)), 4u);
}

void TestPendingQueue::entriesPerDayInOrder()
{
    PendingQueue queue(m_dir.filePath(u"days.json"_s));
    queue.append(insertOp(tuesday, u"t1"_s));
    queue.append(insertOp(monday, u"m1"_s));
    queue.append(insertOp(tuesday, u"t2"_s));
    QCOMPARE(ids(queue.entriesFor(tuesday)), (QStringList { u"t1"_s, u"t2"_s }));
    QCOMPARE(ids(queue.entriesFor(monday)), QStringList { u"m1"_s });
    QVERIFY(queue.entriesFor(monday.addDays(7)).isEmpty());
    QCOMPARE(queue.days(), (QList<QDate> { tuesday, monday }));
}

void TestPendingQueue::destructorWaitsForTheFile()
{
    const QString fileName = m_dir.filePath(u"destructor.json"_s);
    {
        PendingQueue queue(fileName);
        for (int i = 0; i < 50; ++i)
            queue.append(insertOp(monday, u"todo_%1"_s.arg(i)));
    } // no waiting for saved(): the destructor does
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(document.value(u"operations"_s).toArray().size(), 50);
    QCOMPARE(document.value(u"nextSeq"_s).toInteger(), 51);
}

void TestPendingQueue::damagedFileIsMovedAside()
{
    const QString fileName = m_dir.filePath(u"damaged.json"_s);
    QVERIFY(writeFile(fileName, R"({"version":1,"operations":[)"));
    PendingQueue queue(fileName);
    QVERIFY(!queue.loadError().isEmpty());
    QCOMPARE(queue.count(), 0);
    QVERIFY(!QFile::exists(fileName));
    const QStringList aside = QDir(m_dir.path()).entryList({ u"damaged.json.corrupt-*"_s }, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY(queue.loadError().contains(aside.first()));
    QFile kept(m_dir.filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), R"({"version":1,"operations":[)");
}

void TestPendingQueue::unreadableEntriesAreSkipped()
{
    const QString fileName = m_dir.filePath(u"entries.json"_s);
    const QJsonObject good = insertOp(monday, u"good"_s).toJson();
    const QJsonObject document {
        { u"version"_s, 1 },
        { u"nextSeq"_s, 40 },
        { u"operations"_s,
          QJsonArray {
              QJsonObject { { u"seq"_s, 7 }, { u"op"_s, good } },
              QJsonObject { { u"seq"_s, 8 }, { u"op"_s, QJsonObject { { u"kind"_s, u"explode"_s } } } },
              QJsonObject { { u"op"_s, good } } } }, // no seq
    };
    QVERIFY(writeFile(fileName, QJsonDocument(document).toJson()));
    PendingQueue queue(fileName);
    QVERIFY(queue.loadError().isEmpty());
    QCOMPARE(seqs(queue.entries()), QList<quint64> { 7 });
    QCOMPARE(queue.append(insertOp(monday, u"next"_s)), 40u);
}

void TestPendingQueue::saveFailureIsReportedAndKeepsTheOperations()
{
    const QString blocker = m_dir.filePath(u"blocker"_s);
    QVERIFY(writeFile(blocker, "not a folder"));
    PendingQueue queue(blocker + u"/queue.json"_s);
    QSignalSpy failed(&queue, &PendingQueue::saveFailed);
    queue.append(insertOp(monday, u"a"_s));
    QVERIFY(failed.wait());
    QVERIFY(!failed.first().first().toString().isEmpty());
    QCOMPARE(queue.count(), 1);
    QCOMPARE(ids(queue.entriesFor(monday)), QStringList { u"a"_s });
}

QTEST_GUILESS_MAIN(TestPendingQueue)
#include "tst_pendingqueue.moc"

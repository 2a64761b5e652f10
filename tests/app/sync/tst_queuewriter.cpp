// SPDX-License-Identifier: MIT
#include "sync/queuewriter.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray contents(const QString &fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestQueueWriter : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void writesTheWholeFileAndReportsItsGeneration();
    void replacesThePreviousContents();
    void createsMissingFolders();
    void reportsWhyItCannotWrite();

private:
    QTemporaryDir m_dir;
};

void TestQueueWriter::writesTheWholeFileAndReportsItsGeneration()
{
    const QString fileName = m_dir.filePath(u"queue.json"_s);
    QueueWriter writer(fileName);
    QSignalSpy written(&writer, &QueueWriter::written);
    writer.write(7, R"({"version":1})");
    QCOMPARE(written.size(), 1);
    QCOMPARE(written.first().at(0).value<quint64>(), 7u);
    QCOMPARE(written.first().at(1).toBool(), true);
    QVERIFY(written.first().at(2).toString().isEmpty());
    QCOMPARE(contents(fileName), R"({"version":1})");
}

void TestQueueWriter::replacesThePreviousContents()
{
    const QString fileName = m_dir.filePath(u"replace.json"_s);
    QueueWriter writer(fileName);
    QSignalSpy written(&writer, &QueueWriter::written);
    writer.write(1, QByteArray(4096, 'x'));
    writer.write(2, "short");
    QCOMPARE(contents(fileName), "short");
    QCOMPARE(written.size(), 2);
    QCOMPARE(written.last().at(0).value<quint64>(), 2u);
    // Atomic replacement leaves no temporary file behind.
    QCOMPARE(QDir(m_dir.path()).entryList({ u"replace*"_s }, QDir::Files), QStringList { u"replace.json"_s });
}

void TestQueueWriter::createsMissingFolders()
{
    const QString fileName = m_dir.filePath(u"new/folders/queue.json"_s);
    QueueWriter writer(fileName);
    QSignalSpy written(&writer, &QueueWriter::written);
    writer.write(3, "[]");
    QCOMPARE(written.first().at(1).toBool(), true);
    QCOMPARE(contents(fileName), "[]");
}

void TestQueueWriter::reportsWhyItCannotWrite()
{
    // A folder that cannot exist: its parent is a regular file.
    const QString blocker = m_dir.filePath(u"blocker"_s);
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString fileName = blocker + u"/queue.json"_s;
    QueueWriter writer(fileName);
    QSignalSpy written(&writer, &QueueWriter::written);
    writer.write(4, "[]");
    QCOMPARE(written.size(), 1);
    QCOMPARE(written.first().at(0).value<quint64>(), 4u);
    QCOMPARE(written.first().at(1).toBool(), false);
    QVERIFY(!written.first().at(2).toString().isEmpty());
    QVERIFY(!QFile::exists(fileName));
}

QTEST_GUILESS_MAIN(TestQueueWriter)
#include "tst_queuewriter.moc"

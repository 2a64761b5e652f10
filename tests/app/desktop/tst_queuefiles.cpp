// SPDX-License-Identifier: MIT
// ConnectionManager gives each server its own queue file of unsent edits; the same
// server written in another accepted form (docs/sync.md §6) keeps the same file.
#include "desktop/connectionmanager.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TstQueueFiles : public QObject
{
    Q_OBJECT

private slots:
    void onePerServer();
};

void TstQueueFiles::onePerServer()
{
    const QString dir = u"/data"_s;
    const auto remote = [&](const char *url) {
        return ConnectionManager::queueFileFor(dir, ConnectionManager::Mode::Remote,
                                               QUrl(QString::fromLatin1(url)));
    };
    const QString embedded = ConnectionManager::queueFileFor(dir, ConnectionManager::Mode::Embedded, {});
    QCOMPARE(embedded, QDir(dir).filePath(u"pending-operations.json"_s));
    // The built-in server listens on a new port at every start: its queue must not depend on it.
    QCOMPARE(ConnectionManager::queueFileFor(dir, ConnectionManager::Mode::Embedded,
                                             QUrl(u"http://127.0.0.1:40000"_s)),
             embedded);

    const QString example = remote("https://example.com");
    QVERIFY(example.startsWith(QDir(dir).filePath(u"pending-operations-"_s)));
    QVERIFY(example.endsWith(u".json"_s));
    QVERIFY(example != embedded);
    QCOMPARE(remote("wss://example.com/ws"), example);
    QCOMPARE(remote("https://example.com/ws/"), example);
    QCOMPARE(remote("https://example.com/?apiKey=x"), example);
    QVERIFY(remote("https://other.example.com") != example);
    QVERIFY(remote("https://example.com:8443") != example);
    QVERIFY(remote("https://example.com/team") != example);
    QVERIFY(remote("http://example.com") != example); // another scheme is another server
}

QTEST_GUILESS_MAIN(TstQueueFiles)
#include "tst_queuefiles.moc"

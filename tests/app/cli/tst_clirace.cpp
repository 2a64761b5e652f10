// SPDX-License-Identifier: MIT
// Many dayboard-cli processes and an app's SyncSession edit the same day at once: every edit is
// there at the end (compare-and-swap, replayed on 409). Asserts the race happened: at least one CLI
// write met a conflict (rounds repeat until one did).
#include "clirunner.h"
#include "serverprocess.h"
#include "sync/daycache.h"
#include "sync/syncsession.h"
#include "sync/todocodec.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;

class TestCliRace : public QObject
{
    Q_OBJECT

private slots:
    void cliAndAppEditOneDay();
};

void TestCliRace::cliAndAppEditOneDay()
{
    QVERIFY2(!CliRunner::binary().isEmpty(), "DAYBOARD_CLI_BINARY is not set");
    const QString key = u"race-key"_s;
    QTemporaryDir dir;
    ServerProcess server;
    QVERIFY2(server.start({ u"--port"_s, u"0"_s, u"--api-key"_s, key, u"--memory"_s }),
             qPrintable(server.errorString()));
    CliRunner runner;
    runner.environment.insert(u"QT_LOGGING_RULES"_s, u"dayboard.cli.info=true"_s);
    const QStringList connection { u"--server"_s, server.baseUrl().toString(), u"--key"_s, key };

    DayCache cache;
    SyncSession session(&cache, dir.filePath(u"queue.json"_s));
    session.setEndpoint({ server.baseUrl(), key });
    constexpr int processes = 8;
    constexpr int appEdits = 12;
    constexpr int maxRounds = 6;
    int conflicts = 0;
    for (int round = 0; round < maxRounds && conflicts == 0; ++round) {
        const QDate day = QDate(2027, 6, 1).addDays(round);
        cache.watch(day);
        QTRY_COMPARE_WITH_TIMEOUT(cache.day(day).status, DayCache::Status::Ready, 30000);
        std::vector<std::unique_ptr<QProcess>> clis;
        QSet<QString> expected;
        for (int i = 0; i < processes; ++i) {
            const QString text = u"cli %1"_s.arg(i);
            expected.insert(text);
            clis.push_back(std::make_unique<QProcess>());
            runner.start(*clis.back(),
                         QStringList { u"add"_s, text, u"--day"_s, day.toString(Qt::ISODate) } + connection);
        }
        // The app edits the same day while the processes start and write.
        for (int i = 0; i < appEdits; ++i) {
            Todo todo;
            todo.id = TodoCodec::newId();
            todo.text = u"app %1"_s.arg(i);
            expected.insert(todo.text);
            session.submit(TodoOperation::insert(day, todo));
            QTest::qWait(5);
        }
        for (auto &cli : clis) {
            QTRY_COMPARE_WITH_TIMEOUT(cli->state(), QProcess::NotRunning, 60000);
            const QByteArray err = cli->readAllStandardError();
            QVERIFY2(cli->exitCode() == 0, err.constData());
            conflicts += int(err.count("conflict on"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(session.pendingCount(), 0, 30000);

        const auto listed = runner.run(
            QStringList { u"list"_s, u"--day"_s, day.toString(Qt::ISODate), u"--json"_s } + connection);
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        QSet<QString> stored;
        for (const QJsonValue &entry : listed.json().array())
            stored.insert(entry[u"todo"_s][u"text"_s].toString());
        QCOMPARE(stored, expected);
        QCOMPARE(listed.json().array().size(), processes + appEdits); // nothing twice
        cache.unwatch(day);
    }
    QVERIFY2(conflicts > 0, "no CLI write met a concurrent one in any round: the race did not happen");
    qInfo() << "CLI writes that met a conflict:" << conflicts;
}

QTEST_GUILESS_MAIN(TestCliRace)
#include "tst_clirace.moc"

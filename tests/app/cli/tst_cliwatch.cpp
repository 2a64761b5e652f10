// SPDX-License-Identifier: MIT
// dayboard-cli watch: prints changes another client makes to the watched day, as text and as JSON
// lines, and exits 0 on SIGINT and SIGTERM.
#include "clirunner.h"
#include "serverprocess.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <signal.h>

using namespace Qt::StringLiterals;

class TestCliWatch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void printsChangesUntilInterrupted_data();
    void printsChangesUntilInterrupted();

private:
    QStringList connection() const
    {
        return { u"--server"_s, m_server.baseUrl().toString(), u"--key"_s, m_key };
    }

    QTemporaryDir m_dir;
    ServerProcess m_server;
    CliRunner m_runner;
    const QString m_key = u"watch-test-key"_s;
};

void TestCliWatch::initTestCase()
{
    QVERIFY2(!CliRunner::binary().isEmpty(), "DAYBOARD_CLI_BINARY is not set");
    QVERIFY2(m_server.start({ u"--port"_s, u"0"_s, u"--api-key"_s, m_key, u"--memory"_s }),
             qPrintable(m_server.errorString()));
}

void TestCliWatch::printsChangesUntilInterrupted_data()
{
    QTest::addColumn<bool>("json");
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("day");
    QTest::newRow("text, SIGINT") << false << int(SIGINT) << u"2026-12-20"_s;
    QTest::newRow("json, SIGTERM") << true << int(SIGTERM) << u"2026-12-21"_s;
}

void TestCliWatch::printsChangesUntilInterrupted()
{
    QFETCH(bool, json);
    QFETCH(int, signalNumber);
    QFETCH(QString, day);
    // A todo there before watching starts is not a change.
    QCOMPARE(
        m_runner.run(QStringList { u"add"_s, u"already there"_s, u"--day"_s, day } + connection()).exitCode,
        0);

    QProcess watch;
    QStringList arguments = QStringList { u"watch"_s, u"--day"_s, day } + connection();
    if (json)
        arguments << u"--json"_s;
    m_runner.start(watch, arguments);
    QByteArray err;
    QTRY_VERIFY2_WITH_TIMEOUT((err += watch.readAllStandardError()).contains("Watching"), err.constData(),
                              30000);

    auto added = m_runner.run(QStringList { u"add"_s, u"from another client"_s, u"--day"_s, day, u"--json"_s }
                              + connection());
    QCOMPARE(added.exitCode, 0);
    const QString id = added.json()[u"todo"_s][u"id"_s].toString();
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += watch.readAllStandardOutput()).contains("from another client"), 30000);
    QCOMPARE(m_runner.run(QStringList { u"done"_s, id } + connection()).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT((out += watch.readAllStandardOutput()).count('\n') >= 2, 30000);

    const QList<QByteArray> lines = out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    if (json) {
        const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(first[u"change"_s].toString(), u"added"_s);
        QCOMPARE(first[u"day"_s].toString(), day);
        QCOMPARE(first[u"todo"_s][u"id"_s].toString(), id);
        const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(second[u"change"_s].toString(), u"changed"_s);
        QCOMPARE(second[u"todo"_s][u"status"_s].toString(), u"done"_s);
    } else {
        QCOMPARE(lines[0],
                 QByteArray("added " + day.toUtf8() + "  " + id.toUtf8() + "  [ ] from another client"));
        QCOMPARE(lines[1],
                 QByteArray("changed " + day.toUtf8() + "  " + id.toUtf8() + "  [x] from another client"));
    }
    QVERIFY(!out.contains("already there"));

    ::kill(pid_t(watch.processId()), signalNumber);
    QTRY_COMPARE_WITH_TIMEOUT(watch.state(), QProcess::NotRunning, 30000);
    QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
    QCOMPARE(watch.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestCliWatch)
#include "tst_cliwatch.moc"

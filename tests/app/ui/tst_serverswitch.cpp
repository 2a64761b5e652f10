// SPDX-License-Identifier: MIT
// Switching servers brings the lists along: every day with todos on the built-in server is
// copied to a real remote server on 127.0.0.1, merged by todo id, and copying again (or onto a
// server that already has some of them) duplicates nothing.
#include "daemon/dayboardserver.h"
#include "sync/hpkvclient.h"
#include "sync/todocodec.h"
#include "sync/todooperation.h"
#include "uitestenv.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int timeoutMs = 20000;
const QString remoteKey = QStringLiteral("remote-key");
const QDate first(2036, 4, 1);
const QDate second(2036, 4, 9);

Todo todo(const QString &id, const QString &text)
{
    Todo result;
    result.id = id;
    result.text = text;
    return result;
}

/** The ids of `day` on the server at `url`, read with a client of its own. */
QStringList idsOn(const QUrl &url, const QDate &day)
{
    HpkvClient client;
    client.setEndpoint(url, remoteKey);
    if (!QTest::qWaitFor([&] { return client.isConnected(); }, timeoutMs))
        return { QStringLiteral("<not connected>") };
    std::optional<QStringList> ids;
    client.get(DayCache::keyFor(day), [&](const HpkvClient::Reply &reply) {
        QStringList result;
        if (const auto value = reply.value()) {
            for (const Todo &item : TodoCodec::parse(*value).todos)
                result.append(item.id);
        }
        ids = result;
    });
    if (!QTest::qWaitFor([&] { return ids.has_value(); }, timeoutMs))
        return { QStringLiteral("<no answer>") };
    return *ids;
}

bool put(const QUrl &url, const QDate &day, const TodoList &todos)
{
    HpkvClient client;
    client.setEndpoint(url, remoteKey);
    if (!QTest::qWaitFor([&] { return client.isConnected(); }, timeoutMs))
        return false;
    std::optional<bool> ok;
    client.set(DayCache::keyFor(day), TodoCodec::serialize(todos), std::nullopt,
               [&](const HpkvClient::Reply &reply) { ok = reply.ok(); });
    return QTest::qWaitFor([&] { return ok.has_value(); }, timeoutMs) && *ok;
}

} // namespace

class TestServerSwitch : public QObject
{
    Q_OBJECT

private slots:
    void bringsTheListsAlongWithoutDuplicates();
};

void TestServerSwitch::bringsTheListsAlongWithoutDuplicates()
{
    UiTestEnv env;
    QVERIFY(env.start());
    QTRY_COMPARE_WITH_TIMEOUT(env.session->connectionState(), SyncSession::ConnectionState::Connected,
                              timeoutMs);
    // On the built-in server: two days with todos.
    env.session->submit(
        TodoOperation::insert(first, todo(QStringLiteral("a"), QStringLiteral("Water the plants"))));
    env.session->submit(
        TodoOperation::insert(first, todo(QStringLiteral("b"), QStringLiteral("Write report"))));
    env.session->submit(TodoOperation::insert(second, todo(QStringLiteral("c"), QStringLiteral("Call mum"))));
    QTRY_COMPARE_WITH_TIMEOUT(env.session->pendingCount(), 0, timeoutMs);

    // The remote server already has one of them, and one of its own.
    QTemporaryDir remoteDir;
    ServerConfig config;
    config.port = 0;
    config.dataDir = remoteDir.path();
    config.apiKeys = { remoteKey };
    DayboardServer remote(config);
    QString error;
    QVERIFY2(remote.start(&error), qPrintable(error));
    QVERIFY(put(remote.baseUrl(), first,
                { todo(QStringLiteral("a"), QStringLiteral("Water the plants")),
                  todo(QStringLiteral("r"), QStringLiteral("Remote only")) }));

    QSignalSpy toasts(env.controller.get(), &AppController::toast);
    QVERIFY(env.controller->applyServerSettings(QStringLiteral("remote"), remote.baseUrl().toString(),
                                                remoteKey, true));
    QTRY_VERIFY_WITH_TIMEOUT(
        texts(toasts).contains(QStringLiteral("Copied 2 days, 2 todos to the new server.")), timeoutMs);
    QCOMPARE(idsOn(remote.baseUrl(), first), (QStringList { u"a"_s, u"r"_s, u"b"_s }));
    QCOMPARE(idsOn(remote.baseUrl(), second), QStringList { u"c"_s });
    // The built-in server ran for the copy only.
    QTRY_VERIFY_WITH_TIMEOUT(!env.connection->embeddedServer()->isRunning(), timeoutMs);

    // The same again (back to the built-in server, then over with the lists): nothing doubles.
    QVERIFY(env.controller->applyServerSettings(QStringLiteral("embedded"), QString(), QString(), false));
    QTRY_COMPARE_WITH_TIMEOUT(env.session->connectionState(), SyncSession::ConnectionState::Connected,
                              timeoutMs);
    toasts.clear();
    QVERIFY(env.controller->applyServerSettings(QStringLiteral("remote"), remote.baseUrl().toString(),
                                                remoteKey, true));
    QTRY_VERIFY_WITH_TIMEOUT(
        texts(toasts).contains(QStringLiteral("Your lists were already on the new server: nothing to copy.")),
        timeoutMs);
    QCOMPARE(idsOn(remote.baseUrl(), first), (QStringList { u"a"_s, u"r"_s, u"b"_s }));
    QCOMPARE(idsOn(remote.baseUrl(), second), QStringList { u"c"_s });
}

QTEST_MAIN(TestServerSwitch)

#include "tst_serverswitch.moc"

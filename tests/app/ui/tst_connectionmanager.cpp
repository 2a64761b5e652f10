// SPDX-License-Identifier: MIT
// Settings → Server: switching between the built-in server and a remote one takes effect at
// once (no restart), the remote key is kept by the KeyStore, bad addresses are refused.
#include "daemon/dayboardserver.h"
#include "desktop/keystore.h"
#include "ui/daymodel.h"
#include "uitestenv.h"

#include <QSignalSpy>
#include <QTest>

namespace {
constexpr int timeoutMs = 20000;
}

class TstConnectionManager : public QObject
{
    Q_OBJECT

private slots:
    void switchesWithoutRestart();
    void refusesBadAddress();
};

void TstConnectionManager::switchesWithoutRestart()
{
    UiTestEnv env;
    QVERIFY(env.start());
    QCOMPARE(env.controller->serverMode(), QStringLiteral("embedded"));
    QTRY_COMPARE_WITH_TIMEOUT(env.session->connectionState(), SyncSession::ConnectionState::Connected,
                              timeoutMs);

    QTemporaryDir remoteDir;
    ServerConfig config;
    config.port = 0;
    config.dataDir = remoteDir.path();
    DayboardServer remote(config);
    QString error;
    QVERIFY2(remote.start(&error), qPrintable(error));

    QSignalSpy toasts(env.controller.get(), &AppController::toast);
    QVERIFY(env.controller->applyServerSettings(QStringLiteral("remote"), remote.baseUrl().toString(),
                                                remote.apiKeys().constFirst()));
    QCOMPARE(env.controller->serverMode(), QStringLiteral("remote"));
    QCOMPARE(env.session->endpoint().baseUrl, remote.baseUrl());
    QCOMPARE(toasts.count(), 0); // "Now syncing with …" once the new server answered
    QVERIFY(!env.connection->embeddedServer()->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(env.session->connectionState(), SyncSession::ConnectionState::Connected,
                              timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(toasts.count(), 1, timeoutMs);
    QCOMPARE(env.settings->value(QStringLiteral("server/mode")).toString(), QStringLiteral("remote"));

    // The key went to the keyring or, without one, to the 0600 file; never into the settings.
    QTRY_VERIFY_WITH_TIMEOUT(env.connection->keyStore()->backend() != KeyStore::Backend::Unknown, timeoutMs);
    for (const QString &key : env.settings->allKeys())
        QVERIFY(!env.settings->value(key).toString().contains(remote.apiKeys().constFirst()));

    // Edits now reach the remote server.
    DayModel model;
    model.setBackend(env.cache.get(), env.session.get());
    model.setDate(QDate(2033, 5, 5));
    model.add(QStringLiteral("on the remote"));
    QTRY_COMPARE_WITH_TIMEOUT(env.session->pendingCount(), 0, timeoutMs);
    {
        QTemporaryDir otherDir;
        QVERIFY(otherDir.isValid());
        DayCache cache;
        SyncSession session(&cache, otherDir.filePath(QStringLiteral("q")));
        session.setEndpoint({ remote.baseUrl(), remote.apiKeys().constFirst() });
        DayModel view;
        view.setBackend(&cache, &session);
        view.setDate(QDate(2033, 5, 5));
        QTRY_COMPARE_WITH_TIMEOUT(view.rowCount(), 1, timeoutMs);
    }

    // And back to the built-in server, again without a restart.
    QVERIFY(env.controller->applyServerSettings(QStringLiteral("embedded"), QString(), QString()));
    QVERIFY(env.connection->embeddedServer()->isRunning());
    QCOMPARE(env.session->endpoint().baseUrl, env.connection->currentUrl());
    QVERIFY(env.connection->currentUrl().isValid());
    QTRY_COMPARE_WITH_TIMEOUT(env.session->connectionState(), SyncSession::ConnectionState::Connected,
                              timeoutMs);
}

void TstConnectionManager::refusesBadAddress()
{
    UiTestEnv env;
    QVERIFY(env.start());
    QSignalSpy toasts(env.controller.get(), &AppController::toast);
    QVERIFY(!env.controller->applyServerSettings(QStringLiteral("remote"),
                                                 QStringLiteral("ftp://example.com"), QString()));
    QVERIFY(!env.controller->applyServerSettings(QStringLiteral("remote"), QStringLiteral("   "), QString()));
    QCOMPARE(toasts.count(), 2);
    QCOMPARE(env.controller->serverMode(), QStringLiteral("embedded"));
    QVERIFY(env.connection->embeddedServer()->isRunning());
}

QTEST_MAIN(TstConnectionManager)
#include "tst_connectionmanager.moc"

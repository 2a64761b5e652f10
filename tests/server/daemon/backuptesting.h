// SPDX-License-Identifier: MIT
#pragma once

// Helpers of tst_backup and tst_backuprestore: the dayboard-server process, its backup and
// restore commands, and WebSocket requests.

#include "serverprocess.h"
#include "testwebsocketclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <memory>

namespace BackupTesting {

const QByteArray apiKey = QByteArrayLiteral("backup-test-key-0123456789");
constexpr int timeoutMs = 60000;

inline QStringList serverArguments(const QString &dataDir)
{
    return { QStringLiteral("--port"),    QStringLiteral("0"),        QStringLiteral("--data-dir"), dataDir,
             QStringLiteral("--api-key"), QString::fromLatin1(apiKey) };
}

inline QJsonObject op(int code, const QString &key, const QJsonValue &value = QJsonValue::Undefined)
{
    QJsonObject object { { QStringLiteral("op"), code }, { QStringLiteral("key"), key } };
    if (!value.isUndefined())
        object.insert(QStringLiteral("value"), value);
    return object;
}

inline std::unique_ptr<TestWebSocketClient> connectClient(const ServerProcess &server)
{
    auto client = std::make_unique<TestWebSocketClient>();
    if (!client->open(server.webSocketUrl(QStringLiteral("apiKey=") + QString::fromLatin1(apiKey))))
        return nullptr;
    return client;
}

/** The result of one `dayboard-server <arguments>` run that exits by itself. */
struct CommandRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/** Starts `dayboard-server <arguments>`; the caller spins the event loop until it finished. */
inline std::unique_ptr<QProcess> startCommand(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->start(ServerProcess::binaryPath(), arguments);
    return process;
}

inline CommandRun finish(QProcess &process)
{
    CommandRun run;
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

inline CommandRun runCommand(const QStringList &arguments)
{
    const std::unique_ptr<QProcess> process = startCommand(arguments);
    return finish(*process);
}

} // namespace BackupTesting

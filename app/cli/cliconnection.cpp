// SPDX-License-Identifier: MIT
#include "cli/cliconnection.h"

#include "cli/exitcode.h"
#include "daemon/dayboardserver.h"
#include "desktop/keystore.h"
#include "desktop/runtimefile.h"
#include "storage/sqlitestorage.h"
#include "sync/serverprobe.h"

#include <QDir>
#include <QEventLoop>
#include <QLockFile>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcCli, "dayboard.cli")

using namespace Qt::StringLiterals;

CliConnection::CliConnection(QObject *parent)
    : QObject(parent)
    , m_client(new HpkvClient(this))
{ }

CliConnection::~CliConnection()
{
    m_client->disconnectFromServer();
}

int CliConnection::open(const Target &target, QString *error)
{
    const QString serverDir = QDir(target.dataDir).filePath(u"server"_s);
    if (target.server.isValid() && !target.server.isEmpty()) {
        const QString key = target.key.isEmpty() ? storedKey(target.dataDir) : target.key;
        if (key.isEmpty()) {
            *error
                = tr("No API key for %1: give --key or set DAYBOARD_API_KEY.").arg(target.server.toString());
            return ExitUsage;
        }
        m_description = target.server.toString();
        return connectTo({ target.server, key }, target.timeoutMs, error);
    }
    QString problem;
    if (const auto entry = RuntimeFile::read(serverDir, &problem)) {
        m_description = tr("the running Dayboard's built-in server (%1)").arg(entry->url.toString());
        const int code = connectTo({ entry->url, entry->apiKey }, target.timeoutMs, error);
        if (code != ExitUnreachable)
            return code;
        // A file left by an app that ended without removing it: its data folder is free then.
        qCInfo(lcCli).noquote() << "the runtime file's server does not answer:" << *error;
    } else if (!problem.isEmpty()) {
        qCWarning(lcCli).noquote() << problem;
    }
    return openDataDir(serverDir, target.timeoutMs, error);
}

int CliConnection::openDataDir(const QString &serverDir, int timeoutMs, QString *error)
{
    {
        QDir().mkpath(serverDir);
        QLockFile lock(QDir(serverDir).filePath(SqliteStorage::lockFileName()));
        qint64 pid = 0;
        QString host;
        QString application;
        if (!lock.tryLock(0) && lock.error() == QLockFile::LockFailedError) {
            lock.getLockInfo(&pid, &host, &application);
            *error = tr("The data folder %1 is in use by another Dayboard (process %2) whose server does not "
                        "answer; close it, or give --server and --key.")
                         .arg(QDir::toNativeSeparators(serverDir))
                         .arg(pid);
            return ExitDataDirInUse;
        }
    }
    ServerConfig config;
    config.port = 0;
    config.dataDir = serverDir;
    config.listenAddress = QHostAddress(QHostAddress::LocalHost);
    m_server = std::make_unique<DayboardServer>(config);
    if (!m_server->start(error)) {
        m_server.reset();
        return error->contains(u"in use"_s) ? ExitDataDirInUse : ExitFailed;
    }
    m_description = tr("the data folder %1").arg(QDir::toNativeSeparators(QFileInfo(serverDir).path()));
    QUrl url = m_server->baseUrl();
    url.setHost(u"127.0.0.1"_s);
    return connectTo({ url, m_server->apiKeys().value(0) }, timeoutMs, error);
}

int CliConnection::connectTo(const ServerEndpoint &endpoint, int timeoutMs, QString *error)
{
    m_endpoint = endpoint;
    ServerProbe probe;
    probe.setTimeout(timeoutMs);
    QEventLoop loop;
    ServerProbe::Verdict verdict = ServerProbe::Verdict::Unreachable;
    QString detail;
    bool answered = false;
    probe.run(endpoint.baseUrl, endpoint.apiKey, [&](ServerProbe::Verdict v, const QString &text) {
        verdict = v;
        detail = text;
        answered = true;
        loop.quit();
    });
    if (!answered)
        loop.exec();
    switch (verdict) {
    case ServerProbe::Verdict::Accepted:
        break;
    case ServerProbe::Verdict::KeyRefused:
        *error = tr("%1 refused the API key.").arg(m_description);
        return ExitKeyRefused;
    case ServerProbe::Verdict::NotHpkv:
        *error = tr("%1 is not a Dayboard or HPKV server: %2").arg(m_description, detail);
        return ExitUnreachable;
    default:
        *error = tr("Cannot reach %1: %2").arg(m_description, detail);
        return ExitUnreachable;
    }
    m_client->setRequestTimeout(timeoutMs);
    m_client->setEndpoint(endpoint.baseUrl, endpoint.apiKey);
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(m_client, &HpkvClient::connected, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    loop.exec();
    if (!m_client->isConnected()) {
        *error = tr("Cannot reach %1: the WebSocket did not connect.").arg(m_description);
        return ExitUnreachable;
    }
    return ExitOk;
}

QString CliConnection::storedKey(const QString &dataDir)
{
    // The key the app keeps for its remote server (system keyring, or the 0600 file beside it).
    KeyStore store(dataDir);
    std::optional<QString> key;
    QEventLoop loop;
    store.read([&](const QString &stored) {
        key = stored;
        loop.quit();
    });
    if (!key)
        loop.exec();
    return key.value_or(QString());
}

HpkvClient::Reply CliConnection::call(const std::function<void(HpkvClient::Callback)> &send)
{
    std::optional<HpkvClient::Reply> result;
    QEventLoop loop;
    send([&](const HpkvClient::Reply &reply) {
        result = reply;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

int CliConnection::exitCodeFor(const HpkvClient::Reply &reply)
{
    if (reply.ok())
        return ExitOk;
    if (reply.code == 0)
        return ExitUnreachable;
    if (reply.code == 401 || reply.code == 403)
        return ExitKeyRefused;
    if (reply.code == 409)
        return ExitConflict;
    return ExitFailed;
}

// SPDX-License-Identifier: MIT
#include "desktop/embeddedserver.h"

#include "daemon/dayboardserver.h"
#include "desktop/runtimefile.h"

#include <QDir>
#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QPointer>

Q_LOGGING_CATEGORY(lcEmbedded, "dayboard.ui.server")

struct EmbeddedServer::Private
{
    std::unique_ptr<DayboardServer> server;
    QPointer<DayboardServer> stopping; ///< a previous server still finishing its close handshakes
};

EmbeddedServer::EmbeddedServer(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
    , m_dataDir(dataDir)
{ }

EmbeddedServer::~EmbeddedServer()
{
    if (d->server)
        RuntimeFile::remove(m_dataDir);
}

bool EmbeddedServer::start(QString *error)
{
    if (isRunning())
        return true;
    finishStopping();
    if (!QDir().mkpath(m_dataDir)) {
        *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(m_dataDir));
        return false;
    }
    ServerConfig config;
    config.port = m_preferredPort;
    config.dataDir = m_dataDir;
    config.listenAddress = m_shared ? QHostAddress(QHostAddress::Any) : QHostAddress(QHostAddress::LocalHost);
    auto server = std::make_unique<DayboardServer>(config);
    bool ok = server->start(error);
    if (!ok && m_preferredPort != 0) {
        qCInfo(lcEmbedded) << "port" << m_preferredPort << "is not available:" << *error
                           << "- using a free one";
        server.reset(); // lets go of the data folder before the next try
        config.port = 0;
        server = std::make_unique<DayboardServer>(config);
        error->clear();
        ok = server->start(error);
    }
    if (!ok) {
        qCWarning(lcEmbedded) << "embedded server failed to start:" << *error;
        return false;
    }
    d->server = std::move(server);
    qCInfo(lcEmbedded) << "embedded server listening on" << d->server->baseUrl();
    // How dayboard-cli finds this server (docs/cli.md); the app works without it.
    QString runtimeError;
    if (!RuntimeFile::write(m_dataDir, baseUrl(), apiKey(), &runtimeError))
        qCWarning(lcEmbedded) << "cannot write the runtime file:" << runtimeError;
    return true;
}

void EmbeddedServer::stop()
{
    if (!d->server)
        return;
    RuntimeFile::remove(m_dataDir);
    // stop() is graceful (close frames, storage flush): the object goes once it is done.
    DayboardServer *server = d->server.release();
    server->setParent(this);
    connect(server, &DayboardServer::stopped, server, &QObject::deleteLater);
    connect(server, &DayboardServer::stopped, this, &EmbeddedServer::stopped);
    d->stopping = server;
    server->stop();
}

void EmbeddedServer::finishStopping()
{
    // The previous server has committed and answered every write (stop() flushes first); only
    // its close handshakes may still run. It holds the data dir's lock until it is gone, so a
    // server started on the same data dir right after a switch away and back must not wait for
    // them: end it now (its peers get an abort instead of a close frame).
    if (d->stopping) {
        qCInfo(lcEmbedded) << "ending the previous embedded server before starting again";
        delete d->stopping.data();
    }
}

bool EmbeddedServer::isStopping() const
{
    return d->stopping != nullptr;
}

bool EmbeddedServer::isRunning() const
{
    return d->server != nullptr;
}

void EmbeddedServer::setShared(bool shared)
{
    m_shared = shared;
}

bool EmbeddedServer::isShared() const
{
    return m_shared;
}

void EmbeddedServer::setPreferredPort(quint16 port)
{
    m_preferredPort = port;
}

QUrl EmbeddedServer::baseUrl() const
{
    if (!d->server)
        return {};
    QUrl url = d->server->baseUrl();
    url.setHost(QHostAddress(QHostAddress::LocalHost).toString());
    return url;
}

QUrl EmbeddedServer::networkUrl() const
{
    if (!d->server || !m_shared)
        return {};
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()) {
            QUrl url = baseUrl();
            url.setHost(address.toString());
            return url;
        }
    }
    return {};
}

QString EmbeddedServer::apiKey() const
{
    if (d->server) {
        const auto keys = d->server->apiKeys();
        if (!keys.isEmpty())
            return keys.first();
    }
    return {};
}

QString EmbeddedServer::dataDir() const
{
    return m_dataDir;
}

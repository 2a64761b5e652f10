// SPDX-License-Identifier: MIT
#include "embeddedserver.h"

#include <QDir>
#include <QLoggingCategory>

#include "dayboardserver.h"

Q_LOGGING_CATEGORY(lcEmbedded, "dayboard.ui.server")

struct EmbeddedServer::Private
{
    std::unique_ptr<DayboardServer> server;
};

EmbeddedServer::EmbeddedServer(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
    , m_dataDir(dataDir)
{
}

EmbeddedServer::~EmbeddedServer() = default;

bool EmbeddedServer::start(QString *error)
{
    if (isRunning())
        return true;
    if (!QDir().mkpath(m_dataDir)) {
        *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(m_dataDir));
        return false;
    }
    ServerConfig config;
    config.port = 0;
    config.dataDir = m_dataDir;
    auto server = std::make_unique<DayboardServer>(config);
    if (!server->start(error)) {
        qCWarning(lcEmbedded) << "embedded server failed to start:" << *error;
        return false;
    }
    d->server = std::move(server);
    qCInfo(lcEmbedded) << "embedded server listening on" << d->server->baseUrl();
    return true;
}

void EmbeddedServer::stop()
{
    if (!d->server)
        return;
    // stop() is graceful (close frames, storage flush): the object goes once it is done.
    DayboardServer *server = d->server.release();
    server->setParent(this);
    connect(server, &DayboardServer::stopped, server, &QObject::deleteLater);
    server->stop();
}

bool EmbeddedServer::isRunning() const
{
    return d->server != nullptr;
}

QUrl EmbeddedServer::baseUrl() const
{
    if (d->server)
        return d->server->baseUrl();
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

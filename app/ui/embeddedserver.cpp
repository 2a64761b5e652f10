// SPDX-License-Identifier: MIT
#include "embeddedserver.h"

#include <QDir>
#include <QLoggingCategory>

#if __has_include("dayboardserver.h")
#include "dayboardserver.h"
#define DAYBOARD_HAVE_SERVER 1
#endif

Q_LOGGING_CATEGORY(lcEmbedded, "dayboard.ui.server")

struct EmbeddedServer::Private
{
#ifdef DAYBOARD_HAVE_SERVER
    std::unique_ptr<DayboardServer> server;
#endif
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
#ifdef DAYBOARD_HAVE_SERVER
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
#else
    *error = tr("This build has no embedded server.");
    return false;
#endif
}

void EmbeddedServer::stop()
{
#ifdef DAYBOARD_HAVE_SERVER
    d->server.reset();
#endif
}

bool EmbeddedServer::isRunning() const
{
#ifdef DAYBOARD_HAVE_SERVER
    return d->server != nullptr;
#else
    return false;
#endif
}

QUrl EmbeddedServer::baseUrl() const
{
#ifdef DAYBOARD_HAVE_SERVER
    if (d->server)
        return QUrl(d->server->baseUrl());
#endif
    return {};
}

QString EmbeddedServer::apiKey() const
{
#ifdef DAYBOARD_HAVE_SERVER
    if (d->server) {
        const auto keys = d->server->apiKeys();
        if (!keys.isEmpty())
            return keys.first();
    }
#endif
    return {};
}

QString EmbeddedServer::dataDir() const
{
    return m_dataDir;
}

// SPDX-License-Identifier: MIT
#include "peerserver.h"

#include "daemon/dayboardserver.h"

namespace {
const QString peerKey = QStringLiteral("peer-server-key");
}

PeerServer::PeerServer(QObject *parent)
    : QObject(parent)
{
    ServerConfig config;
    config.port = 0;
    config.dataDir = m_dir.path();
    config.apiKeys = { peerKey };
    m_server = std::make_unique<DayboardServer>(config);
    if (!m_server->start(&m_error))
        qWarning("PeerServer did not start: %s", qPrintable(m_error));
}

PeerServer::~PeerServer() = default;

QString PeerServer::url() const
{
    return m_server->isRunning() ? m_server->baseUrl().toString() : QString();
}

QString PeerServer::apiKey() const
{
    return peerKey;
}

// SPDX-License-Identifier: MIT
#pragma once

#include "daemon/dayboardserver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

/**
 * @brief A real in-process DayboardServer on 127.0.0.1 for the sync tests, restartable on the
 * same port and data dir (what a client sees when the server restarts).
 */
class AppServerFixture
{
public:
    /** `dataDir` empty: a fresh temporary one (another fixture's dataDir() to share its data). */
    explicit AppServerFixture(bool extensions = true, bool memory = false, const QString &dataDir = {})
        : m_extensions(extensions)
        , m_memory(memory)
        , m_dataDir(dataDir.isEmpty() ? m_dir.path() : dataDir)
    { }

    static inline const QString apiKey = QStringLiteral("test-key");

    bool start(quint16 port = 0)
    {
        ServerConfig config;
        config.port = port;
        config.dataDir = m_dataDir;
        config.memory = m_memory;
        config.apiKeys = { apiKey };
        config.extensions = m_extensions;
        m_server = std::make_unique<DayboardServer>(config);
        QString error;
        if (!m_server->start(&error)) {
            qWarning("server did not start: %s", qPrintable(error));
            return false;
        }
        m_port = m_server->port();
        return true;
    }

    /** Stops gracefully and waits until the port is free. */
    bool stop()
    {
        if (!m_server || !m_server->isRunning())
            return true;
        QSignalSpy stopped(m_server.get(), &DayboardServer::stopped);
        m_server->stop();
        if (m_server->isRunning() && stopped.isEmpty() && !stopped.wait(15000))
            return false;
        m_server.reset();
        return true;
    }

    bool restart() { return stop() && start(m_port); }

    DayboardServer *server() const { return m_server.get(); }
    quint16 port() const { return m_port; }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    QString dataDir() const { return m_dataDir; }

private:
    bool m_extensions;
    bool m_memory;
    QTemporaryDir m_dir;
    QString m_dataDir;
    std::unique_ptr<DayboardServer> m_server;
    quint16 m_port = 0;
};

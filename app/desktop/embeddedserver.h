// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

/**
 * @brief The in-process Dayboard server the app uses by default (no setup, works offline).
 *
 * Listens on 127.0.0.1 (every interface when shared) on the preferred port, or a free one
 * when that is taken; keeps its data in `dataDir` (SQLite) and generates an API key there on
 * first start.
 */
class EmbeddedServer : public QObject
{
    Q_OBJECT

public:
    explicit EmbeddedServer(const QString &dataDir, QObject *parent = nullptr);
    ~EmbeddedServer() override;

    /** Listen on every interface (true) or on 127.0.0.1 only; applies at the next start(). */
    void setShared(bool shared);
    bool isShared() const;
    /** The port to try first (the last one used, so the address stays the same); 0: any. */
    void setPreferredPort(quint16 port);

    bool start(QString *error);
    /** Graceful: stopped() once the server has flushed its storage and closed its sockets. */
    void stop();
    /** True while a stopped server is still finishing (flush, close handshakes). */
    bool isStopping() const;
    bool isRunning() const;
    /** On this computer: http://127.0.0.1:<port>. */
    QUrl baseUrl() const;
    /** Shared: the address other devices use (this computer's first network address). */
    QUrl networkUrl() const;
    QString apiKey() const;
    QString dataDir() const;

signals:
    void stopped();

private:
    void finishStopping();

    struct Private;
    std::unique_ptr<Private> d;
    QString m_dataDir;
    bool m_shared = false;
    quint16 m_preferredPort = 0;
};

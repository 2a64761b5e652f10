// SPDX-License-Identifier: MIT
#pragma once

#include "daemon/serverconfig.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <memory>

class ApiKeyRing;
class BackupEndpoint;
class CredentialAdmin;
class HttpFrontEnd;
class KvService;
class PresenceBackend;
class PresenceHub;
class MemoryBudget;
class Storage;
class SubscriptionHub;
class TokenService;

/**
 * @brief The Dayboard sync server as one object: config in, listening HTTP/WebSocket port out.
 *
 * Used by the desktop app (embedded server), by dayboard-server (headless) and by tests.
 * start() prepares the data dir (0700) and its secrets (`api-key` when no key is configured,
 * `token-secret`, both 0600), opens the storage backend (memory, SQLite, or Redis) and starts
 * listening. stop() is graceful: it stops accepting connections, requests and frames, flushes
 * storage so every write taken is committed and answered, then sends close frames (1001) and
 * emits stopped() once the sockets are gone (or after ServerConfig::closeGraceMs).
 */
class DayboardServer : public QObject
{
    Q_OBJECT

public:
    explicit DayboardServer(ServerConfig config, QObject *parent = nullptr);
    ~DayboardServer() override;

    /** False with `*error` (a message for people) when the server cannot run. */
    bool start(QString *error);
    void stop();

    bool isRunning() const { return m_running; }
    quint16 port() const;
    /** http://addr:port of the listening socket (https:// with TLS). */
    QUrl baseUrl() const;
    /** Every accepted key (configured or generated). Never log them. */
    QStringList apiKeys() const;
    /** Reloads the API keys file, the TLS certificate and key (SIGHUP, docs/security.md §10);
     *  closes the WebSockets of removed keys. False when something could not be reloaded. */
    bool reloadCredentials();
    /** Token revocation and reload while running; null when not running. */
    CredentialAdmin *credentialAdmin() const { return m_admin.get(); }
    Storage *storage() const { return m_storage.get(); }

    const ServerConfig &config() const { return m_config; }
    /** The file a generated key was written to (or read from); empty when keys are configured. */
    QString generatedApiKeyFile() const { return m_generatedKeyFile; }
    /** Open WebSocket sessions (for status displays and tests). */
    int webSocketCount() const;
    /** Open TCP connections (HTTP, handshaking and WebSocket), as counted against the limits. */
    int openConnectionCount() const;
    /** The server-wide budget of unsent output and RANGE replies (null when not running). */
    const MemoryBudget *memoryBudget() const { return m_budget.get(); }

signals:
    void stopped();

private:
    bool prepareSecrets(QString *error);
    bool openStorage(QString *error);
    /** The API key kept in Redis becomes the only accepted one (no key configured). */
    bool adoptSharedApiKey(const QByteArray &key, QString *error);
    void finishStop();
    void teardown();
    void startPresence();

    ServerConfig m_config;
    QStringList m_apiKeys;
    QString m_generatedKeyFile;
    QByteArray m_tokenSecret;
    QByteArray m_sharedApiKeyCandidate; ///< offered to Redis when no key is configured
    std::unique_ptr<MemoryBudget> m_budget; ///< first: outlives every session and reply charged to it
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<ApiKeyRing> m_keyRing;
    std::unique_ptr<TokenService> m_tokens;
    std::unique_ptr<KvService> m_service;
    std::unique_ptr<SubscriptionHub> m_hub;
    std::unique_ptr<PresenceBackend> m_presenceBackend;
    std::unique_ptr<PresenceHub> m_presence; ///< after its backend: says goodbye through it
    std::unique_ptr<HttpFrontEnd> m_frontEnd;
    std::unique_ptr<CredentialAdmin> m_admin;
    std::unique_ptr<BackupEndpoint> m_backup;
    QTimer m_stopPoll;
    bool m_running = false;
    bool m_stopping = false;
};

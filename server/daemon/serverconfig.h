// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QtGlobal>

/**
 * @brief Everything a DayboardServer needs to start: where to listen, where data lives, which
 * API keys are accepted, and the limits of the network front end.
 *
 * With no API key configured (neither `apiKeys` nor `apiKeysFile`), the server generates one on
 * first start into `<dataDir>/api-key` (0600) and reuses it afterwards; with no dataDir (memory
 * mode only) the generated key lives only as long as the server.
 */
struct ServerConfig
{
    QHostAddress listenAddress { QHostAddress::LocalHost };
    quint16 port = 8080; ///< 0: any free port (see DayboardServer::port())
    QString dataDir; ///< SQLite file, generated api-key and token-secret
    bool allowForeignOwner = false; ///< accept a dataDir owned by another user (refused otherwise)
    bool memory = false; ///< keep records in memory only (tests, demos)
    QStringList apiKeys;
    QString apiKeysFile; ///< one key per line; blank lines and `#` comments ignored
    bool extensions = true; ///< docs/protocol.md §8 (revisions, compare-and-swap)
    QString redisUrl; ///< redis://host:port/db: share the store between instances
    QString redisPrefix = QStringLiteral("dayboard:");
    QString tlsCertFile; ///< PEM certificate (chain); with tlsKeyFile: https/wss only
    QString tlsKeyFile; ///< its unencrypted PEM private key

    // Limits of the network front end.
    qsizetype maxHeadBytes = 16 * 1024; ///< request line + headers (431 beyond)
    qsizetype maxBodyBytes = 1024 * 1024; ///< REST/token request bodies (413 beyond)
    qint64 maxMessageBytes = 1024 * 1024; ///< incoming WebSocket message (close 1009 beyond)
    int headTimeoutMs = 10000; ///< a request head must arrive within this
    int keepAliveTimeoutMs = 60000; ///< idle keep-alive HTTP connections are closed
    qint64 maxSendBufferBytes = 8 * 1024 * 1024; ///< slow subscriber limit (close 4001 beyond)
    int pingIntervalMs = 30000; ///< ping a WebSocket peer silent for this long
    int pongTimeoutMs = 10000; ///< drop a peer that does not answer a ping
    int closeGraceMs = 5000; ///< abort a socket that does not finish closing
    qint64 maxFrameBytes = 1024 * 1024; ///< incoming WebSocket frame (close 1009 beyond)
    int maxConnections = 20000; ///< open TCP connections, also capped by the fd limit (503 beyond)
    int maxConnectionsPerAddress = 0; ///< open TCP connections per peer address; 0: no limit (503 beyond)
    int maxInFlight = 1024; ///< WebSocket requests awaiting their reply; 0: no limit (429 beyond)
    double rateLimit = 1000; ///< requests per second per connection; 0: no limit (429 beyond)
    double rateBurst = 2000; ///< token bucket size of the rate limit
    int idleTimeoutMs = 0; ///< close a WebSocket sending no message for this long; 0: never
    qint64 maxBufferedBytes
        = 256 * 1024 * 1024; ///< unsent WebSocket output + RANGE replies being built, in all; 0: no limit
    qint64 maxRangeBytes = 4 * 1024 * 1024; ///< records in one RANGE reply (`truncated` beyond)
    int presenceExpiryMs = 15000; ///< presence members not announced again for this long vanish
};

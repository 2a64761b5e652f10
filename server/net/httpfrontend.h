// SPDX-License-Identifier: MIT
#pragma once

#include "core/accessscope.h"
#include "net/connectioncounter.h"
#include "net/httpconnection.h"
#include "net/restapi.h"
#include "net/sessioncredential.h"
#include "net/websocketsession.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <memory>
#include <optional>

class ApiKeyRing;
class KvService;
class QTcpServer;
class QTcpSocket;
class SubscriptionHub;
class TokenService;

/**
 * @brief The one listening port: plain HTTP answered by RestApi, WebSocket upgrades to `/ws`
 * checked and answered here.
 *
 * Credentials are checked on the upgrade head before anything is answered: a wrong or missing
 * API key is 401, a bad or expired token 403, and neither ever sees a 101. An accepted upgrade
 * gets its 101 (WebSocketHandshake) and the socket becomes a WebSocketSession with the scope
 * decided here, registered with the SubscriptionHub.
 */
class HttpFrontEnd : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        HttpConnection::Options http;
        WebSocketSession::Options webSocket;
        std::optional<QSslConfiguration> tls; ///< set: the port speaks https/wss only (TlsServer)
        int maxConnections = 0; ///< 0: only the open-file limit
        int maxConnectionsPerAddress = 0; ///< 0: no limit
    };

    HttpFrontEnd(KvService *service, Storage *storage, TokenService *tokens, const ApiKeyRing *keys,
                 SubscriptionHub *hub, Options options, QObject *parent = nullptr);
    ~HttpFrontEnd() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    QHostAddress address() const;

    /** stopAccepting(), then closeWebSockets(). */
    void shutdown();
    /** Takes no new connection, request or WebSocket frame; closes idle HTTP connections.
     *  Requests already running still get their replies. */
    void stopAccepting();
    /** Closes every WebSocket with 1001 "Server shutting down". */
    void closeWebSockets();
    int connectionCount() const { return int(m_connections.size()); }
    /** Open TCP connections (HTTP, handshaking and WebSocket) counted against the limits. */
    int openConnectionCount() const { return m_counter->total(); }
    /** The connection limit in force: the configured one, capped below the open-file limit. */
    int effectiveMaxConnections() const { return m_counter->maxTotal(); }

    /** The scope an upgrade head grants, or the HTTP status that refuses it (401/403/404). */
    struct Admission
    {
        std::optional<AccessScope> scope;
        int status = 0;
        QString error;
        SessionCredential credential;
    };
    Admission admit(const HttpRequest &request) const;

    /** Answers a plain HTTP request before RestApi when it returns true (the admin routes). */
    using Route = std::function<bool(const HttpRequest &, const RestApi::Done &)>;
    void setRoute(Route route) { m_route = std::move(route); }
    /** New TLS connections use `configuration` (open ones keep theirs); false without TLS. */
    bool setTlsConfiguration(const QSslConfiguration &configuration);

private:
    void onNewConnection();
    /** Counts `socket` against the connection limits, or refuses it with 503 (false). */
    bool admitConnection(QTcpSocket *socket);
    /** Counts a TLS socket before its handshake; false (logged) when over a limit. */
    bool admitBeforeHandshake(QTcpSocket *socket);
    /** Counts `socket` (a ConnectionSlot released with it); false when over a limit. */
    bool takeSlot(QTcpSocket *socket, ConnectionCounter::Verdict *verdict);
    void logRefusal(const QString &address, const QString &reason);
    QString limitReached(ConnectionCounter::Verdict verdict) const;
    void onUpgrade(HttpConnection *connection, const HttpRequest &request);
    /** The status (400/426) that refuses a malformed handshake, or nullopt when it is valid. */
    std::optional<HttpServerResponse> handshakeError(const HttpRequest &request) const;
    void openWebSocket(HttpConnection *connection, const HttpRequest &request, const Admission &admission);

    KvService *m_service;
    TokenService *m_tokens;
    const ApiKeyRing *m_keys;
    SubscriptionHub *m_hub;
    Options m_options;
    RestApi m_api;
    Route m_route;
    QTcpServer *m_tcpServer;
    bool m_countedAtAccept = false; ///< TLS: sockets are counted before their handshake
    QSet<HttpConnection *> m_connections;
    bool m_shuttingDown = false;
    std::shared_ptr<ConnectionCounter> m_counter; ///< shared with the ConnectionSlots
    QElapsedTimer m_refusalLogClock;
    int m_refusalsNotLogged = 0;
    int m_lingeringRefusals = 0; ///< ConnectionRefusers alive (each holds a descriptor)
};

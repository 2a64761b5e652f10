// SPDX-License-Identifier: MIT
#include "httpfrontend.h"

#include "apikeyring.h"
#include "connectionrefuser.h"
#include "connectionslot.h"
#include "filelimit.h"
#include "netlog.h"
#include "subscriptionhub.h"
#include "tlsserver.h"
#include "tokenservice.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>
#include <climits>

namespace {

QPair<QString, quint16> peerOf(const QHostAddress &address, quint16 port)
{
    return {address.toString(), port};
}

/** Refused connections answered with 503 at once; beyond, they are reset without an answer. */
constexpr int maxLingeringRefusals = 32;

/** The configured connection limit (0: none), capped below the open-file limit. */
int connectionLimit(int configured)
{
    const long files = FileLimit::soft();
    if (files <= 0)
        return configured;
    const long cap = qMax(1L, files - FileLimit::reserved);
    if (configured > 0 && configured <= cap)
        return configured;
    if (configured > 0) {
        qCInfo(lcNet).nospace() << "connection limit lowered from " << configured << " to " << cap
                                   << " (open-file limit " << files << ")";
    }
    return int(qMin<long>(cap, INT_MAX));
}

} // namespace

HttpFrontEnd::HttpFrontEnd(KvService *service, Storage *storage, TokenService *tokens, const ApiKeyRing *keys,
                           SubscriptionHub *hub, Options options, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_tokens(tokens)
    , m_keys(keys)
    , m_hub(hub)
    , m_options(options)
    , m_api(service, storage, tokens, [keys](const QByteArray &key) { return keys->accepts(key); })
    , m_tcpServer(TlsServer::createListener(options.tls, options.http.headTimeoutMs, this))
    , m_webSocketServer(new QWebSocketServer(QStringLiteral("dayboard"), QWebSocketServer::NonSecureMode, this))
    , m_counter(std::make_shared<ConnectionCounter>(connectionLimit(options.maxConnections),
                                                    options.maxConnectionsPerAddress))
{
    m_webSocketServer->setHandshakeTimeout(options.http.headTimeoutMs);
    m_tcpServer->setListenBacklogSize(1024); // bursts of connects (reconnect storms, load tests)
    connect(m_tcpServer, &QTcpServer::newConnection, this, &HttpFrontEnd::onNewConnection);
    connect(m_tcpServer, &QTcpServer::acceptError, this, [](QAbstractSocket::SocketError error) {
        qCWarning(lcNet) << "accept failed" << error;
    });
    connect(m_webSocketServer, &QWebSocketServer::newConnection, this, &HttpFrontEnd::onWebSocket);
}

HttpFrontEnd::~HttpFrontEnd() = default;

bool HttpFrontEnd::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_tcpServer->listen(address, port))
        return true;
    *error = QStringLiteral("Cannot listen on %1 port %2: %3")
                 .arg(address.toString())
                 .arg(port)
                 .arg(m_tcpServer->errorString());
    return false;
}

quint16 HttpFrontEnd::port() const
{
    return m_tcpServer->serverPort();
}

QHostAddress HttpFrontEnd::address() const
{
    return m_tcpServer->serverAddress();
}

void HttpFrontEnd::shutdown()
{
    stopAccepting();
    closeWebSockets();
}

void HttpFrontEnd::stopAccepting()
{
    m_shuttingDown = true;
    m_tcpServer->close();
    for (HttpConnection *connection : std::as_const(m_connections))
        connection->closeWhenIdle();
    for (WebSocketSession *session : m_hub->sessions())
        session->drain();
}

void HttpFrontEnd::closeWebSockets()
{
    for (WebSocketSession *session : m_hub->sessions())
        session->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Server shutting down"));
}

void HttpFrontEnd::onNewConnection()
{
    while (QTcpSocket *socket = m_tcpServer->nextPendingConnection()) {
        if (m_shuttingDown) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (!admitConnection(socket))
            continue;
        qCDebug(lcNet) << "connection from" << socket->peerAddress().toString() << socket->peerPort();
        auto *connection = new HttpConnection(socket, m_options.http, this);
        m_connections.insert(connection);
        connect(connection, &HttpConnection::finished, this, [this, connection] { m_connections.remove(connection); });
        connect(connection, &HttpConnection::upgradeRequested, this,
                [this, connection](const HttpRequest &request) { onUpgrade(connection, request); });
        connect(connection, &HttpConnection::requestReceived, this, [this, connection](const HttpRequest &request) {
            QPointer<HttpConnection> guard(connection);
            m_api.handle(request, [guard](const HttpServerResponse &response) {
                if (guard)
                    guard->respond(response);
            });
        });
    }
}

bool HttpFrontEnd::admitConnection(QTcpSocket *socket)
{
    const QString address = socket->peerAddress().toString();
    const ConnectionCounter::Verdict verdict = m_counter->tryAdmit(address);
    if (verdict == ConnectionCounter::Verdict::Admitted) {
        new ConnectionSlot(m_counter, address, socket); // released with the socket
        return true;
    }
    const bool total = verdict == ConnectionCounter::Verdict::TooManyTotal;
    const QString reason = total ? QStringLiteral("Too many connections to this server; retry later")
                                 : QStringLiteral("Too many connections from your address; retry later");
    logRefusal(address, total ? QStringLiteral("total connection limit %1 reached").arg(m_counter->maxTotal())
                              : QStringLiteral("per-address connection limit %1 reached").arg(m_counter->maxPerAddress()));
    HttpServerResponse response = HttpServerResponse::error(503, reason);
    response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("5")));
    // A flood of refused connections must not use up the descriptors kept free (FileLimit::reserved).
    if (m_lingeringRefusals >= maxLingeringRefusals) {
        socket->abort();
        socket->deleteLater();
        return false;
    }
    ++m_lingeringRefusals;
    auto *refuser = new ConnectionRefuser(socket, response, qMin(m_options.http.headTimeoutMs, 2000), this);
    connect(refuser, &QObject::destroyed, this, [this] { --m_lingeringRefusals; });
    return false;
}

void HttpFrontEnd::logRefusal(const QString &address, const QString &reason)
{
    // One line per second at most: a flood of refused connections must not flood the log.
    if (m_refusalLogClock.isValid() && m_refusalLogClock.elapsed() < 1000) {
        ++m_refusalsNotLogged;
        return;
    }
    qCWarning(lcNet).noquote() << "connection refused with 503:" << reason << "peer" << address
                               << "(" << m_refusalsNotLogged << "more refused since the last such line)";
    m_refusalsNotLogged = 0;
    m_refusalLogClock.start();
}

HttpFrontEnd::Admission HttpFrontEnd::admit(const HttpRequest &request) const
{
    if (RestApi::normalizedPath(request.path) != "/ws")
        return {std::nullopt, 404, QStringLiteral("Not found")};
    // Clients do not URL-encode query values, so the raw value is tried before the decoded one.
    const QByteArray rawToken = request.rawQueryValue("token");
    if (!rawToken.isEmpty()) {
        std::optional<TokenClaims> claims = m_tokens->verify(rawToken);
        if (!claims)
            claims = m_tokens->verify(request.queryValue("token"));
        if (!claims)
            return {std::nullopt, 403, QStringLiteral("Invalid or expired token")};
        return {AccessScope::fromClaims(*claims), 0, {}};
    }
    QList<QByteArray> candidates{request.rawQueryValue("apiKey"), request.queryValue("apiKey"),
                                 request.header("x-api-key")};
    for (const QByteArray &candidate : candidates) {
        if (!candidate.isEmpty() && m_keys->accepts(candidate))
            return {AccessScope::full(), 0, {}};
    }
    return {std::nullopt, 401, QStringLiteral("Missing or invalid API key")};
}

void HttpFrontEnd::onUpgrade(HttpConnection *connection, const HttpRequest &request)
{
    QTcpSocket *socket = connection->socket();
    // QWebSocketServer drops an invalid handshake without any HTTP answer: answer it here.
    if (request.header("sec-websocket-key").isEmpty()) {
        connection->respond(HttpServerResponse::error(400, QStringLiteral("Missing Sec-WebSocket-Key")), true);
        return;
    }
    if (request.header("sec-websocket-version").trimmed() != "13") {
        HttpServerResponse response = HttpServerResponse::error(426, QStringLiteral("Unsupported WebSocket version"));
        response.headers.append(qMakePair(QByteArray("Sec-WebSocket-Version"), QByteArray("13")));
        connection->respond(response, true);
        return;
    }
    const Admission admission = admit(request);
    if (!admission.scope || m_shuttingDown) {
        const int status = m_shuttingDown ? 503 : admission.status;
        qCInfo(lcNet) << "websocket upgrade refused" << socket->peerAddress().toString() << status;
        connection->respond(HttpServerResponse::error(status, m_shuttingDown ? QStringLiteral("Shutting down")
                                                                            : admission.error),
                            true);
        return;
    }
    const auto peer = peerOf(socket->peerAddress(), socket->peerPort());
    const quint64 id = m_nextAdmissionId++;
    m_admitted.insert(peer, {*admission.scope, id, socket});
    connection->takeSocket();
    // A handshake QWebSocketServer rejects never yields a session; forget its scope then.
    connect(socket, &QObject::destroyed, this, [this, peer, id] {
        if (const auto it = m_admitted.constFind(peer); it != m_admitted.constEnd() && it->id == id)
            m_admitted.erase(it);
    });
    socket->setParent(this);
    // A handshake QWebSocketServer refuses leaves the socket closed but alive: delete it then
    // (an accepted one belongs to its session by the time it disconnects).
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
        if (socket->parent() == this)
            socket->deleteLater();
    });
    m_webSocketServer->handleConnection(socket);
}

void HttpFrontEnd::onWebSocket()
{
    while (QWebSocket *webSocket = m_webSocketServer->nextPendingConnection()) {
        const auto peer = peerOf(webSocket->peerAddress(), webSocket->peerPort());
        const auto it = m_admitted.constFind(peer);
        if (it == m_admitted.constEnd() || m_shuttingDown) {
            webSocket->abort();
            webSocket->deleteLater();
            continue;
        }
        const AccessScope scope = it->scope;
        const QPointer<QTcpSocket> tcpSocket = it->socket;
        m_admitted.erase(it);
        qCInfo(lcNet) << "websocket open" << peer.first << peer.second << (scope.isFull() ? "api-key" : "token");
        auto *session = new WebSocketSession(webSocket, scope, m_service, m_options.webSocket,
                                             [hub = m_hub] { return hub->nowMs(); }, this);
        // The TCP socket under the QWebSocket goes with the session (after the QWebSocket, a
        // child added earlier), which also releases its place in the connection count.
        if (tcpSocket)
            tcpSocket->setParent(session);
        m_hub->add(session);
    }
}

// SPDX-License-Identifier: MIT
#include "net/httpfrontend.h"

#include "core/apikeyring.h"
#include "core/tokenservice.h"
#include "net/closecodes.h"
#include "net/connectionrefuser.h"
#include "net/connectionslot.h"
#include "net/directsocketwrite.h"
#include "net/filelimit.h"
#include "net/netlog.h"
#include "net/subscriptionhub.h"
#include "net/tlsserver.h"
#include "net/websockethandshake.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <climits>

namespace {

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
    , m_counter(std::make_shared<ConnectionCounter>(connectionLimit(options.maxConnections),
                                                    options.maxConnectionsPerAddress))
{
    m_tcpServer->setListenBacklogSize(1024); // bursts of connects (reconnect storms, load tests)
    connect(m_tcpServer, &QTcpServer::newConnection, this, &HttpFrontEnd::onNewConnection);
    // TLS sockets are counted before their handshake, so a flood of stalled handshakes cannot
    // hold more descriptors than the limits allow.
    if (auto *tls = qobject_cast<TlsServer *>(m_tcpServer)) {
        tls->setAdmission([this](QTcpSocket *socket) { return admitBeforeHandshake(socket); });
        m_countedAtAccept = true;
    }
    connect(m_tcpServer, &QTcpServer::acceptError, this,
            [](QAbstractSocket::SocketError error) { qCWarning(lcNet) << "accept failed" << error; });
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
        session->close(CloseCodes::GoingAway, QStringLiteral("Server shutting down"));
}

void HttpFrontEnd::onNewConnection()
{
    while (QTcpSocket *socket = m_tcpServer->nextPendingConnection()) {
        if (m_shuttingDown) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (!m_countedAtAccept && !admitConnection(socket))
            continue;
        qCDebug(lcNet) << "connection from" << socket->peerAddress().toString() << socket->peerPort();
        auto *connection = new HttpConnection(socket, m_options.http, this);
        m_connections.insert(connection);
        connect(connection, &HttpConnection::finished, this,
                [this, connection] { m_connections.remove(connection); });
        connect(connection, &HttpConnection::upgradeRequested, this,
                [this, connection](const HttpRequest &request) { onUpgrade(connection, request); });
        connect(connection, &HttpConnection::requestReceived, this,
                [this, connection](const HttpRequest &request) {
            QPointer<HttpConnection> guard(connection);
            const RestApi::Done done = [guard](const HttpServerResponse &response) {
                if (guard)
                    guard->respond(response);
            };
            if (!m_route || !m_route(request, done))
                m_api.handle(request, done);
        });
    }
}

bool HttpFrontEnd::takeSlot(QTcpSocket *socket, ConnectionCounter::Verdict *verdict)
{
    const QString address = socket->peerAddress().toString();
    *verdict = m_counter->tryAdmit(address);
    if (*verdict != ConnectionCounter::Verdict::Admitted)
        return false;
    new ConnectionSlot(m_counter, address, socket); // released with the socket
    return true;
}

bool HttpFrontEnd::admitBeforeHandshake(QTcpSocket *socket)
{
    ConnectionCounter::Verdict verdict;
    if (takeSlot(socket, &verdict))
        return true;
    logRefusal(socket->peerAddress().toString(),
               limitReached(verdict) + QStringLiteral(" (TLS: closed before the handshake)"));
    return false;
}

bool HttpFrontEnd::admitConnection(QTcpSocket *socket)
{
    const QString address = socket->peerAddress().toString();
    ConnectionCounter::Verdict verdict;
    if (takeSlot(socket, &verdict))
        return true;
    const bool total = verdict == ConnectionCounter::Verdict::TooManyTotal;
    const QString reason = total ? QStringLiteral("Too many connections to this server; retry later")
                                 : QStringLiteral("Too many connections from your address; retry later");
    logRefusal(address, limitReached(verdict));
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

QString HttpFrontEnd::limitReached(ConnectionCounter::Verdict verdict) const
{
    if (verdict == ConnectionCounter::Verdict::TooManyTotal)
        return QStringLiteral("total connection limit %1 reached").arg(m_counter->maxTotal());
    return QStringLiteral("per-address connection limit %1 reached").arg(m_counter->maxPerAddress());
}

void HttpFrontEnd::logRefusal(const QString &address, const QString &reason)
{
    // One line per second at most: a flood of refused connections must not flood the log.
    if (m_refusalLogClock.isValid() && m_refusalLogClock.elapsed() < 1000) {
        ++m_refusalsNotLogged;
        return;
    }
    qCWarning(lcNet).noquote() << "connection refused with 503:" << reason << "peer" << address << "("
                               << m_refusalsNotLogged << "more refused since the last such line)";
    m_refusalsNotLogged = 0;
    m_refusalLogClock.start();
}

HttpFrontEnd::Admission HttpFrontEnd::admit(const HttpRequest &request) const
{
    if (RestApi::normalizedPath(request.path) != "/ws")
        return { std::nullopt, 404, QStringLiteral("Not found"), {} };
    // Clients do not URL-encode query values, so the raw value is tried before the decoded one.
    const QByteArray rawToken = request.rawQueryValue("token");
    if (!rawToken.isEmpty()) {
        std::optional<TokenClaims> claims = m_tokens->verify(rawToken);
        if (!claims)
            claims = m_tokens->verify(request.queryValue("token"));
        if (!claims)
            return { std::nullopt, 403, QStringLiteral("Invalid, expired or revoked token"), {} };
        // The session keeps only what revocation checks, not the subscriptions a second time.
        TokenClaims binding;
        binding.keyId = claims->keyId;
        binding.allGeneration = claims->allGeneration;
        binding.keyGeneration = claims->keyGeneration;
        return { AccessScope::fromClaims(*claims), 0, {}, { claims->keyId, binding } };
    }
    QList<QByteArray> candidates { request.rawQueryValue("apiKey"), request.queryValue("apiKey"),
                                   request.header("x-api-key") };
    for (const QByteArray &candidate : candidates) {
        if (!candidate.isEmpty() && m_keys->accepts(candidate))
            return { AccessScope::full(), 0, {}, { m_tokens->keyId(candidate), std::nullopt } };
    }
    return { std::nullopt, 401, QStringLiteral("Missing or invalid API key"), {} };
}

void HttpFrontEnd::onUpgrade(HttpConnection *connection, const HttpRequest &request)
{
    QTcpSocket *socket = connection->socket();
    if (std::optional<HttpServerResponse> error = handshakeError(request)) {
        connection->respond(*error, true);
        return;
    }
    const Admission admission = admit(request);
    if (!admission.scope || m_shuttingDown) {
        const int status = m_shuttingDown ? 503 : admission.status;
        qCInfo(lcNet) << "websocket upgrade refused" << socket->peerAddress().toString() << status;
        connection->respond(HttpServerResponse::error(
                                status, m_shuttingDown ? QStringLiteral("Shutting down") : admission.error),
                            true);
        return;
    }
    openWebSocket(connection, request, admission);
}

bool HttpFrontEnd::setTlsConfiguration(const QSslConfiguration &configuration)
{
    auto *tls = qobject_cast<TlsServer *>(m_tcpServer);
    if (!tls)
        return false;
    tls->setConfiguration(configuration);
    return true;
}

std::optional<HttpServerResponse> HttpFrontEnd::handshakeError(const HttpRequest &request) const
{
    const QByteArray key = request.header("sec-websocket-key").trimmed();
    if (key.isEmpty())
        return HttpServerResponse::error(400, QStringLiteral("Missing Sec-WebSocket-Key"));
    if (!WebSocketHandshake::isValidKey(key))
        return HttpServerResponse::error(400, QStringLiteral("Sec-WebSocket-Key must be base64 of 16 bytes"));
    if (request.header("sec-websocket-version").trimmed() != "13") {
        HttpServerResponse response
            = HttpServerResponse::error(426, QStringLiteral("Unsupported WebSocket version"));
        response.headers.append(qMakePair(QByteArray("Sec-WebSocket-Version"), QByteArray("13")));
        return response;
    }
    return std::nullopt;
}

void HttpFrontEnd::openWebSocket(HttpConnection *connection, const HttpRequest &request,
                                 const Admission &admission)
{
    const AccessScope &scope = *admission.scope;
    QTcpSocket *socket = connection->takeSocket();
    DirectSocketWrite::write(
        socket, WebSocketHandshake::switchingProtocols(request.header("sec-websocket-key").trimmed()));
    qCInfo(lcNet) << "websocket open" << socket->peerAddress().toString() << socket->peerPort()
                  << (scope.isFull() ? "api-key" : "token");
    // The session owns the socket from now on; the socket's ConnectionSlot goes with it.
    auto *session = new WebSocketSession(
        socket, scope, m_service, m_options.webSocket, [hub = m_hub] { return hub->nowMs(); }, this);
    session->setCredential(admission.credential);
    m_hub->add(session);
    session->start();
}

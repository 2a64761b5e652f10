// SPDX-License-Identifier: MIT
#include "websocketsession.h"

#include "closecodes.h"
#include "kvservice.h"
#include "netlog.h"
#include "replyencoder.h"
#include "requestparser.h"
#include "socketflusher.h"

#include <QWebSocket>

WebSocketSession::WebSocketSession(QWebSocket *socket, AccessScope scope, KvService *service, Options options,
                                   Clock clock, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_scope(std::move(scope))
    , m_service(service)
    , m_options(options)
    , m_clock(std::move(clock))
    , m_bucket(options.rateLimit, options.rateBurst, m_clock())
{
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(quint64(options.maxMessageBytes));
    socket->setMaxAllowedIncomingFrameSize(quint64(qMin(options.maxFrameBytes, options.maxMessageBytes)));
    m_lastHeardMs = m_clock();
    m_lastMessageMs = m_lastHeardMs;
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &WebSocketSession::onIdleCheck);
    if (options.idleTimeoutMs > 0)
        m_idleTimer.start(options.idleTimeoutMs);
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, this, &WebSocketSession::abort);
    connect(socket, &QWebSocket::textMessageReceived, this, &WebSocketSession::onTextMessage);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &WebSocketSession::onBinaryMessage);
    connect(socket, &QWebSocket::pong, this, &WebSocketSession::onHeard);
    connect(socket, &QWebSocket::disconnected, this, &WebSocketSession::onDisconnected);
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [](QAbstractSocket::SocketError error) {
                if (error != QAbstractSocket::RemoteHostClosedError)
                    qCInfo(lcNet) << "websocket error" << error;
            });
}

WebSocketSession::~WebSocketSession() = default;

void WebSocketSession::send(const QString &text)
{
    if (m_closing || !m_socket)
        return;
    m_socket->sendTextMessage(text);
    scheduleFlush();
    if (m_socket->bytesToWrite() > m_options.maxSendBufferBytes) {
        qCWarning(lcNet) << "closing slow websocket peer" << m_socket->peerAddress().toString() << "with"
                         << m_socket->bytesToWrite() << "bytes unsent";
        close(CloseCodes::SlowConsumer,
              QStringLiteral("Too slow: send buffer over limit; reconnect and refetch"));
    }
}

void WebSocketSession::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    if (SocketFlusher *flusher = SocketFlusher::forCurrentThread()) {
        m_flushScheduled = true;
        flusher->schedule(this);
    }
}

void WebSocketSession::flushOutput()
{
    m_flushScheduled = false;
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->flush();
}

void WebSocketSession::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing || !m_socket)
        return;
    m_closing = true;
    m_socket->close(code, reason);
    m_closeTimer.start(m_options.closeGraceMs);
}

void WebSocketSession::abort()
{
    m_closing = true;
    if (m_socket)
        m_socket->abort();
    onDisconnected();
}

void WebSocketSession::sendPing(qint64 nowMs)
{
    if (m_closing || !m_socket || m_pingSentMs >= 0)
        return;
    m_pingSentMs = nowMs;
    m_socket->ping();
}

void WebSocketSession::onTextMessage(const QString &message)
{
    onHeard();
    m_lastMessageMs = m_lastHeardMs;
    if (m_closing || m_draining)
        return;
    const QByteArray frame = message.toUtf8();
    if (const QString refusal = limitRefusal(); !refusal.isEmpty()) {
        refuse(frame, refusal);
        return;
    }
    ++m_inFlight;
    QPointer<WebSocketSession> self(this);
    m_service->handleFrame(frame, m_scope, [self](const Reply &reply) {
        if (!self)
            return;
        --self->m_inFlight;
        self->send(QString::fromUtf8(ReplyEncoder::toWebSocket(reply)));
    });
}

QString WebSocketSession::limitRefusal()
{
    if (m_options.maxInFlight > 0 && m_inFlight >= m_options.maxInFlight)
        return QStringLiteral("Too many requests in flight on this connection; wait for replies");
    if (!m_bucket.tryTake(m_clock()))
        return QStringLiteral("Rate limit exceeded on this connection; slow down and retry");
    return {};
}

void WebSocketSession::refuse(const QByteArray &frame, const QString &error)
{
    if (!m_limitLogged && m_socket) {
        m_limitLogged = true;
        qCInfo(lcNet) << "websocket peer over a request limit; answering 429"
                      << m_socket->peerAddress().toString() << error;
    }
    // Parsed only to echo the messageId; the request is not executed.
    const RequestParser::Result parsed = RequestParser::parse(frame);
    Reply reply;
    reply.code = 429;
    reply.error = error;
    reply.messageIdJson = parsed.isValid() ? parsed.request->messageIdJson : parsed.error.messageIdJson;
    send(QString::fromUtf8(ReplyEncoder::toWebSocket(reply)));
}

void WebSocketSession::onIdleCheck()
{
    if (m_closing)
        return;
    const qint64 idleMs = m_clock() - m_lastMessageMs;
    if (idleMs < m_options.idleTimeoutMs) {
        m_idleTimer.start(int(m_options.idleTimeoutMs - idleMs));
        return;
    }
    qCInfo(lcNet) << "closing idle websocket peer"
                  << (m_socket ? m_socket->peerAddress().toString() : QString());
    close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("Idle timeout"));
}

void WebSocketSession::onBinaryMessage(const QByteArray &)
{
    onHeard();
    m_lastMessageMs = m_lastHeardMs;
    Reply reply;
    reply.code = 400;
    reply.error = QStringLiteral("Binary frames are not supported; send JSON as a text frame");
    send(QString::fromUtf8(ReplyEncoder::toWebSocket(reply)));
}

void WebSocketSession::onHeard()
{
    // Any frame proves the peer alive, not only the pong to our ping.
    m_pingSentMs = -1;
    m_lastHeardMs = m_clock();
}

void WebSocketSession::onDisconnected()
{
    if (m_finished)
        return;
    m_finished = true;
    m_closing = true;
    m_closeTimer.stop();
    m_idleTimer.stop();
    if (m_socket) {
        qCInfo(lcNet) << "websocket closed" << m_socket->peerAddress().toString() << m_socket->peerPort()
                      << m_socket->closeCode();
    }
    emit closed(this);
    deleteLater();
}

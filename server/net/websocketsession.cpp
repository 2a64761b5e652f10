// SPDX-License-Identifier: MIT
#include "net/websocketsession.h"

#include "core/kvservice.h"
#include "core/replyencoder.h"
#include "core/requestparser.h"
#include "net/closecodes.h"
#include "net/netlog.h"
#include "net/websocketconnection.h"
#include "net/websocketframe.h"

#include <QTcpSocket>

WebSocketSession::WebSocketSession(QTcpSocket *socket, AccessScope scope, KvService *service, Options options,
                                   Clock clock, QObject *parent)
    : QObject(parent)
    , m_connection(new WebSocketConnection(
          socket, { qMin(options.maxFrameBytes, options.maxMessageBytes), options.maxMessageBytes }, this))
    , m_scope(std::move(scope))
    , m_service(service)
    , m_options(options)
    , m_clock(std::move(clock))
    , m_bucket(options.rateLimit, options.rateBurst, m_clock())
{
    m_lastHeardMs = m_clock();
    m_lastMessageMs = m_lastHeardMs;
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &WebSocketSession::onIdleCheck);
    if (options.idleTimeoutMs > 0)
        m_idleTimer.start(options.idleTimeoutMs);
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, this, &WebSocketSession::abort);
    connect(m_connection, &WebSocketConnection::textMessage, this, &WebSocketSession::onTextMessage);
    connect(m_connection, &WebSocketConnection::binaryMessage, this, &WebSocketSession::onBinaryMessage);
    connect(m_connection, &WebSocketConnection::pong, this, &WebSocketSession::onHeard);
    connect(m_connection, &WebSocketConnection::controlFrameReceived, this, &WebSocketSession::onHeard);
    connect(m_connection, &WebSocketConnection::disconnected, this, &WebSocketSession::onDisconnected);
    if (options.outputBudget) {
        m_connection->setOutputBudget(options.outputBudget);
        connect(m_connection, &WebSocketConnection::outputBudgetExceeded, this,
                &WebSocketSession::onOutputBudgetExceeded);
    }
    connect(socket, &QAbstractSocket::errorOccurred, this, [](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            qCInfo(lcNet) << "websocket error" << error;
    });
}

WebSocketSession::~WebSocketSession() = default;

void WebSocketSession::start()
{
    m_connection->start();
}

void WebSocketSession::sendText(const QByteArray &payload)
{
    sendFrame(WebSocketFrame::encode(WebSocketFrame::Opcode::Text, payload));
}

void WebSocketSession::sendFrame(const QByteArray &frame)
{
    if (m_closing)
        return;
    m_connection->sendFrame(frame);
    afterSend();
}

void WebSocketSession::afterSend()
{
    if (m_connection->bytesToWrite() > m_options.maxSendBufferBytes) {
        qCWarning(lcNet) << "closing slow websocket peer" << m_connection->peerAddress().toString() << "with"
                         << m_connection->bytesToWrite() << "bytes unsent";
        close(CloseCodes::SlowConsumer,
              QStringLiteral("Too slow: send buffer over limit; reconnect and refetch"));
    }
}

void WebSocketSession::onOutputBudgetExceeded()
{
    if (m_closing)
        return;
    qCWarning(lcNet) << "closing websocket peer" << m_connection->peerAddress().toString() << "with"
                     << m_connection->bytesToWrite()
                     << "bytes unsent: the server's output budget is exhausted";
    close(CloseCodes::SlowConsumer,
          QStringLiteral("Too slow: server output budget exhausted; reconnect and refetch"));
}

void WebSocketSession::close(quint16 code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_connection->close(code, reason.toUtf8());
    m_closeTimer.start(m_options.closeGraceMs);
}

void WebSocketSession::abort()
{
    m_closing = true;
    m_connection->abort();
    onDisconnected();
}

void WebSocketSession::sendPing(qint64 nowMs)
{
    if (m_closing || m_pingSentMs >= 0)
        return;
    m_pingSentMs = nowMs;
    m_connection->ping();
    afterSend();
}

void WebSocketSession::onTextMessage(const QByteArray &message)
{
    onHeard();
    m_lastMessageMs = m_lastHeardMs;
    if (m_closing || m_draining)
        return;
    if (const QString refusal = limitRefusal(); !refusal.isEmpty()) {
        refuse(message, refusal);
        return;
    }
    ++m_inFlight;
    QPointer<WebSocketSession> self(this);
    m_service->handleFrame(
        message, m_scope,
        [self](const Reply &reply) {
        if (!self)
            return;
        --self->m_inFlight;
        self->sendText(ReplyEncoder::toWebSocket(reply));
        },
        this);
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
    if (!m_limitLogged) {
        m_limitLogged = true;
        qCInfo(lcNet) << "websocket peer over a request limit; answering 429"
                      << m_connection->peerAddress().toString() << error;
    }
    // Parsed only to echo the messageId; the request is not executed.
    const RequestParser::Result parsed = RequestParser::parse(frame);
    Reply reply;
    reply.code = 429;
    reply.error = error;
    reply.messageIdJson = parsed.isValid() ? parsed.request->messageIdJson : parsed.error.messageIdJson;
    sendText(ReplyEncoder::toWebSocket(reply));
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
    qCInfo(lcNet) << "closing idle websocket peer" << m_connection->peerAddress().toString();
    close(CloseCodes::Normal, QStringLiteral("Idle timeout"));
}

void WebSocketSession::onBinaryMessage()
{
    onHeard();
    m_lastMessageMs = m_lastHeardMs;
    if (m_closing || m_draining)
        return;
    Reply reply;
    reply.code = 400;
    reply.error = QStringLiteral("Binary frames are not supported; send JSON as a text frame");
    sendText(ReplyEncoder::toWebSocket(reply));
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
    qCInfo(lcNet) << "websocket closed" << m_connection->peerAddress().toString() << m_connection->peerPort()
                  << m_connection->closeCode();
    emit closed(this);
    deleteLater();
}

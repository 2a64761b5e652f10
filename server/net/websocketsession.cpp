// SPDX-License-Identifier: MIT
#include "websocketsession.h"

#include "closecodes.h"
#include "kvservice.h"
#include "netlog.h"
#include "replyencoder.h"

#include <QWebSocket>

WebSocketSession::WebSocketSession(QWebSocket *socket, AccessScope scope, KvService *service, Options options,
                                   Clock clock, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_scope(std::move(scope))
    , m_service(service)
    , m_options(options)
    , m_clock(std::move(clock))
{
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(quint64(options.maxMessageBytes));
    socket->setMaxAllowedIncomingFrameSize(quint64(options.maxMessageBytes));
    m_lastHeardMs = m_clock();
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
    if (m_socket->bytesToWrite() > m_options.maxSendBufferBytes) {
        qCWarning(lcNet) << "closing slow websocket peer" << m_socket->peerAddress().toString()
                         << "with" << m_socket->bytesToWrite() << "bytes unsent";
        close(CloseCodes::SlowConsumer, QStringLiteral("Too slow: send buffer over limit; reconnect and refetch"));
    }
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
    if (m_closing || m_draining)
        return;
    QPointer<WebSocketSession> self(this);
    m_service->handleFrame(message.toUtf8(), m_scope, [self](const Reply &reply) {
        if (self)
            self->send(QString::fromUtf8(ReplyEncoder::toWebSocket(reply)));
    });
}

void WebSocketSession::onBinaryMessage(const QByteArray &)
{
    onHeard();
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
    if (m_socket) {
        qCInfo(lcNet) << "websocket closed" << m_socket->peerAddress().toString() << m_socket->peerPort()
                      << m_socket->closeCode();
    }
    emit closed(this);
    deleteLater();
}

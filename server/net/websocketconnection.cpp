// SPDX-License-Identifier: MIT
#include "net/websocketconnection.h"

#include "core/memorybudget.h"
#include "net/closecodes.h"
#include "net/directsocketwrite.h"
#include "net/netlog.h"
#include "net/socketflusher.h"

#include <QTcpSocket>

using Kind = WebSocketFrameParser::Kind;
using Opcode = WebSocketFrame::Opcode;

namespace {
/** Output collected beyond this is written at once instead of at the end of the pass. */
constexpr qsizetype streamThreshold = 16 * 1024;
/** Messages executed per event-loop pass; the rest wait one pass, so other sockets get their turn. */
constexpr int maxMessagesPerPass = 32;
} // namespace

WebSocketConnection::WebSocketConnection(QTcpSocket *socket, WebSocketFrameParser::Limits limits,
                                         QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_parser(limits)
    , m_peerAddress(socket->peerAddress())
    , m_peerPort(socket->peerPort())
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &WebSocketConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &WebSocketConnection::disconnected);
}

WebSocketConnection::~WebSocketConnection()
{
    if (m_budget)
        m_budget->release(m_charged);
}

void WebSocketConnection::setOutputBudget(MemoryBudget *budget)
{
    m_budget = budget;
    if (budget && m_socket)
        connect(m_socket, &QTcpSocket::bytesWritten, this, &WebSocketConnection::recharge);
}

void WebSocketConnection::recharge()
{
    const qint64 unsent = m_socket ? m_socket->bytesToWrite() : 0;
    if (unsent == m_charged)
        return;
    const bool grew = unsent > m_charged;
    m_budget->charge(unsent - m_charged);
    m_charged = unsent;
    if (grew && m_budget->exceeded() && m_charged >= offenderMinimumBytes)
        emit outputBudgetExceeded();
}

void WebSocketConnection::start()
{
    if (m_socket && m_socket->bytesAvailable() > 0)
        onReadyRead();
}

void WebSocketConnection::sendFrame(const QByteArray &frame)
{
    if (m_closeSent || !isConnected())
        return;
    queue(frame);
}

void WebSocketConnection::queue(const QByteArray &frame)
{
    if (m_output.isEmpty()) {
        m_output = frame; // shared with the caller (one notification frame for every subscriber)
    } else {
        if (m_output.capacity() < streamThreshold)
            m_output.reserve(streamThreshold + frame.size()); // one allocation per batch
        m_output.append(frame);
    }
    // A long pass (a pipelined batch) streams its replies out instead of holding them all: the
    // peer can work on the first ones while the rest are produced.
    if (m_output.size() >= streamThreshold)
        flush();
    else
        scheduleFlush();
}

void WebSocketConnection::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    if (SocketFlusher *flusher = SocketFlusher::forCurrentThread()) {
        m_flushScheduled = true;
        flusher->schedule(this);
    } else {
        flush();
    }
}

void WebSocketConnection::ping(QByteArrayView payload)
{
    sendFrame(WebSocketFrame::encode(Opcode::Ping,
                                     payload.first(qMin(payload.size(), WebSocketFrame::maxControlPayload))));
}

void WebSocketConnection::close(quint16 code, QByteArrayView reason)
{
    if (m_closeSent)
        return;
    sendClose(code, reason);
    flush();
    if (m_closeReceived && m_socket)
        m_socket->disconnectFromHost();
}

void WebSocketConnection::abort()
{
    if (m_socket)
        m_socket->abort();
    if (m_budget)
        recharge(); // the aborted socket's buffer is gone
}

void WebSocketConnection::flush()
{
    m_flushScheduled = false;
    // A socket already holding output that would push the server's budget over is not given
    // more: it is closed instead (its close frame still goes out).
    if (m_budget && m_charged >= offenderMinimumBytes && !m_closeSent && m_budget->limit() > 0
        && m_budget->used() + m_output.size() > m_budget->limit()) {
        m_output.clear();
        emit outputBudgetExceeded();
        return;
    }
    if (!m_output.isEmpty() && m_socket && m_socket->state() != QAbstractSocket::UnconnectedState)
        DirectSocketWrite::write(m_socket, m_output);
    m_output.clear();
    if (m_budget)
        recharge();
}

bool WebSocketConnection::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 WebSocketConnection::bytesToWrite() const
{
    return m_output.size() + (m_socket ? m_socket->bytesToWrite() : 0);
}

void WebSocketConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_parser.append(m_socket->readAll());
    // A handler may close or abort the connection: stop reading then.
    int messages = 0;
    while (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        if (messages == maxMessagesPerPass) {
            // One client's burst must not hold the loop (docs/security.md §7): resume next pass.
            if (!m_resumeScheduled) {
                m_resumeScheduled = true;
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                    m_resumeScheduled = false;
                    onReadyRead();
                    },
                    Qt::QueuedConnection);
            }
            return;
        }
        std::optional<WebSocketFrameParser::Event> event = m_parser.next();
        if (!event)
            return;
        if (event->kind == Kind::Text || event->kind == Kind::Binary)
            ++messages;
        handle(std::move(*event));
    }
}

void WebSocketConnection::handle(WebSocketFrameParser::Event event)
{
    if (m_closeReceived)
        return;
    if (event.kind == Kind::Ping || event.kind == Kind::Close)
        emit controlFrameReceived();
    switch (event.kind) {
    case Kind::Text:
        if (!m_closeSent)
            emit textMessage(event.payload);
        break;
    case Kind::Binary:
        if (!m_closeSent)
            emit binaryMessage(event.payload);
        break;
    case Kind::Ping:
        sendFrame(WebSocketFrame::encode(Opcode::Pong, event.payload));
        break;
    case Kind::Pong:
        emit pong();
        break;
    case Kind::Close:
        onPeerClose(event.closeCode);
        break;
    case Kind::Error:
        fail(event.closeCode, event.errorText);
        break;
    }
}

void WebSocketConnection::onPeerClose(quint16 code)
{
    m_closeReceived = true;
    if (!m_closeSent) {
        m_closeCode = code;
        // Echo the peer's code, not its reason (§5.5.1); a close without a code is answered
        // without one.
        if (code == CloseCodes::NoStatus) {
            m_closeSent = true;
            queue(WebSocketFrame::encode(Opcode::Close, {}));
        } else {
            sendClose(code, {});
        }
    }
    // The server closes the TCP connection first (§7.1.1), once the echo is written.
    flush();
    m_socket->disconnectFromHost();
}

void WebSocketConnection::fail(quint16 code, const QByteArray &reason)
{
    qCInfo(lcNet).nospace() << "websocket protocol violation from " << m_peerAddress.toString() << ": "
                            << reason.constData() << " (closing with " << code << ")";
    if (!m_closeSent)
        sendClose(code, reason);
    m_closeReceived = true; // read nothing more
    flush();
    m_socket->disconnectFromHost();
}

void WebSocketConnection::sendClose(quint16 code, QByteArrayView reason)
{
    if (!isConnected())
        return;
    m_closeSent = true;
    m_closeCode = code;
    queue(WebSocketFrame::encode(Opcode::Close, WebSocketFrame::closePayload(code, reason)));
}

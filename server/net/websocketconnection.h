// SPDX-License-Identifier: MIT
#pragma once

#include "net/websocketframeparser.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

/**
 * @brief The server's end of one WebSocket after its 101: RFC 6455 framing on the TCP (or TLS)
 * socket, with no QString anywhere.
 *
 * Messages arrive as the bytes the client sent (textMessage() with UTF-8 already checked), and
 * go out as frames collected during one event-loop pass and written together right before the
 * loop blocks (SocketFlusher; DirectSocketWrite); a frame built once (WebSocketFrame::encode)
 * can be sent to many connections without a copy. Pings are answered with pongs here. Closing follows §7:
 * close() sends a close frame and waits for the peer's, after which the TCP connection is
 * closed; a close frame from the peer is echoed and the TCP connection closed; a protocol
 * violation sends its close code (1002, 1007, 1009) and closes at once. Nothing is sent after a
 * close frame. The owner bounds how long a close may take (abort()).
 */
class MemoryBudget;

class WebSocketConnection : public QObject
{
    Q_OBJECT

public:
    /** Takes ownership of @p socket, already past the handshake (unread bytes are frames). */
    WebSocketConnection(QTcpSocket *socket, WebSocketFrameParser::Limits limits, QObject *parent = nullptr);
    ~WebSocketConnection() override;

    /** Reads what is already buffered on the socket; call once the signals are connected. */
    void start();

    /** Writes a frame made by WebSocketFrame::encode(). */
    void sendFrame(const QByteArray &frame);
    void ping(QByteArrayView payload = {});
    void close(quint16 code, QByteArrayView reason);
    void abort();
    /** Hands the output collected so far to the kernel now. */
    void flush();
    /**
     * Charges the bytes the kernel has not taken yet (the socket's buffer) to @p budget, kept
     * current as they drain, released on destruction. When a flush leaves the budget exceeded and
     * this socket holds at least offenderMinimumBytes of it, outputBudgetExceeded() is emitted.
     */
    void setOutputBudget(MemoryBudget *budget);
    /** A socket holding less unsent output than this is never blamed for a full budget. */
    static constexpr qint64 offenderMinimumBytes = 64 * 1024;

    bool isConnected() const;
    /** Output not yet taken by the kernel (collected here and in the socket's buffer). */
    qint64 bytesToWrite() const;
    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }
    /** The code of the close frame received (or sent first); 1006 when none was exchanged. */
    quint16 closeCode() const { return m_closeCode; }

signals:
    void textMessage(const QByteArray &payload);
    void binaryMessage(const QByteArray &payload);
    void pong();
    /** A ping or close arrived (with textMessage, binaryMessage and pong: the peer is alive). */
    void controlFrameReceived();
    void disconnected();
    /** This socket's unsent output pushed the server-wide budget over its limit. */
    void outputBudgetExceeded();

private:
    void onReadyRead();
    void handle(WebSocketFrameParser::Event event);
    void onPeerClose(quint16 code);
    void fail(quint16 code, const QByteArray &reason);
    void sendClose(quint16 code, QByteArrayView reason);
    void queue(const QByteArray &frame);
    void scheduleFlush();
    void recharge();

    QPointer<QTcpSocket> m_socket;
    WebSocketFrameParser m_parser;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    QByteArray m_output; ///< frames of this pass, not yet written
    bool m_flushScheduled = false;
    quint16 m_closeCode = 1006;
    bool m_closeSent = false;
    bool m_closeReceived = false;
    bool m_resumeScheduled = false; ///< a burst is being worked off, maxMessagesPerPass at a time
    MemoryBudget *m_budget = nullptr;
    qint64 m_charged = 0; ///< bytes of the socket's buffer counted in m_budget
};

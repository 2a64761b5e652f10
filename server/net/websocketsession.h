// SPDX-License-Identifier: MIT
#pragma once

#include "core/accessscope.h"
#include "core/presencepeer.h"
#include "net/sessioncredential.h"
#include "net/tokenbucket.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <functional>

class KvService;
class MemoryBudget;
class QTcpSocket;
class WebSocketConnection;

/**
 * @brief One upgraded WebSocket connection and what it may do (its AccessScope).
 *
 * Text frames are executed by KvService and answered with one text frame each, in completion
 * order; a binary frame gets a 400 reply and the connection stays open. Incoming frames and
 * messages are capped (ServerConfig::maxFrameBytes / maxMessageBytes; larger ones close the
 * socket with 1009). Every send checks the socket's unsent bytes: past the limit the peer is too
 * slow and is closed with CloseCodes::SlowConsumer. A peer that does not finish a close in time
 * is aborted.
 *
 * Request limits (docs/security.md §7): a text frame over the connection's rate (token bucket)
 * or beyond `maxInFlight` requests still awaiting their reply is answered 429 with its
 * messageId and not executed. With an idle timeout, a peer that sends no message for that long
 * is closed with 1000 "Idle timeout" (pings and pongs do not count as messages).
 */
class WebSocketSession : public QObject, public PresencePeer
{
    Q_OBJECT

public:
    struct Options
    {
        qint64 maxMessageBytes = 1024 * 1024;
        qint64 maxFrameBytes = 1024 * 1024;
        int maxInFlight = 0; ///< 0: no limit
        double rateLimit = 0; ///< requests per second; 0: no limit
        double rateBurst = 1;
        int idleTimeoutMs = 0; ///< 0: never
        qint64 maxSendBufferBytes = 8 * 1024 * 1024;
        int closeGraceMs = 5000;
        /** Server-wide bound on unsent output (docs/security.md §7); null: none. */
        MemoryBudget *outputBudget = nullptr;
    };

    using Clock = std::function<qint64()>; ///< monotonic milliseconds

    /** Takes ownership of @p socket, past its 101; `clock` times liveness (last frame or pong heard). */
    WebSocketSession(QTcpSocket *socket, AccessScope scope, KvService *service, Options options, Clock clock,
                     QObject *parent = nullptr);
    ~WebSocketSession() override;

    /** Reads the frames that arrived with the handshake; call once the session is registered. */
    void start();

    const AccessScope &scope() const { return m_scope; }
    const SessionCredential &credential() const { return m_credential; }
    void setCredential(SessionCredential credential) { m_credential = std::move(credential); }
    bool isOpen() const { return !m_closing; }

    /** Sends a text message unless closing; closes the socket when it cannot keep up. */
    void sendText(const QByteArray &payload);
    /** Sends a frame built by WebSocketFrame::encode() (one frame shared by many sessions). */
    void sendFrame(const QByteArray &frame);
    /** Graceful shutdown: frames received from now on are not executed (and not answered), while
     *  replies to the requests already running are still sent. close() follows. */
    void drain() { m_draining = true; }
    /** Starts a close handshake; aborts if the peer does not complete it within the grace time. */
    void close(quint16 code, const QString &reason);
    void abort();

    // Liveness, driven by SubscriptionHub's sweep.
    qint64 lastHeardMs() const { return m_lastHeardMs; }
    qint64 pingSentMs() const { return m_pingSentMs; }
    /** Requests received whose replies are not sent yet. */
    int inFlight() const { return m_inFlight; }
    void sendPing(qint64 nowMs);

    /** Used by the hub so one change reaches each socket exactly once. */
    quint64 deliveredSerial = 0;

signals:
    /** The connection is over; the session deletes itself afterwards. */
    void closed(WebSocketSession *session);

private:
    void afterSend();
    void onOutputBudgetExceeded();
    void onTextMessage(const QByteArray &message);
    void onBinaryMessage();
    void onHeard();
    /** Empty when the request may run, else why it is refused with 429. */
    QString limitRefusal();
    void refuse(const QByteArray &frame, const QString &error);
    void onIdleCheck();
    void onDisconnected();

    WebSocketConnection *m_connection;
    AccessScope m_scope;
    SessionCredential m_credential;
    KvService *m_service;
    Options m_options;
    Clock m_clock;
    QTimer m_closeTimer;
    bool m_closing = false;
    bool m_finished = false;
    bool m_draining = false;
    qint64 m_lastHeardMs = 0;
    qint64 m_pingSentMs = -1; ///< -1: no ping outstanding
    qint64 m_lastMessageMs = 0;
    QTimer m_idleTimer;
    TokenBucket m_bucket;
    int m_inFlight = 0;
    bool m_limitLogged = false;
};

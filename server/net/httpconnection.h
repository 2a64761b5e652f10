// SPDX-License-Identifier: MIT
#pragma once

#include "net/httpparser.h"
#include "net/httprequest.h"
#include "net/httpserverresponse.h"
#include "net/tokenbucket.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

/**
 * @brief One HTTP/1.1 connection: reads requests one at a time, answers, keeps it alive.
 *
 * A WebSocket upgrade is handed over after its head (upgradeRequested, then takeSocket()): what
 * follows the head in the socket is already the client's first frames.
 * A head must arrive within the head timeout (408 if it started, silent close if not); an idle
 * keep-alive connection is closed after the keep-alive timeout. Malformed requests are
 * answered with the parser's status and the connection is closed. Requests over the
 * connection's rate limit (a token bucket) are answered 429 unprocessed; it stays open.
 */
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        HttpParser::Limits limits;
        int headTimeoutMs = 10000;
        int keepAliveTimeoutMs = 60000;
        double rateLimit = 0; ///< requests per second on this connection; 0: no limit
        double rateBurst = 1;
    };

    HttpConnection(QTcpSocket *socket, Options options, QObject *parent = nullptr);
    ~HttpConnection() override;

    /** Answers the request last announced by requestReceived (or an upgrade refused). */
    void respond(const HttpServerResponse &response, bool forceClose = false);
    /** Stops serving and returns the socket, read up to the end of the upgrade head; the caller
     *  owns it from now on. */
    QTcpSocket *takeSocket();
    /** Closes once the current request (if any) is answered. */
    void closeWhenIdle();

    QTcpSocket *socket() const { return m_socket; }

signals:
    void requestReceived(const HttpRequest &request);
    /** A WebSocket upgrade head was read (and consumed); answer with respond() or takeSocket(). */
    void upgradeRequested(const HttpRequest &request);
    /** The connection is over; the object deletes itself later. */
    void finished();

private:
    enum class State { ReadingHead, ReadingBody, Busy, Closing, Detached };

    void processInput();
    bool readHead();
    bool readBody();
    void fail(int status, const QString &text);
    void refuseOverRate();
    void armTimer();
    void onTimeout();
    void finish();

    QPointer<QTcpSocket> m_socket;
    Options m_options;
    HttpParser m_parser;
    State m_state = State::ReadingHead;
    HttpRequest m_request;
    bool m_keepAlive = true;
    bool m_closeWhenIdle = false;
    bool m_finished = false;
    QTimer m_timer;
    QElapsedTimer m_clock;
    TokenBucket m_bucket;
    bool m_rateLogged = false;
};

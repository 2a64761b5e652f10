// SPDX-License-Identifier: MIT
#pragma once

#include "net/httpserverresponse.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

/**
 * @brief Answers a connection over a connection limit with an HTTP error and closes it.
 *
 * The response (503, `Connection: close`) is written at once, before the request is read:
 * an HTTP client or a WebSocket handshake reads it as the answer to its request. Whatever the
 * peer sends is read and discarded until it closes or `lingerMs` passes, so the close does not
 * turn into a reset that could destroy the response before the peer read it. Owns the socket
 * and deletes itself (and the socket) when done.
 */
class ConnectionRefuser : public QObject
{
    Q_OBJECT

public:
    ConnectionRefuser(QTcpSocket *socket, const HttpServerResponse &response, int lingerMs,
                      QObject *parent = nullptr);
    ~ConnectionRefuser() override;

private:
    void discardInput();
    void finish();

    QTcpSocket *m_socket;
    QTimer m_lingerTimer;
    bool m_finished = false;
};

// SPDX-License-Identifier: MIT
#include "net/connectionrefuser.h"

#include <QTcpSocket>

ConnectionRefuser::ConnectionRefuser(QTcpSocket *socket, const HttpServerResponse &response, int lingerMs,
                                     QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    socket->setParent(this);
    m_lingerTimer.setSingleShot(true);
    connect(&m_lingerTimer, &QTimer::timeout, this, &ConnectionRefuser::finish);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionRefuser::discardInput);
    connect(socket, &QTcpSocket::disconnected, this, &ConnectionRefuser::finish);
    socket->write(response.serialize(false));
    m_lingerTimer.start(lingerMs);
    discardInput();
}

ConnectionRefuser::~ConnectionRefuser() = default;

void ConnectionRefuser::discardInput()
{
    if (m_socket->bytesAvailable() > 0)
        m_socket->skip(m_socket->bytesAvailable());
}

void ConnectionRefuser::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_lingerTimer.stop();
    disconnect(m_socket, nullptr, this, nullptr);
    // A peer that has not taken the response within the linger time is cut off.
    if (m_socket->bytesToWrite() > 0)
        m_socket->abort();
    else
        m_socket->close();
    deleteLater();
}

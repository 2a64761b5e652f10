// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <memory>

class ConnectionCounter;

/**
 * @brief One admitted connection's place in the ConnectionCounter, released when it is destroyed.
 *
 * Made a child of the connection's QTcpSocket, so it goes exactly when the socket does, whoever
 * owns the socket by then (HttpConnection, then WebSocketConnection).
 */
class ConnectionSlot : public QObject
{
    Q_OBJECT

public:
    ConnectionSlot(std::weak_ptr<ConnectionCounter> counter, QString address, QObject *socket);
    ~ConnectionSlot() override;

private:
    std::weak_ptr<ConnectionCounter> m_counter;
    QString m_address;
};

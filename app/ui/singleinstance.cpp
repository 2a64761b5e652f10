// SPDX-License-Identifier: MIT
#include "singleinstance.h"

#include <QCryptographicHash>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcInstance, "dayboard.ui.instance")

namespace {
const QByteArray newWindowMessage = QByteArrayLiteral("new-window\n");
}

SingleInstance::SingleInstance(const QString &dataDir, QObject *parent)
    : QObject(parent)
{
    const QByteArray user = qgetenv("USER");
    const QByteArray hash = QCryptographicHash::hash(QByteArray(user + '\0' + dataDir.toUtf8()), QCryptographicHash::Sha256);
    m_name = QStringLiteral("dayboard-") + QString::fromLatin1(hash.toHex().left(16));
}

QString SingleInstance::serverName() const
{
    return m_name;
}

bool SingleInstance::forwardToRunning(int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(newWindowMessage);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The answer proves the running instance read the request (not a stale socket).
    return socket.waitForReadyRead(timeoutMs) && socket.readAll().startsWith("ok");
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A socket file left by a crashed instance: nobody answered forwardToRunning().
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name)) {
            qCWarning(lcInstance) << "single-instance socket unavailable:" << m_server->errorString();
            return false;
        }
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            const QByteArray line = socket->readLine();
            if (line == newWindowMessage) {
                socket->write("ok\n");
                emit newWindowRequested();
            }
            socket->disconnectFromServer();
        });
    }
}

// SPDX-License-Identifier: MIT
#include "desktop/singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcInstance, "dayboard.ui.instance")

namespace {
const QByteArray newWindowMessage = QByteArrayLiteral("new-window\n");
constexpr int lockTimeoutMs = 5000;
} // namespace

SingleInstance::SingleInstance(const QString &dataDir, QObject *parent)
    : QObject(parent)
{
    const QByteArray user = qgetenv("USER");
    const QByteArray hash
        = QCryptographicHash::hash(QByteArray(user + '\0' + dataDir.toUtf8()), QCryptographicHash::Sha256);
    m_name = QStringLiteral("dayboard-") + QString::fromLatin1(hash.toHex().left(16));
}

QString SingleInstance::serverName() const
{
    return m_name;
}

bool SingleInstance::forwardToRunning(int connectTimeoutMs, int answerTimeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(connectTimeoutMs))
        return false;
    socket.write(newWindowMessage);
    if (!socket.waitForBytesWritten(answerTimeoutMs))
        return false;
    // The answer proves the running instance read the request. It comes once that instance's
    // event loop runs, which may be after its first window has loaded.
    QByteArray answer;
    while (!answer.contains('\n') && socket.waitForReadyRead(answerTimeoutMs))
        answer += socket.readAll();
    return answer.startsWith("ok");
}

bool SingleInstance::isAcceptingConnections(int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    return socket.waitForConnected(timeoutMs);
}

bool SingleInstance::isHeldByOtherInstance() const
{
    return m_heldByOther;
}

bool SingleInstance::listen()
{
    // Check and listen as one step, or two launches at once could both take the name.
    QLockFile guard(QDir(QDir::tempPath()).filePath(m_name + QStringLiteral(".lock")));
    if (!guard.tryLock(lockTimeoutMs))
        qCWarning(lcInstance) << "no lock on the single-instance socket, listening anyway:" << guard.error();
    // Another launch may have started listening since forwardToRunning() found nobody. Its
    // socket must stay: QLocalServer would replace the file and two instances would share
    // one data folder.
    m_heldByOther = isAcceptingConnections(lockTimeoutMs);
    if (m_heldByOther) {
        qCInfo(lcInstance) << "another instance is listening already";
        return false;
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A socket file left by a crashed instance: nothing accepts connections on it.
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

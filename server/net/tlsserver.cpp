// SPDX-License-Identifier: MIT
#include "net/tlsserver.h"

#include "net/netlog.h"

#include <QSslCipher>
#include <QSslSocket>
#include <QTimer>

namespace {

constexpr char tlsHandshakeRecord = 0x16;

QString peerOf(const QSslSocket *socket)
{
    return QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort());
}

/** Request lines start with an upper-case method (GET, POST, ...). */
bool looksLikePlainHttp(char firstByte)
{
    return firstByte >= 'A' && firstByte <= 'Z';
}

QTimer *handshakeTimer(QSslSocket *socket)
{
    return socket->findChild<QTimer *>(QStringLiteral("tlsHandshakeTimer"), Qt::FindDirectChildrenOnly);
}

} // namespace

TlsServer::TlsServer(QSslConfiguration configuration, int handshakeTimeoutMs, QObject *parent)
    : QTcpServer(parent)
    , m_configuration(std::move(configuration))
    , m_handshakeTimeoutMs(handshakeTimeoutMs)
{ }

QTcpServer *TlsServer::createListener(const std::optional<QSslConfiguration> &tls, int handshakeTimeoutMs,
                                      QObject *parent)
{
    if (tls)
        return new TlsServer(*tls, handshakeTimeoutMs, parent);
    return new QTcpServer(parent);
}

void TlsServer::incomingConnection(qintptr handle)
{
    auto *socket = new QSslSocket(this);
    socket->setSslConfiguration(m_configuration);
    if (!socket->setSocketDescriptor(handle)) {
        qCWarning(lcNet) << "cannot take over an accepted connection:" << socket->errorString();
        delete socket;
        return;
    }
    if (m_admission && !m_admission(socket)) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto *timer = new QTimer(socket);
    timer->setObjectName(QStringLiteral("tlsHandshakeTimer"));
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, socket] {
        fail(socket, QStringLiteral("no TLS handshake within %1 ms").arg(m_handshakeTimeoutMs));
    });
    timer->start(m_handshakeTimeoutMs);
    connect(socket, &QSslSocket::readyRead, this, [this, socket] { onFirstBytes(socket); });
    connect(socket, &QSslSocket::encrypted, this, [this, socket] { onEncrypted(socket); });
    connect(socket, &QSslSocket::errorOccurred, this,
            [this, socket] { fail(socket, socket->errorString()); });
    if (socket->bytesAvailable() > 0)
        onFirstBytes(socket);
}

void TlsServer::onFirstBytes(QSslSocket *socket)
{
    if (socket->mode() != QSslSocket::UnencryptedMode)
        return;
    char first = 0;
    if (socket->peek(&first, 1) != 1)
        return;
    if (first == tlsHandshakeRecord) {
        handshakeTimer(socket)->start(m_handshakeTimeoutMs); // progress: the hello has started
        socket->startServerEncryption();
        return;
    }
    if (looksLikePlainHttp(first)) {
        refusePlainHttp(socket);
        return;
    }
    fail(socket, QStringLiteral("not a TLS handshake"));
}

void TlsServer::onEncrypted(QSslSocket *socket)
{
    delete handshakeTimer(socket);
    disconnect(socket, nullptr, this, nullptr);
    qCDebug(lcNet).noquote() << "TLS handshake done with" << peerOf(socket)
                             << socket->sessionCipher().protocolString() << socket->sessionCipher().name();
    addPendingConnection(socket);
    emit newConnection();
}

void TlsServer::fail(QSslSocket *socket, const QString &reason)
{
    disconnect(socket, nullptr, this, nullptr);
    delete handshakeTimer(socket);
    qCInfo(lcNet).noquote() << "TLS handshake failed from" << peerOf(socket) + QStringLiteral(":") << reason;
    socket->abort();
    socket->deleteLater();
}

void TlsServer::refusePlainHttp(QSslSocket *socket)
{
    disconnect(socket, nullptr, this, nullptr);
    qCInfo(lcNet).noquote() << "TLS handshake failed from" << peerOf(socket) + QStringLiteral(":")
                            << "plain HTTP on the TLS port (answered 400)";
    static const QByteArray body
        = QByteArrayLiteral("{\"error\":\"This port speaks HTTPS only: use https:// or wss://\"}");
    socket->write("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nConnection: close\r\n"
                  "Content-Length: "
                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    // Close once the answer is out (unread input would make the close a reset that can eat the
    // answer), abort a peer that stalls.
    socket->readAll();
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    QTimer *timer = handshakeTimer(socket);
    disconnect(timer, nullptr, this, nullptr);
    connect(timer, &QTimer::timeout, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    timer->start(m_handshakeTimeoutMs);
    socket->disconnectFromHost();
}

// SPDX-License-Identifier: MIT
#include "net/directsocketwrite.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <cerrno>
#include <sys/socket.h>

namespace {

/** Bytes the kernel took straight from @p bytes; 0 when the socket must be written through Qt. */
qsizetype sendDirectly(QTcpSocket *socket, QByteArrayView bytes)
{
    if (qobject_cast<QSslSocket *>(socket) || socket->bytesToWrite() > 0
        || socket->state() != QAbstractSocket::ConnectedState)
        return 0;
    ssize_t written;
    do {
        written = ::send(int(socket->socketDescriptor()), bytes.data(), size_t(bytes.size()),
                         MSG_DONTWAIT | MSG_NOSIGNAL);
    } while (written < 0 && errno == EINTR);
    // Errors (EAGAIN, a reset peer) are left to the socket: its own write reports them.
    return written > 0 ? qsizetype(written) : 0;
}

} // namespace

void DirectSocketWrite::write(QTcpSocket *socket, QByteArrayView bytes)
{
    const qsizetype sent = sendDirectly(socket, bytes);
    if (sent < bytes.size()) {
        socket->write(bytes.data() + sent, bytes.size() - sent);
        socket->flush();
    }
}

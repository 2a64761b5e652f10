// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>

class QTcpSocket;

/**
 * @brief Writes to a plain TCP socket's descriptor directly, past QAbstractSocket's write buffer,
 * when nothing is buffered there (so the byte order is kept).
 *
 * Measured reasons (bench/HISTORY.md §4): QAbstractSocket copies every write into a ring buffer,
 * toggles its write notifier on and off around each flush, and keeps the 32 KB chunk it
 * allocated for the connection's first write for the connection's whole life. A TLS socket
 * (QSslSocket) is never written to directly.
 */
namespace DirectSocketWrite {
/** Writes @p bytes now: as much as the kernel takes directly, the rest through the socket's
 *  buffer (written by Qt as the socket becomes writable). Meant for once per event-loop pass. */
void write(QTcpSocket *socket, QByteArrayView bytes);
} // namespace DirectSocketWrite

// SPDX-License-Identifier: MIT
#include "net/websockethandshake.h"

#include <QCryptographicHash>

bool WebSocketHandshake::isValidKey(const QByteArray &key)
{
    const auto decoded = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    return decoded && decoded.decoded.size() == 16;
}

QByteArray WebSocketHandshake::acceptKey(const QByteArray &key)
{
    static const QByteArray guid = QByteArrayLiteral("258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(key);
    hash.addData(guid);
    return hash.result().toBase64();
}

QByteArray WebSocketHandshake::switchingProtocols(const QByteArray &key)
{
    QByteArray head("HTTP/1.1 101 Switching Protocols\r\n"
                    "Upgrade: websocket\r\n"
                    "Connection: Upgrade\r\n"
                    "Sec-WebSocket-Accept: ");
    head.append(acceptKey(key));
    head.append("\r\n\r\n");
    return head;
}

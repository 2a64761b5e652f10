// SPDX-License-Identifier: MIT
#include "net/websocketframe.h"

#include <QtEndian>

bool WebSocketFrame::isControl(Opcode opcode)
{
    return (quint8(opcode) & 0x8) != 0;
}

QByteArray WebSocketFrame::encode(Opcode opcode, QByteArrayView payload)
{
    const qsizetype size = payload.size();
    const int lengthBytes = size < 126 ? 0 : size <= 0xFFFF ? 2 : 8;
    QByteArray frame(2 + lengthBytes + size, Qt::Uninitialized);
    auto *out = reinterpret_cast<uchar *>(frame.data());
    out[0] = uchar(0x80 | quint8(opcode));
    if (lengthBytes == 0) {
        out[1] = uchar(size);
    } else if (lengthBytes == 2) {
        out[1] = 126;
        qToBigEndian(quint16(size), out + 2);
    } else {
        out[1] = 127;
        qToBigEndian(quint64(size), out + 2);
    }
    if (size > 0)
        memcpy(out + 2 + lengthBytes, payload.data(), size_t(size));
    return frame;
}

QByteArray WebSocketFrame::closePayload(quint16 code, QByteArrayView reason)
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(code, reinterpret_cast<uchar *>(payload.data()));
    qsizetype take = qMin(reason.size(), maxControlPayload - 2);
    // Never cut a UTF-8 sequence in half: back off over continuation bytes.
    while (take < reason.size() && take > 0 && (uchar(reason[take]) & 0xC0) == 0x80)
        --take;
    payload += reason.first(take);
    return payload;
}

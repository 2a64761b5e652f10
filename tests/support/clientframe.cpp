// SPDX-License-Identifier: MIT
#include "clientframe.h"

QByteArray ClientFrame::build(int opcode, const QByteArray &payload, bool fin, bool masked, int rsv,
                              qint64 declaredLength, quint32 mask)
{
    QByteArray out;
    out += char((fin ? 0x80 : 0) | (rsv << 4) | opcode);
    const quint64 length = declaredLength >= 0 ? quint64(declaredLength) : quint64(payload.size());
    const char maskBit = masked ? char(0x80) : char(0);
    if (length < 126) {
        out += char(maskBit | char(length));
    } else if (length <= 0xFFFF) {
        out += char(maskBit | 126);
        out += char(length >> 8);
        out += char(length & 0xFF);
    } else {
        out += char(maskBit | 127);
        for (int shift = 56; shift >= 0; shift -= 8)
            out += char((length >> shift) & 0xFF);
    }
    if (!masked)
        return out.append(payload);
    const char key[4] = { char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask) };
    out.append(key, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out += char(payload.at(i) ^ key[i % 4]);
    return out;
}

QByteArray ClientFrame::closePayload(quint16 code, const QByteArray &reason)
{
    QByteArray payload;
    payload += char(code >> 8);
    payload += char(code & 0xFF);
    return payload.append(reason);
}

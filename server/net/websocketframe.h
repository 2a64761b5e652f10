// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

/**
 * @brief RFC 6455 frames as the server writes them: final, unmasked, no extension bits.
 *
 * A frame is built once and may be written to any number of sockets (the subscription hub
 * sends one notification frame to every subscriber).
 */
namespace WebSocketFrame {

enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

/** Control frames (close, ping, pong) carry at most this many payload bytes (§5.5). */
inline constexpr qsizetype maxControlPayload = 125;

bool isControl(Opcode opcode);
/** One complete server-to-client frame holding @p payload. */
QByteArray encode(Opcode opcode, QByteArrayView payload);
/** A close frame's payload: the code in network order, then the reason cut to fit (UTF-8 kept
 *  whole). */
QByteArray closePayload(quint16 code, QByteArrayView reason);

} // namespace WebSocketFrame

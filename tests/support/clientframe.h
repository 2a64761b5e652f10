// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

/**
 * @brief WebSocket frames as a client sends them (RFC 6455 §5.2), valid or deliberately not, for
 * tests that talk to the server's framing on a raw socket or feed its parser.
 */
namespace ClientFrame {

/** FIN + opcode (+ @p rsv bits), masked with @p mask unless @p masked is false; the length field
 *  says @p declaredLength when that is not -1 (a lie about the payload's size). */
QByteArray build(int opcode, const QByteArray &payload, bool fin = true, bool masked = true, int rsv = 0,
                 qint64 declaredLength = -1, quint32 mask = 0x12345678);
/** A close frame's payload: @p code in network order, then @p reason. */
QByteArray closePayload(quint16 code, const QByteArray &reason = {});

} // namespace ClientFrame

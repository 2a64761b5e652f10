// SPDX-License-Identifier: MIT
#pragma once

#include <QWebSocketProtocol>

/**
 * @brief WebSocket close codes the server uses beyond RFC 6455 (documented in self-hosting.md).
 *
 * Both application codes mean "your view may be stale": reconnect, then refetch what you show.
 */
namespace CloseCodes {
/** The subscriber read too slowly: its send buffer passed ServerConfig::maxSendBufferBytes. */
inline constexpr auto SlowConsumer = QWebSocketProtocol::CloseCode(4001);
/** The storage may have lost change notifications (e.g. Redis reconnected): refetch. */
inline constexpr auto Refetch = QWebSocketProtocol::CloseCode(4002);
} // namespace CloseCodes

// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

/**
 * @brief WebSocket close codes (RFC 6455 §7.4) the server sends, and its own application codes
 * (documented in self-hosting.md).
 *
 * Both application codes mean "your view may be stale": reconnect, then refetch what you show.
 */
namespace CloseCodes {
inline constexpr quint16 Normal = 1000;
inline constexpr quint16 GoingAway = 1001;
inline constexpr quint16 ProtocolError = 1002;
/** Received in a close frame that carried no code; never sent. */
inline constexpr quint16 NoStatus = 1005;
inline constexpr quint16 InvalidPayload = 1007;
inline constexpr quint16 TooBig = 1009;
/** The subscriber read too slowly: its send buffer passed ServerConfig::maxSendBufferBytes. */
inline constexpr quint16 SlowConsumer = 4001;
/** The storage may have lost change notifications (e.g. Redis reconnected): refetch. */
inline constexpr quint16 Refetch = 4002;
/** The socket's API key was removed, or the tokens of its key (or all tokens) were revoked: get
 *  new credentials (a new token from a current key) before reconnecting. */
inline constexpr quint16 CredentialsRevoked = 4003;

/** Whether a peer may send @p code in a close frame (RFC 6455 §7.4; 1012–1014 as registered). */
constexpr bool isValidReceived(quint16 code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}
} // namespace CloseCodes

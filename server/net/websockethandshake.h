// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

/**
 * @brief The server's side of the RFC 6455 opening handshake (§4.2), after HttpFrontEnd has
 * checked the request's method, Upgrade/Connection headers, version and credentials.
 */
namespace WebSocketHandshake {

/** Whether @p key is a valid Sec-WebSocket-Key: base64 of 16 bytes. */
bool isValidKey(const QByteArray &key);
/** base64(SHA-1(key + the RFC's GUID)). */
QByteArray acceptKey(const QByteArray &key);
/** The whole `101 Switching Protocols` head for a request carrying @p key. No subprotocol and no
 *  extension is selected (permessage-deflate offers are declined by omission). */
QByteArray switchingProtocols(const QByteArray &key);

} // namespace WebSocketHandshake

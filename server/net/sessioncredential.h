// SPDX-License-Identifier: MIT
#pragma once

#include "core/tokenclaims.h"

#include <QByteArray>
#include <optional>

/**
 * @brief What a WebSocket was opened with: the id of its API key (TokenService::keyId), and,
 * when it was opened with a token, the token's binding (key id and revocation generations; the
 * subscriptions stay in the AccessScope only). CredentialAdmin closes the socket once these are
 * no longer current (key removed, tokens revoked).
 */
struct SessionCredential
{
    QByteArray keyId;
    std::optional<TokenClaims> token;
};

// SPDX-License-Identifier: MIT
#pragma once

#include "core/tokenclaims.h"

#include <QByteArray>
#include <functional>
#include <optional>

/**
 * @brief Issues and verifies monitor tokens: HMAC-SHA256 signed, URL-safe, valid 2 hours.
 *
 * A token carries its claims and expiry, signed with a server secret (kept in the data dir,
 * or shared through config/Redis so every instance accepts every other's tokens). It never
 * contains an API key. The clock is injected so expiry is tested without waiting.
 */
class TokenService
{
public:
    using Clock = std::function<qint64()>; ///< ms since epoch
    static constexpr qint64 lifetimeMs = 2 * 60 * 60 * 1000;

    explicit TokenService(QByteArray secret, Clock clock = {});

    QByteArray issue(TokenClaims claims) const;
    /** The claims of a valid, unexpired token; nullopt for anything else. */
    std::optional<TokenClaims> verify(const QByteArray &token) const;

    /** A new random secret, for a data dir that has none yet. */
    static QByteArray generateSecret();

private:
    QByteArray m_secret;
    Clock m_clock;
};

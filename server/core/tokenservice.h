// SPDX-License-Identifier: MIT
#pragma once

#include "core/tokenclaims.h"
#include "core/tokenrevocations.h"

#include <QByteArray>
#include <QSet>
#include <functional>
#include <optional>

/**
 * @brief Issues and verifies monitor tokens: HMAC-SHA256 signed, URL-safe, valid 2 hours.
 *
 * A token carries its claims and expiry, signed with a server secret (kept in the data dir,
 * or shared through config/Redis so every instance accepts every other's tokens). It never
 * contains an API key: it names the key that issued it by a key id (an HMAC of the key's digest
 * with the secret), and carries the revocation generations current at issue. Once the set of
 * current key ids is given (setKeyIds), a token verifies only while its key is one of them and
 * its generations are not behind the current TokenRevocations. The clock is injected so expiry
 * is tested without waiting.
 */
class TokenService
{
public:
    using Clock = std::function<qint64()>; ///< ms since epoch
    static constexpr qint64 lifetimeMs = 2 * 60 * 60 * 1000;

    explicit TokenService(QByteArray secret, Clock clock = {});

    /** Signs `claims` (their keyId set by the caller) with the current generations and expiry. */
    QByteArray issue(TokenClaims claims) const;
    /** The claims of a valid, unexpired, not revoked token of a current key; nullopt otherwise. */
    std::optional<TokenClaims> verify(const QByteArray &token) const;

    /** The id of `apiKey`: 16 base64url characters, stable for one secret, reveals nothing of the key. */
    QByteArray keyId(const QByteArray &apiKey) const;
    /** Only tokens issued with one of these keys verify from now on (until set, any key id does). */
    void setKeyIds(QSet<QByteArray> keyIds) { m_keyIds = std::move(keyIds); }
    bool isCurrentKey(const QByteArray &keyId) const { return !m_keyIds || m_keyIds->contains(keyId); }
    /** The key is current and neither its tokens nor all tokens were revoked since issue. */
    bool isCurrent(const TokenClaims &claims) const;
    const TokenRevocations &revocations() const { return m_revocations; }
    void setRevocations(TokenRevocations revocations) { m_revocations = std::move(revocations); }

    /** A new random secret, for a data dir that has none yet. */
    static QByteArray generateSecret();

private:
    QByteArray m_secret;
    Clock m_clock;
    std::optional<QSet<QByteArray>> m_keyIds;
    TokenRevocations m_revocations;
};

// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QtGlobal>
#include <optional>

/**
 * @brief Which monitor tokens are revoked: a generation for all tokens and one per API key id.
 *
 * A token carries the generations current when it was issued (TokenClaims); it is valid only
 * while they are not behind the current ones. Revoking bumps a generation, so every token
 * issued before with that key (or at all) stops verifying, and tokens issued afterwards work.
 * Kept durably as a small JSON text (`<data dir>/token-revocations`, see CredentialAdmin).
 */
class TokenRevocations
{
public:
    quint64 allGeneration() const { return m_all; }
    quint64 keyGeneration(const QByteArray &keyId) const { return m_keys.value(keyId, 0); }

    void revokeAll() { ++m_all; }
    void revokeKey(const QByteArray &keyId) { ++m_keys[keyId]; }

    /** `{"all":N,"keys":{"<key id>":N,...}}` */
    QByteArray toJson() const;
    /** nullopt when `json` is not such a text. */
    static std::optional<TokenRevocations> fromJson(const QByteArray &json);

private:
    quint64 m_all = 0;
    QHash<QByteArray, quint64> m_keys;
};

// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>
#include <optional>

/** @brief What a monitor token grants (docs/protocol.md §5). */
struct TokenClaims
{
    QList<QByteArray> subscriptions; ///< subscribeKeys / subscribePatterns
    std::optional<QString> accessPattern; ///< regex, search semantics
    qint64 expiresAtMs = 0;
    /** The issuing API key's id (TokenService::keyId): an HMAC fingerprint, never the key. */
    QByteArray keyId;
    quint64 allGeneration = 0; ///< TokenRevocations::allGeneration() at issue
    quint64 keyGeneration = 0; ///< TokenRevocations::keyGeneration(keyId) at issue
};

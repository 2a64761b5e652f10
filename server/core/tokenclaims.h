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
    QList<QByteArray> subscriptions;     ///< subscribeKeys / subscribePatterns
    std::optional<QString> accessPattern; ///< regex, search semantics
    qint64 expiresAtMs = 0;
};

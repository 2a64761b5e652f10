// SPDX-License-Identifier: MIT
#pragma once

#include "core/record.h"
#include "core/request.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

/**
 * @brief The outcome of one request, before it is encoded for a transport.
 *
 * KvService fills it; ReplyEncoder turns it into a WebSocket frame (docs/protocol.md §2/§4/§8)
 * or a REST body (§6). `code` is the protocol code (200, 400, 403, 404, 409, 429, 500, 503).
 * `revision` is present only when the server runs with its extensions on.
 */
struct Reply
{
    Op op = Op::Get;
    int code = 200;
    QString error; ///< set exactly when code != 200
    QByteArray messageIdJson; ///< echoed verbatim when non-empty
    QByteArray key; ///< GET, ATOMIC, 404, 409
    bool hasKey = false;
    std::optional<QByteArray> value; ///< GET; 409 (nullopt → JSON null when hasValueMember)
    bool hasValueMember = false;
    std::optional<qint64> revision; ///< extensions only
    QString message; ///< SET/PATCH/DELETE success text
    qint64 newValue = 0; ///< ATOMIC
    QList<KeyedRecord> records; ///< RANGE
    bool recordRevisions = false; ///< RANGE: each record carries its `revision` (extensions only)
    bool truncated = false; ///< RANGE
    int heartbeatMs = 0; ///< PRESENCE: announce again this often
    int expiryMs = 0; ///< PRESENCE: a member not heard from for this long is dropped
};

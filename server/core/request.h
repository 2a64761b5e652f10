// SPDX-License-Identifier: MIT
#pragma once

#include "core/presenceannouncement.h"

#include <QByteArray>
#include <memory>
#include <optional>

/** @brief Operation codes of docs/protocol.md §2; Presence (7) is an extension (§9.9). */
enum class Op { Get = 1, Set = 2, Patch = 3, Delete = 4, Range = 5, Atomic = 6, Presence = 7 };

/**
 * @brief One validated protocol request, whichever transport it came from (WS frame or REST).
 *
 * `messageIdJson` is the compact JSON text of the request's messageId, echoed verbatim in
 * the reply; empty when the request had none.
 */
struct Request
{
    Op op = Op::Get;
    QByteArray key;
    QByteArray value; ///< SET/PATCH: the value (strings as-is, other JSON as compact text)
    qint64 delta = 0; ///< ATOMIC
    QByteArray endKey; ///< RANGE
    int limit = 100; ///< RANGE: 1..1000 (larger requests are clamped to 1000)
    std::optional<qint64> ifRevision;
    QByteArray messageIdJson;
    std::shared_ptr<const PresenceAnnouncement> presence; ///< PRESENCE only
};

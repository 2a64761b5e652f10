// SPDX-License-Identifier: MIT
#pragma once

#include "core/change.h"

#include <QByteArray>
#include <optional>

/**
 * @brief The wire form of one change on the deployment's pub/sub channel.
 *
 * `<revision> v1 <timestampMs> <keyLength> <s|d>\n<key><value>`. The writer builds everything
 * after the revision (the head, then key and value); the write script puts the revision in
 * front, since only the script knows it. Each instance decodes a message once.
 */
namespace RedisChangeCodec {

/** The part before key and value, given to the write script as ARGV[6]. */
QByteArray head(qint64 timestampMs, qsizetype keyLength, bool deleted);
/** The whole message, as the script publishes it (used by tests and for symmetry). */
QByteArray encode(const Change &change);
/** nullopt for anything malformed (e.g. a future format version). */
std::optional<Change> decode(const QByteArray &message);

} // namespace RedisChangeCodec

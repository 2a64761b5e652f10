// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class RedisConnection;

/**
 * @brief Checks at connect whether Redis keeps its data across a restart, and says so plainly.
 *
 * Asks `CONFIG GET appendonly` and `CONFIG GET save`. With neither AOF nor RDB snapshots a
 * restart of Redis loses every record (dayboard then keeps revisions growing, see
 * RedisRevisionFloor, but the records are gone): a warning is logged. When CONFIG is refused
 * (renamed, disabled, or not allowed to this ACL user) that is logged too, as "could not
 * check". Never blocks and never fails the connection.
 */
namespace RedisPersistence {
void check(RedisConnection *connection, const QString &endpoint);
}

// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

/**
 * @brief The Lua scripts RedisStorage runs (SCRIPT LOAD once per connection, then EVALSHA).
 *
 * Every key a script touches carries the deployment's hash tag, so each script runs on one
 * Redis Cluster slot. Record keys are `<base>r:<key>`, a hash with `v` (value) and `r`
 * (revision); `<base>idx` is a sorted set of all keys (score 0, so ZRANGEBYLEX orders them
 * byte-wise); `<base>rev` is the store-wide revision counter.
 */
namespace RedisScripts {

/**
 * Compare-and-set of one record, atomically with the revision bump, the index update and the
 * notification.
 *
 * KEYS: record, counter, index. ARGV: user key, expected revision (-1: any; 0: absent),
 * mode (`set` | `del`), new value, channel, notification head (see RedisChangeCodec), the
 * highest revision the calling server has seen. Revisions never repeat even when Redis lost
 * its data (restarted without persistence): a counter at or below that revision, or below the
 * record's own, is set past it before the write takes its revision.
 * Returns {1, revision, 0} on success ({1, revision, counter} when the counter was behind and
 * moved forward), {0, current revision, current value or nil} on a
 * revision mismatch, {2, 0} for a delete of a missing record.
 */
extern const QByteArray write;

/**
 * A consistent RANGE read: KEYS: index. ARGV: first, last, count (-1: all), record key prefix.
 * Returns a flat array key, value, revision, ...
 */
extern const QByteArray range;

} // namespace RedisScripts

// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

/**
 * @brief The Lua scripts of RedisPresence. Per watched key: a sorted set `<base>p:<key>` of
 * member ids scored by their expiry (ms, Redis's own clock, so every instance agrees) and a
 * hash `<base>pn:<key>` of id -> "<owner>\n<name>". Both expire as a whole twice the member
 * expiry after the last announcement, so an abandoned key leaves nothing behind.
 */
namespace RedisPresenceScripts {

/** KEYS: set, names. ARGV: id, owner, name, ttlMs, channel, key. Publishes `key` on a change. */
inline const QByteArray announce = QByteArrayLiteral(R"lua(
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[4])
local old = redis.call('HGET', KEYS[2], ARGV[1])
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
local oldName = nil
if old then oldName = string.sub(old, string.find(old, '\n', 1, true) + 1) end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2] .. '\n' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], ttl * 2)
redis.call('PEXPIRE', KEYS[2], ttl * 2)
if (not score) or tonumber(score) <= now or oldName ~= ARGV[3] then
  redis.call('PUBLISH', ARGV[5], ARGV[6])
end
return 1
)lua");

/** KEYS: set, names. ARGV: id, owner, channel, key. Removes the member if `owner` owns it. */
inline const QByteArray leave = QByteArrayLiteral(R"lua(
local old = redis.call('HGET', KEYS[2], ARGV[1])
if not old then return 0 end
if string.sub(old, 1, string.find(old, '\n', 1, true) - 1) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1
)lua");

/** KEYS: set, names. Drops expired members, returns id, name, id, name, ... */
inline const QByteArray roster = QByteArrayLiteral(R"lua(
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
for _, id in ipairs(gone) do redis.call('HDEL', KEYS[2], id) end
if #gone > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now) end
local out = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf')) do
  local v = redis.call('HGET', KEYS[2], id)
  if v then
    table.insert(out, id)
    table.insert(out, string.sub(v, string.find(v, '\n', 1, true) + 1))
  end
end
return out
)lua");

} // namespace RedisPresenceScripts

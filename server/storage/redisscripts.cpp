// SPDX-License-Identifier: MIT
#include "storage/redisscripts.h"

namespace RedisScripts {

const QByteArray write = QByteArrayLiteral(R"lua(
local current = redis.call('HMGET', KEYS[1], 'v', 'r')
local currentRevision = tonumber(current[2]) or 0
local expected = tonumber(ARGV[2])
if expected >= 0 and currentRevision ~= expected then
  return {0, currentRevision, current[1]}
end
if ARGV[3] == 'del' and not current[2] then
  return {2, 0}
end
local revision = redis.call('INCR', KEYS[2])
local floor = math.max(tonumber(ARGV[7]) or 0, currentRevision)
local behind = 0
if revision <= floor then
  behind = revision
  revision = floor + 1
  redis.call('SET', KEYS[2], tostring(revision))
end
if ARGV[3] == 'del' then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[3], ARGV[1])
  redis.call('PUBLISH', ARGV[5], tostring(revision) .. ' ' .. ARGV[6] .. ARGV[1])
else
  redis.call('HSET', KEYS[1], 'v', ARGV[4], 'r', revision)
  redis.call('ZADD', KEYS[3], 0, ARGV[1])
  redis.call('PUBLISH', ARGV[5], tostring(revision) .. ' ' .. ARGV[6] .. ARGV[1] .. ARGV[4])
end
return {1, revision, behind}
)lua");

const QByteArray range = QByteArrayLiteral(R"lua(
local keys = redis.call('ZRANGEBYLEX', KEYS[1], '[' .. ARGV[1], '[' .. ARGV[2], 'LIMIT', 0, ARGV[3])
local out = {}
for _, key in ipairs(keys) do
  local record = redis.call('HMGET', ARGV[4] .. key, 'v', 'r')
  out[#out + 1] = key
  out[#out + 1] = record[1]
  out[#out + 1] = record[2]
end
return out
)lua");

} // namespace RedisScripts

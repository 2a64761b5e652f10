// SPDX-License-Identifier: MIT
#include "storage/redisrevisionfloor.h"

#include "storage/redislog.h"

void RedisRevisionFloor::counterWasBehind(qint64 counter, qint64 revision)
{
    qCWarning(lcRedis).nospace() << "Redis's revision counter was at " << counter - 1 << ", behind revision "
                                 << revision - 1
                                 << " this server has already seen: Redis lost data (restarted "
                                    "without persistence, or flushed). Moved the counter to "
                                 << revision
                                 << " so no revision is used twice; records written before the "
                                    "loss may be gone from Redis.";
}

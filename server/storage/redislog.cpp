// SPDX-License-Identifier: MIT
#include "storage/redislog.h"

Q_LOGGING_CATEGORY(lcRedis, "dayboard.server.redis")

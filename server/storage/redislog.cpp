// SPDX-License-Identifier: MIT
#include "redislog.h"

Q_LOGGING_CATEGORY(lcRedis, "dayboard.server.redis")

// SPDX-License-Identifier: MIT
#include "core/corelogging.h"

Q_LOGGING_CATEGORY(lcCore, "dayboard.server.core")

// SPDX-License-Identifier: MIT
#include "corelogging.h"

Q_LOGGING_CATEGORY(lcCore, "dayboard.server.core")

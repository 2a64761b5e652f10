// SPDX-License-Identifier: MIT
#include "netlog.h"

Q_LOGGING_CATEGORY(lcNet, "dayboard.server.net")

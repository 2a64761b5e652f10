// SPDX-License-Identifier: MIT
#include "sync/synclog.h"

// Debug lines (one per write) are off unless QT_LOGGING_RULES="dayboard.client.sync.debug=true".
Q_LOGGING_CATEGORY(lcSync, "dayboard.client.sync", QtInfoMsg)

// SPDX-License-Identifier: MIT
#include "synclog.h"

Q_LOGGING_CATEGORY(lcSync, "dayboard.client.sync")

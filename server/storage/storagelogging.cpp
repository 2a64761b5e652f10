// SPDX-License-Identifier: MIT
#include "storagelogging.h"

Q_LOGGING_CATEGORY(lcStorage, "dayboard.server.storage")

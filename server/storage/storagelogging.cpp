// SPDX-License-Identifier: MIT
#include "storage/storagelogging.h"

Q_LOGGING_CATEGORY(lcStorage, "dayboard.server.storage")

// SPDX-License-Identifier: MIT
#include "storage.h"

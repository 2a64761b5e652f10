// SPDX-License-Identifier: MIT
#include "core/storage.h"

// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// The storage subsystem's one logging category. Messages never contain keys or values.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)

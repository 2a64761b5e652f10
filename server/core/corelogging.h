// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

/** The logging category of dayboard_server_core ("dayboard.server.core"). */
Q_DECLARE_LOGGING_CATEGORY(lcCore)

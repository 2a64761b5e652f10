// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

/** Connection events and errors of the network front end. Never logs keys, tokens or values. */
Q_DECLARE_LOGGING_CATEGORY(lcNet)

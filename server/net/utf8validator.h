// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>

/**
 * @brief Strict UTF-8 check for WebSocket text messages (RFC 6455 §8.1, RFC 3629): no overlong
 * forms, no UTF-16 surrogates, nothing above U+10FFFF, no truncated sequence.
 */
namespace Utf8Validator {
bool isValid(QByteArrayView bytes);
} // namespace Utf8Validator

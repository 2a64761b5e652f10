// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QQmlEngine>

/**
 * @brief Todo's enums in QML: `Todo.High`, `Todo.Done`, ... (Todo holds enums only there).
 *
 * A namespace rather than a QML_FOREIGN gadget: Qt 6.4 wants value type names in lower case,
 * and an uppercase name is what QML code expects of enums.
 */
namespace TodoForeign {
Q_NAMESPACE
QML_FOREIGN_NAMESPACE(Todo)
QML_NAMED_ELEMENT(Todo)
} // namespace TodoForeign

// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QtGlobal>
#include <optional>

/**
 * @brief One committed write, as every subscriber must hear of it (docs/protocol.md §5).
 *
 * `value` is the full value after the write, nullopt after a delete.
 */
struct Change
{
    QByteArray key;
    std::optional<QByteArray> value;
    qint64 revision = 0;
    qint64 timestampMs = 0;
};

Q_DECLARE_METATYPE(Change)

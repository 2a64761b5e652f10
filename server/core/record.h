// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QtGlobal>

/**
 * @brief A stored value and the store-wide revision of its last write (docs/protocol.md §8).
 */
struct Record
{
    QByteArray value;
    qint64 revision = 0;
};

/** @brief A record together with its key, as RANGE returns it. */
struct KeyedRecord
{
    QByteArray key;
    Record record;
};

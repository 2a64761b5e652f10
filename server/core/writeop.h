// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <optional>

/** @brief The four kinds of write in docs/protocol.md §2: SET, PATCH, DELETE, ATOMIC. */
enum class WriteKind { Set, Patch, Delete, Increment };

/**
 * @brief One validated write request, as every Storage backend receives it.
 *
 * Keys and values are raw UTF-8 bytes. `ifRevision` is the §8 compare-and-swap guard:
 * the write happens only if the record's current revision equals it (0: only if absent).
 */
struct WriteOp
{
    WriteKind kind = WriteKind::Set;
    QByteArray key;
    QByteArray value; ///< Set: the value to store; Patch: the patch text
    qint64 delta = 0; ///< Increment: the signed delta
    std::optional<qint64> ifRevision;
};

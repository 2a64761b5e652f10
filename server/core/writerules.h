// SPDX-License-Identifier: MIT
#pragma once

#include "core/record.h"
#include "core/writeop.h"
#include "core/writeresult.h"

/**
 * @brief What a write does to one record, decided without touching storage.
 *
 * `status` is Ok, NotFound, Conflict, NotNumeric or Invalid (`detail` then says why, without
 * keys or values). When Ok, `remove` says the record is
 * deleted, else `newValue` is the full value to store. Shared by every backend so that
 * SET/PATCH/DELETE/ATOMIC and ifRevision mean the same everywhere.
 */
struct PlannedWrite
{
    WriteStatus status = WriteStatus::Ok;
    bool remove = false;
    QByteArray newValue;
    QString detail; ///< NotNumeric/Invalid: a message for the client, free of keys and values
};

/** The 400 messages planWrite puts in `detail`; KvService falls back on them. */
namespace WriteMessages {
QString notNumeric(); ///< ATOMIC on a non-integer stored value, or a result beyond int64
QString patchTooDeep(); ///< PATCH on JSON nested deeper than JsonMergePatch::maxDepth
QString valueTooLong(); ///< the value a write would produce is over RequestParser::maxValueBytes
} // namespace WriteMessages

/**
 * Applies `op` to `current` (nullptr when the key is missing). Pure function. A value it would
 * produce over RequestParser::maxValueBytes is refused (Invalid, WriteMessages::valueTooLong()).
 */
PlannedWrite planWrite(const Record *current, const WriteOp &op);

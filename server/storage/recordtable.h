// SPDX-License-Identifier: MIT
#pragma once

#include "core/record.h"
#include "core/storage.h"
#include "core/writeop.h"
#include "core/writeresult.h"

#include <QByteArray>
#include <map>
#include <optional>

/**
 * @brief The in-memory engine shared by MemoryStorage and SqliteStorage.
 *
 * An ordered map from key to Record (byte-wise lexicographic key order) plus the store-wide
 * revision counter. Every write goes through planWrite(), so the write semantics are the same
 * as in every other backend. An applied write can be undone (newest first), which lets
 * SqliteStorage roll the memory back when a commit fails.
 */
class RecordTable
{
public:
    /** @brief What apply() did, enough to answer the write and to undo it. */
    struct Applied
    {
        WriteResult result;
        bool mutated = false; ///< true when the write changed the table
        QByteArray key;
        std::optional<Record> previous; ///< the record before the write (undo)
        qint64 previousRevision = 0; ///< the table revision before the write (undo)
        std::optional<Record> current; ///< the record after the write; nullopt if deleted
    };

    const Record *find(const QByteArray &key) const;
    /** Inclusive at both ends; a non-positive `limit` means no limit. */
    RangeResult range(const QByteArray &first, const QByteArray &last, int limit) const;

    /** Plans `op` with planWrite() and, when it succeeds, stores it under the next revision. */
    Applied apply(const WriteOp &op);
    /** Reverts one apply(); undo several in reverse order of application. */
    void undo(const Applied &applied);

    /** Loading: stores a record as is (no revision bump). */
    void load(const QByteArray &key, const Record &record);

    qint64 revision() const { return m_revision; }
    void setRevision(qint64 revision) { m_revision = revision; }
    qsizetype size() const { return qsizetype(m_records.size()); }
    void clear();

private:
    std::map<QByteArray, Record> m_records;
    qint64 m_revision = 0;
};

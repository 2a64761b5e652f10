// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage.h"
#include "storage/recordtable.h"

/**
 * @brief A Storage that keeps everything in memory and forgets it on exit.
 *
 * Used by tests and by `--memory`. Every operation completes synchronously: callbacks run
 * (and `changed` is emitted) before the call returns.
 */
class MemoryStorage : public Storage
{
    Q_OBJECT

public:
    explicit MemoryStorage(QObject *parent = nullptr);

    bool open(QString *error) override;
    void get(const QByteArray &key, GetCallback done) override;
    void range(const QByteArray &first, const QByteArray &last, int limit, RangeCallback done) override;
    void write(const WriteOp &op, WriteCallback done) override;
    void flush() override { }

    /** The revision the last successful write took (0 when none). */
    qint64 revision() const { return m_table.revision(); }

private:
    RecordTable m_table;
};

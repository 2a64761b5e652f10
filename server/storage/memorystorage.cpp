// SPDX-License-Identifier: MIT
#include "storage/memorystorage.h"

#include <QDateTime>

MemoryStorage::MemoryStorage(QObject *parent)
    : Storage(parent)
{ }

bool MemoryStorage::open(QString *error)
{
    if (error)
        error->clear();
    return true;
}

void MemoryStorage::get(const QByteArray &key, GetCallback done)
{
    ReadResult result;
    if (const Record *record = m_table.find(key))
        result.record = *record;
    if (done)
        done(result);
}

void MemoryStorage::range(const QByteArray &first, const QByteArray &last, int limit, RangeCallback done)
{
    const RangeResult result = m_table.range(first, last, limit);
    if (done)
        done(result);
}

void MemoryStorage::write(const WriteOp &op, WriteCallback done)
{
    const RecordTable::Applied applied = m_table.apply(op);
    if (done)
        done(applied.result);
    if (applied.mutated) {
        const Change change { applied.key, applied.result.value, applied.result.revision,
                              QDateTime::currentMSecsSinceEpoch() };
        emit changed(change);
    }
}

// SPDX-License-Identifier: MIT
#include "storage/recordtable.h"

#include "core/writerules.h"

const Record *RecordTable::find(const QByteArray &key) const
{
    const auto it = m_records.find(key);
    return it == m_records.end() ? nullptr : &it->second;
}

RangeResult RecordTable::range(const QByteArray &first, const QByteArray &last, int limit) const
{
    RangeResult result;
    if (last < first)
        return result;
    const auto end = m_records.upper_bound(last);
    for (auto it = m_records.lower_bound(first); it != end; ++it) {
        if (limit > 0 && result.records.size() >= limit) {
            result.truncated = true;
            break;
        }
        result.records.append(KeyedRecord { it->first, it->second });
    }
    return result;
}

RecordTable::Applied RecordTable::apply(const WriteOp &op)
{
    Applied applied;
    applied.key = op.key;
    applied.previousRevision = m_revision;
    const auto it = m_records.find(op.key);
    const Record *current = it == m_records.end() ? nullptr : &it->second;
    if (current)
        applied.previous = *current;

    const PlannedWrite plan = planWrite(current, op);
    applied.result.status = plan.status;
    applied.result.detail = plan.detail;
    if (plan.status != WriteStatus::Ok) {
        if (plan.status == WriteStatus::Conflict && current) {
            applied.result.revision = current->revision;
            applied.result.value = current->value;
        }
        return applied;
    }

    applied.mutated = true;
    applied.result.revision = ++m_revision;
    if (plan.remove) {
        if (it != m_records.end())
            m_records.erase(it);
    } else {
        Record record { plan.newValue, m_revision };
        m_records.insert_or_assign(op.key, record);
        applied.current = record;
        applied.result.value = plan.newValue;
    }
    return applied;
}

void RecordTable::undo(const Applied &applied)
{
    if (!applied.mutated)
        return;
    if (applied.previous)
        m_records.insert_or_assign(applied.key, *applied.previous);
    else
        m_records.erase(applied.key);
    m_revision = applied.previousRevision;
}

void RecordTable::load(const QByteArray &key, const Record &record)
{
    m_records.insert_or_assign(key, record);
}

void RecordTable::clear()
{
    m_records.clear();
    m_revision = 0;
}

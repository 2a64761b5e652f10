// SPDX-License-Identifier: MIT
#include "core/memorybudget.h"

MemoryBudget::MemoryBudget(qint64 limit, QObject *parent)
    : QObject(parent)
    , m_limit(limit)
{
    m_trimTimer.setSingleShot(true);
    m_trimTimer.setInterval(1000);
    connect(&m_trimTimer, &QTimer::timeout, this, &MemoryBudget::maybeTrim);
}

bool MemoryBudget::tryCharge(qint64 bytes)
{
    if (m_limit > 0 && bytes > 0 && m_used + bytes > m_limit)
        return false;
    charge(bytes);
    return true;
}

void MemoryBudget::charge(qint64 bytes)
{
    m_used += bytes;
    if (bytes > 0) {
        m_peak = qMax(m_peak, m_used);
        m_peakSinceTrim = qMax(m_peakSinceTrim, m_used);
    } else if (m_trim && !m_trimTimer.isActive() && m_peakSinceTrim - m_used >= m_trimDrop) {
        m_trimTimer.start();
    }
}

void MemoryBudget::setTrim(Trim trim, qint64 trimDrop)
{
    m_trim = std::move(trim);
    m_trimDrop = trimDrop;
}

void MemoryBudget::maybeTrim()
{
    if (!m_trim || m_peakSinceTrim - m_used < m_trimDrop || m_used > m_peakSinceTrim / 2)
        return;
    m_trim();
    ++m_trims;
    m_peakSinceTrim = m_used;
}

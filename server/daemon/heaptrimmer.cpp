// SPDX-License-Identifier: MIT
#include "daemon/heaptrimmer.h"

#include "net/netlog.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

HeapTrimmer::HeapTrimmer(Counter liveConnections, QObject *parent)
    : HeapTrimmer(std::move(liveConnections), &HeapTrimmer::trimHeap, defaultMinimumDrop, defaultPollMs,
                  parent)
{ }

HeapTrimmer::HeapTrimmer(Counter liveConnections, Trim trim, int minimumDrop, int pollMs, QObject *parent)
    : QObject(parent)
    , m_liveConnections(std::move(liveConnections))
    , m_trim(std::move(trim))
    , m_minimumDrop(qMax(1, minimumDrop))
{
    connect(&m_poll, &QTimer::timeout, this, &HeapTrimmer::check);
    m_poll.start(pollMs);
}

bool HeapTrimmer::check()
{
    const int live = m_liveConnections();
    m_peak = qMax(m_peak, live);
    if (m_peak - live < m_minimumDrop || live > m_peak / 2)
        return false;
    qCDebug(lcNet) << "returning free heap to the system:" << live << "connections left of" << m_peak;
    m_trim();
    m_peak = live;
    ++m_trims;
    return true;
}

void HeapTrimmer::trimHeap()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

// SPDX-License-Identifier: MIT
#include "net/tokenbucket.h"

#include <algorithm>

TokenBucket::TokenBucket(double ratePerSecond, double burst, qint64 nowMs)
    : m_rate(ratePerSecond)
    , m_burst(std::max(1.0, burst))
    , m_tokens(m_burst)
    , m_lastMs(nowMs)
{ }

bool TokenBucket::tryTake(qint64 nowMs)
{
    if (!isLimited())
        return true;
    if (nowMs > m_lastMs) {
        m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
        m_lastMs = nowMs;
    }
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

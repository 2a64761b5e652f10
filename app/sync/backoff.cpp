// SPDX-License-Identifier: MIT
#include "sync/backoff.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

Backoff::Backoff(int initialMs, int maxMs, double jitter, Random random)
    : m_initialMs(std::max(1, initialMs))
    , m_maxMs(std::max(m_initialMs, maxMs))
    , m_jitter(std::clamp(jitter, 0.0, 1.0))
    , m_random(random ? std::move(random)
                      : Random([] { return QRandomGenerator::global()->generateDouble(); }))
{ }

int Backoff::nextDelayMs()
{
    // The exponent is capped so the product never overflows however long we keep trying.
    const int exponent = std::min(m_attempt, 30);
    if (m_attempt < 1000000)
        ++m_attempt;
    const double base = std::min<double>(m_maxMs, m_initialMs * std::ldexp(1.0, exponent));
    const double spread = 1.0 - m_jitter + 2.0 * m_jitter * m_random();
    return std::max(1, int(std::lround(base * spread)));
}

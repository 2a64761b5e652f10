// SPDX-License-Identifier: MIT
#include "stats.h"

#include <algorithm>

double LatencyStats::percentileUs(double p)
{
    if (m_samples.empty())
        return 0;
    if (!m_sorted) {
        std::sort(m_samples.begin(), m_samples.end());
        m_sorted = true;
    }
    size_t idx = size_t(p / 100.0 * double(m_samples.size() - 1) + 0.5);
    idx = std::min(idx, m_samples.size() - 1);
    return double(m_samples[idx]) / 1000.0;
}

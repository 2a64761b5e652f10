// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

/** @brief Latency samples (ns) with percentiles; bounded by the caller's op count. */
class LatencyStats
{
public:
    void reserve(size_t n) { m_samples.reserve(n); }
    void add(int64_t ns)
    {
        m_samples.push_back(ns);
        m_sorted = false;
    }
    size_t count() const { return m_samples.size(); }
    /** p in [0,100]; microseconds; 0 when empty. */
    double percentileUs(double p);

private:
    std::vector<int64_t> m_samples;
    bool m_sorted = false;
};

// SPDX-License-Identifier: MIT
#include "samples.h"

#include <algorithm>
#include <cmath>

Samples::Samples(std::vector<double> values)
    : m_values(std::move(values))
    , m_sorted(false)
{ }

void Samples::add(double value)
{
    m_values.push_back(value);
    m_sorted = false;
}

void Samples::sort() const
{
    if (m_sorted)
        return;
    std::sort(m_values.begin(), m_values.end());
    m_sorted = true;
}

double Samples::percentile(double p) const
{
    if (m_values.empty())
        return 0;
    sort();
    // Nearest rank: the smallest value with at least p % of the samples at or below it.
    const double rank = std::ceil(p / 100.0 * double(m_values.size()));
    const size_t index = size_t(std::clamp(rank, 1.0, double(m_values.size()))) - 1;
    return m_values[index];
}

double Samples::min() const
{
    return percentile(0);
}

double Samples::max() const
{
    return percentile(100);
}

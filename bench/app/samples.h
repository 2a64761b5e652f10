// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>
#include <vector>

/** @brief A set of measurements (any unit) with percentiles, median, min and max. */
class Samples
{
public:
    Samples() = default;
    explicit Samples(std::vector<double> values);

    void add(double value);
    bool isEmpty() const { return m_values.empty(); }
    qsizetype count() const { return qsizetype(m_values.size()); }
    /** Nearest-rank percentile, p in [0, 100]; 0 when empty. */
    double percentile(double p) const;
    double median() const { return percentile(50); }
    double min() const;
    double max() const;

private:
    void sort() const;

    mutable std::vector<double> m_values;
    mutable bool m_sorted = true;
};

// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

/** @brief What a benchmark result needs to be read: CPU, cores, kernel, Qt, load. */
class MachineInfo
{
public:
    /** Several lines: CPU model, cores, memory, kernel, Qt version, load average now. */
    static QString describe();
    /** /proc/loadavg's first three figures. */
    static QString loadAverage();
};

// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>

/**
 * @brief Nanoseconds on CLOCK_MONOTONIC (std::chrono::steady_clock on Linux).
 *
 * One clock for the whole machine, so a time taken in one process can be subtracted from a
 * time taken in another.
 */
inline int64_t monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <sys/types.h>

/** @brief Monotonic clock in nanoseconds (vDSO, cheap enough for per-op stamps). */
int64_t nowNs();

/** @brief CPU time of this process (all threads), nanoseconds. */
int64_t selfCpuNs();

/**
 * @brief CPU time of another process: the sum of sum_exec_runtime over /proc/<pid>/task/x/schedstat.
 *
 * /proc/<pid>/schedstat alone only covers the main thread; servers with writer threads
 * (SQLite group commit, Redis bio threads) need the sum. Returns -1 when pid <= 0 or unreadable.
 */
int64_t processCpuNs(pid_t pid);

/** @brief VmRSS of a process in KiB, -1 when unknown. */
long processRssKb(pid_t pid);

/** @brief Raises RLIMIT_NOFILE (soft and, as root, hard) to at least `wanted`; returns the new soft limit. */
long raiseFileLimit(long wanted);

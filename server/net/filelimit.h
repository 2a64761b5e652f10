// SPDX-License-Identifier: MIT
#pragma once

/**
 * @brief The process's open-file limit (RLIMIT_NOFILE), which bounds how many sockets it holds.
 *
 * dayboard-server raises its soft limit to the hard limit at start (every connection is a file
 * descriptor; distributions default the soft limit to 1024), and the front end keeps its
 * connection limit below the soft limit so an accept never fails with EMFILE.
 */
namespace FileLimit {
/** The current soft limit; -1 when unknown, a large number when unlimited. */
long soft();
/** Raises the soft limit to the hard limit; returns the new soft limit (-1 on failure). */
long raiseSoftToHard();
/** Descriptors kept free for storage files, pipes and refusing over-limit connections. */
inline constexpr long reserved = 64;
} // namespace FileLimit

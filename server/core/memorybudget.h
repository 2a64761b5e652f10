// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

/**
 * @brief The server-wide bound on memory that clients make it hold: output not yet taken by
 * the kernel (every WebSocket's unsent bytes) and RANGE replies being built.
 *
 * Holders charge what they hold and release it when it is gone. tryCharge() refuses a charge
 * that would pass the limit (a RANGE then answers 503); charge() always counts (bytes already
 * buffered on a socket), after which exceeded() tells the holder to shed load (the socket that
 * crossed the limit is closed). Once usage has fallen by at least `trimDrop` bytes and to half
 * its peak, the trim function (malloc_trim on glibc) runs, at most once per second, so memory
 * released after a burst is handed back to the system. One thread (the network thread).
 */
class MemoryBudget : public QObject
{
    Q_OBJECT

public:
    using Trim = std::function<void()>;
    static constexpr qint64 defaultTrimDrop = 16 * 1024 * 1024;

    /** `limit` 0: no limit (still counted). */
    explicit MemoryBudget(qint64 limit, QObject *parent = nullptr);

    /** Counts `bytes` unless that would pass the limit; false (nothing counted) then. */
    bool tryCharge(qint64 bytes);
    /** Counts `bytes` (negative: releases) even past the limit. */
    void charge(qint64 bytes);
    void release(qint64 bytes) { charge(-bytes); }

    bool exceeded() const { return m_limit > 0 && m_used > m_limit; }
    qint64 used() const { return m_used; }
    qint64 limit() const { return m_limit; }
    /** The highest usage seen since the start (tests and figures). */
    qint64 peak() const { return m_peak; }

    /** Hands freed memory back after large releases (HeapTrimmer::trimHeap in the server). */
    void setTrim(Trim trim, qint64 trimDrop = defaultTrimDrop);
    int trimCount() const { return m_trims; }

private:
    void maybeTrim();

    qint64 m_limit;
    qint64 m_used = 0;
    qint64 m_peak = 0;
    qint64 m_peakSinceTrim = 0;
    qint64 m_trimDrop = defaultTrimDrop;
    Trim m_trim;
    QTimer m_trimTimer;
    int m_trims = 0;
};

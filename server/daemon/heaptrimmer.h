// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

/**
 * @brief Hands the heap's free pages back to the system after a burst of connections closed.
 *
 * glibc keeps memory freed in the middle of its arenas resident, so without this the server's
 * RSS stays near its peak after many connections close and creeps up over repeated bursts
 * (docs/security.md §9: heap in use returns to its idle size, RSS does not). Every `pollMs` it
 * reads the live connection count; when it has fallen by at least `minimumDrop` and to half or
 * less of its peak since the last trim, it calls the trim function (malloc_trim(0) on glibc;
 * nothing elsewhere). So it trims at most once per poll and only after a real drop.
 */
class HeapTrimmer : public QObject
{
    Q_OBJECT

public:
    using Counter = std::function<int()>;
    using Trim = std::function<void()>;

    static constexpr int defaultMinimumDrop = 256;
    static constexpr int defaultPollMs = 1000;

    explicit HeapTrimmer(Counter liveConnections, QObject *parent = nullptr);
    /** For tests: another trim function, drop threshold and poll interval. */
    HeapTrimmer(Counter liveConnections, Trim trim, int minimumDrop, int pollMs, QObject *parent = nullptr);

    /** One poll now (the timer calls it). True when it trimmed. */
    bool check();
    int trimCount() const { return m_trims; }

    /** The platform's trim: malloc_trim(0) with glibc, else nothing. */
    static void trimHeap();

private:
    Counter m_liveConnections;
    Trim m_trim;
    int m_minimumDrop;
    int m_peak = 0;
    int m_trims = 0;
    QTimer m_poll;
};

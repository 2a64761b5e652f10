// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

/**
 * @brief The highest revision one RedisStorage has seen, so that it never takes one again.
 *
 * A Redis restarted without persistence starts its revision counter from 0 again, and the
 * revisions clients hold for compare-and-swap would be reused. Every revision the storage
 * sees (its writes, reads, ranges, notifications) raises the floor; each write script gets it
 * and moves a counter found at or below it past it, atomically with the write.
 */
class RedisRevisionFloor
{
public:
    void see(qint64 revision)
    {
        if (revision > m_highest)
            m_highest = revision;
    }
    qint64 highest() const { return m_highest; }
    /** The write script found the counter at `counter` and moved it to `revision`: log it. */
    void counterWasBehind(qint64 counter, qint64 revision);

private:
    qint64 m_highest = 0;
};

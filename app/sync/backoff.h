// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

/**
 * @brief Reconnect/retry delays: exponential growth with jitter, capped, never giving up.
 *
 * Delay n (0-based) is min(maxMs, initialMs * 2^n), spread by ±jitter (a fraction) so that
 * many clients cut off by one server restart do not reconnect in lockstep. The random source
 * is injectable so tests get exact figures.
 */
class Backoff
{
public:
    using Random = std::function<double()>; ///< uniform in [0, 1)

    explicit Backoff(int initialMs = 500, int maxMs = 30000, double jitter = 0.2, Random random = {});

    /** The delay before the next attempt; each call counts one attempt. */
    int nextDelayMs();
    /** After a success: the next failure starts from initialMs again. */
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

    int initialMs() const { return m_initialMs; }
    int maxMs() const { return m_maxMs; }

private:
    int m_initialMs;
    int m_maxMs;
    double m_jitter;
    Random m_random;
    int m_attempt = 0;
};

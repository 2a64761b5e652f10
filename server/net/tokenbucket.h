// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

/**
 * @brief A token bucket: `ratePerSecond` tokens refill per second up to `burst`; one request
 * takes one token. A rate of 0 (or less) means no limit.
 *
 * Time is passed in (monotonic milliseconds), so the bucket is tested without sleeping.
 */
class TokenBucket
{
public:
    TokenBucket(double ratePerSecond, double burst, qint64 nowMs);

    bool isLimited() const { return m_rate > 0; }
    /** Takes one token if there is one; false means "over the rate, refuse". */
    bool tryTake(qint64 nowMs);
    double tokens() const { return m_tokens; }

private:
    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs;
};

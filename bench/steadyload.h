// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <sys/types.h>

/** @brief Many WebSocket connections, each writing now and then, at a steady total rate. */
struct SteadyLoadOptions
{
    int connections = 5000;
    double writesPerSecond = 1000; ///< over all connections together
    double seconds = 10; ///< measured time
    double warmupSeconds = 1;
    double connectTimeoutSeconds = 120;
};

/** @brief What a steady-load run saw; `passed()` is the load test's verdict. */
struct SteadyLoadResult
{
    int opened = 0;
    int64_t writes = 0; ///< measured writes answered
    int64_t errors = 0; ///< replies with an error member (429 included)
    int64_t refused429 = 0;
    int64_t busySkips = 0; ///< a connection's turn came while its last write was unanswered
    int closedDuringLoad = 0; ///< connections the server closed or reset
    bool drained = false; ///< every write answered at the end
    double secs = 0;
    double p50Us = 0, p99Us = 0, maxUs = 0;
    long rssIdleKb = -1; ///< server RSS before the connections opened
    long rssOpenKb = -1; ///< ... with every connection open, before writing
    long rssEndKb = -1; ///< ... after the measured window
    long rssClosedKb = -1; ///< ... after every connection closed again
    std::string firstError;

    bool passed(int wantedConnections) const
    {
        return opened == wantedConnections && errors == 0 && closedDuringLoad == 0 && drained && writes > 0;
    }
};

/**
 * @brief Opens `o.connections` WebSockets to 127.0.0.1:`port` (API key in the URL), then each
 * connection in turn SETs its own key so that `o.writesPerSecond` writes go out per second in
 * total, one in flight per connection; latency is measured from send to reply.
 * `serverPid` (> 0) is sampled for RSS.
 */
SteadyLoadResult runSteadyLoad(int port, const std::string &apiKey, pid_t serverPid,
                               const SteadyLoadOptions &o);

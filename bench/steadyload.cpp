// SPDX-License-Identifier: MIT
#include "steadyload.h"

#include "loadclient.h"
#include "procstats.h"
#include "stats.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace {

std::string requestFor(int connection, int64_t messageId)
{
    return "{\"op\":2,\"key\":\"load:" + std::to_string(connection)
        + "\",\"value\":\"{\\\"id\\\":\\\"todo_1700000000000_1\\\",\\\"text\\\":\\\"Buy milk\\\","
          "\\\"priority\\\":\\\"low\\\",\\\"status\\\":\\\"not set\\\",\\\"created\\\":1700000000000}\","
          "\"messageId\":"
        + std::to_string(messageId) + "}";
}

/** Runs the event loop for `seconds` without sending anything. */
void settle(LoadClient &lc, double seconds)
{
    lc.run([] { return false; }, seconds);
}

} // namespace

SteadyLoadResult runSteadyLoad(int port, const std::string &apiKey, pid_t serverPid,
                               const SteadyLoadOptions &o)
{
    SteadyLoadResult r;
    LoadClient lc(Proto::WebSocket, port);
    r.rssIdleKb = processRssKb(serverPid);
    r.opened = lc.open(o.connections, "/ws?apiKey=" + apiKey, o.connectTimeoutSeconds);
    const int closedAfterOpen = lc.closedCount();
    settle(lc, 0.5);
    r.rssOpenKb = processRssKb(serverPid);

    LatencyStats latency;
    latency.reserve(size_t(o.writesPerSecond * (o.seconds + o.warmupSeconds) * 1.2) + 16);
    bool measuring = false;
    int64_t outstanding = 0;
    int64_t messageId = 0;
    lc.setMessageHandler([&](Conn &c, std::string_view reply) {
        if (c.inflight == 0)
            return; // not a reply to our write (the server sends nothing else here)
        --c.inflight;
        --outstanding;
        if (reply.find("\"error\"") != std::string_view::npos) {
            ++r.errors;
            if (reply.find("\"code\":429") != std::string_view::npos)
                ++r.refused429;
            if (r.firstError.empty())
                r.firstError = std::string(reply.substr(0, 200));
        }
        if (measuring) {
            ++r.writes;
            latency.add(nowNs() - c.sentAt);
        }
    });

    auto &conns = lc.conns();
    size_t next = 0;
    auto sendDue = [&](int64_t due) {
        for (; due > 0; --due) {
            Conn &c = *conns[next];
            next = (next + 1) % conns.size();
            if (c.state != Conn::State::Open)
                continue;
            if (c.inflight > 0) {
                ++r.busySkips;
                continue;
            }
            c.sentAt = nowNs();
            ++c.inflight;
            ++outstanding;
            lc.send(c, requestFor(c.index, ++messageId));
        }
    };
    auto drive = [&](double seconds) {
        const int64_t start = nowNs();
        const int64_t end = start + int64_t(seconds * 1e9);
        int64_t sent = 0;
        for (int64_t now = start; now < end; now = nowNs()) {
            const auto target = int64_t(double(now - start) / 1e9 * o.writesPerSecond);
            sendDue(target - sent);
            sent = std::max(sent, target);
            lc.run([] { return false; }, 0.001);
        }
    };

    drive(o.warmupSeconds);
    measuring = true;
    const int64_t t0 = nowNs();
    drive(o.seconds);
    r.secs = double(nowNs() - t0) / 1e9;
    r.drained = lc.run([&] { return outstanding == 0; }, 30);
    measuring = false;
    r.closedDuringLoad = lc.closedCount() - closedAfterOpen;
    r.rssEndKb = processRssKb(serverPid);
    r.p50Us = latency.percentileUs(50);
    r.p99Us = latency.percentileUs(99);
    r.maxUs = latency.percentileUs(100);
    if (r.firstError.empty() && !lc.lastError().empty() && r.closedDuringLoad > 0)
        r.firstError = lc.lastError();

    lc.closeAll();
    // Give the server time to notice the resets and free what the connections held.
    for (int i = 0; i < 20; ++i) {
        settle(lc, 0.1);
        r.rssClosedKb = processRssKb(serverPid);
    }
    return r;
}

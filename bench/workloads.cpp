// SPDX-License-Identifier: MIT
#include "workloads.h"

#include "loadclient.h"
#include "procstats.h"
#include "stats.h"
#include "wire.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int kKeys = 100;
// ~110 bytes: one todo as the showcase app stores it.
const std::string kValue
    = R"({"id":"todo_1700000000000_1","text":"Buy milk, bread and coffee","priority":"low","status":"not set","created":1700000000000})";

std::string jsonEscaped(std::string_view s)
{
    std::string out;
    for (char ch : s) {
        if (ch == '"' || ch == '\\')
            out += '\\';
        out += ch;
    }
    return out;
}

const std::string kValueEscaped = jsonEscaped(kValue);

std::string keyName(int i)
{
    return "bench:" + std::to_string(i);
}

std::string fmt(double v, int decimals = 1)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string quoted(const std::string &s)
{
    return "\"" + jsonEscaped(s) + "\"";
}

/** A fan-out value carrying its sequence number up front. */
std::string seqValue(int64_t seq)
{
    char head[48];
    snprintf(head, sizeof head, R"({"seq":%lld,)", static_cast<long long>(seq));
    return head + kValue.substr(1);
}

/** xorshift: the 90/10 mix must not cost the load generator anything. */
struct Rng
{
    uint64_t s = 88172645463325252ull;
    uint32_t next()
    {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return uint32_t(s);
    }
};

/** CPU time of every server process of the target (-1 if any is unreadable). */
int64_t serverCpuNs(const Target &target)
{
    int64_t total = processCpuNs(target.pid);
    for (pid_t pid : target.extraPids) {
        const int64_t more = processCpuNs(pid);
        total = (total < 0 || more < 0) ? -1 : total + more;
    }
    return total;
}

/** CPU and wall time of a measured window. */
struct Window
{
    const Target &target;
    int64_t wall0 = 0, server0 = 0, self0 = 0;
    int64_t wall = 0, server = -1, self = 0;
    void start()
    {
        wall0 = nowNs();
        server0 = serverCpuNs(target);
        self0 = selfCpuNs();
    }
    void stop()
    {
        wall = nowNs() - wall0;
        const int64_t s = serverCpuNs(target);
        server = (s >= 0 && server0 >= 0) ? s - server0 : -1;
        self = selfCpuNs() - self0;
    }
};

} // namespace

std::string Workloads::apiPath() const
{
    switch (m_target.flavor) {
    case Target::Flavor::Dayboard:
        return "/ws?apiKey=" + m_target.apiKey;
    case Target::Flavor::Echo:
        return "/";
    case Target::Flavor::Redis:
        return "";
    }
    return "";
}

void Workloads::emit(const std::string &workload, const WorkloadOptions &o, const Fields &fields)
{
    std::string line = "RESULT {\"workload\":" + quoted(workload);
    if (!o.label.empty())
        line += ",\"label\":" + quoted(o.label);
    for (const auto &[k, v] : fields)
        line += ",\"" + k + "\":" + v;
    line += "}";
    printf("%s\n", line.c_str());
    fflush(stdout);
}

// Blocking HTTP POST /token/websocket before any load runs; not on the measured path.
std::string Workloads::fetchToken(const std::string &key, std::string *error) const
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    timeval tv { 10, 0 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(m_target.port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0) {
        *error = std::string("token connect: ") + strerror(errno);
        close(fd);
        return {};
    }
    const std::string body = "{\"subscribeKeys\":[\"" + key + "\"],\"accessPattern\":\"^bench:\"}";
    const std::string req = "POST /token/websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: "
        + m_target.apiKey + "\r\nContent-Type: application/json\r\nContent-Length: "
        + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    if (::send(fd, req.data(), req.size(), MSG_NOSIGNAL) != ssize_t(req.size())) {
        *error = "token send failed";
        close(fd);
        return {};
    }
    std::string reply;
    char buf[4096];
    for (;;) {
        const ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        reply.append(buf, size_t(n));
        const size_t hdr = reply.find("\r\n\r\n");
        if (hdr != std::string::npos) {
            const size_t cl = reply.find("ontent-Length:");
            if (cl != std::string::npos && cl < hdr) {
                const long want = strtol(reply.c_str() + cl + 14, nullptr, 10);
                if (reply.size() >= hdr + 4 + size_t(want))
                    break;
            }
        }
    }
    close(fd);
    const size_t at = reply.find("\"token\"");
    if (at == std::string::npos) {
        *error = "no token in reply: " + reply.substr(0, reply.find('\r'));
        return {};
    }
    const size_t q1 = reply.find('"', reply.find(':', at) + 1);
    const size_t q2 = reply.find('"', q1 + 1);
    return reply.substr(q1 + 1, q2 - q1 - 1);
}

// Stores `keys` keys (one writer, lockstep) and remembers their revisions for CAS-SET.
bool Workloads::preload(LoadClient &lc, int keys, std::vector<int64_t> &revisions)
{
    Conn &c = *lc.conns().front();
    revisions.assign(size_t(keys), 0);
    long replies = 0;
    int current = 0;
    bool ok = true;
    const bool redis = m_target.flavor == Target::Flavor::Redis;
    bool wantSha = redis && m_casSha.empty();
    lc.setMessageHandler([&](Conn &, std::string_view msg) {
        ++replies;
        if (wantSha) {
            // $40\r\n<sha>\r\n
            const size_t nl = msg.find("\r\n");
            m_casSha = std::string(msg.substr(nl + 2, 40));
            wantSha = false;
            return;
        }
        if (m_target.flavor == Target::Flavor::Dayboard) {
            if (msg.find("\"error\"") != std::string_view::npos)
                ok = false;
            revisions[size_t(current)] = wire::jsonInt(msg, "revision", 0);
        } else if (redis && !msg.empty() && msg[0] == '-') {
            ok = false;
        }
    });
    if (wantSha) {
        std::string cmd;
        wire::appendResp(cmd,
                         { "SCRIPT", "LOAD",
                           "if (tonumber(redis.call('GET',KEYS[2])) or 0) == tonumber(ARGV[1]) then "
                           "redis.call('SET',KEYS[1],ARGV[2]) return redis.call('INCR',KEYS[2]) "
                           "else return -1 end" });
        lc.send(c, cmd);
        if (!lc.run([&] { return !wantSha; }, 10))
            return false;
    }
    for (current = 0; current < keys; ++current) {
        std::string msg;
        const std::string key = keyName(current);
        long want = replies + 1;
        if (redis) {
            wire::appendResp(msg, { "SET", key, kValue });
            wire::appendResp(msg, { "SET", key + ":rev", "0" });
            want = replies + 2;
        } else {
            msg = "{\"op\":2,\"key\":\"" + key + "\",\"value\":\"" + kValueEscaped
                + "\",\"messageId\":" + std::to_string(current) + "}";
        }
        lc.send(c, msg);
        if (!lc.run([&] { return replies >= want; }, 10))
            return false;
    }
    return ok;
}

int Workloads::closedLoop(const WorkloadOptions &o)
{
    const Proto proto = m_target.flavor == Target::Flavor::Redis ? Proto::Resp : Proto::WebSocket;
    LoadClient lc(proto, m_target.port);
    lc.setPorts(m_target.ports);
    const int opened = lc.open(o.clients, apiPath(), 60);
    if (opened != o.clients) {
        fprintf(stderr, "closedLoop: opened %d of %d connections (%s)\n", opened, o.clients,
                lc.lastError().c_str());
        return 1;
    }
    std::vector<int64_t> revisions;
    if (!preload(lc, kKeys, revisions)) {
        fprintf(stderr, "closedLoop: preload failed (%s)\n", lc.lastError().c_str());
        return 1;
    }
    for (auto &c : lc.conns())
        c->revision = revisions[size_t(c->index % kKeys)];

    const bool dayboard = m_target.flavor == Target::Flavor::Dayboard;
    const bool redis = m_target.flavor == Target::Flavor::Redis;
    Rng rng;
    int64_t messageId = 1000;
    // Requests are precomputed per key so building one costs a few memcpy, not allocations:
    // the load generator must stay cheaper per operation than the server it measures.
    std::vector<std::string> getReq(kKeys), setReq(kKeys), setHead(kKeys), getHead(kKeys);
    for (int i = 0; i < kKeys; ++i) {
        const std::string key = keyName(i);
        if (redis) {
            wire::appendResp(getReq[size_t(i)], { "GET", key });
            wire::appendResp(setReq[size_t(i)], { "SET", key, kValue });
        } else {
            getHead[size_t(i)] = "{\"op\":1,\"key\":\"" + key + "\",\"messageId\":";
            setHead[size_t(i)]
                = "{\"op\":2,\"key\":\"" + key + "\",\"value\":\"" + kValueEscaped + "\",\"messageId\":";
        }
    }
    std::string msg;
    msg.reserve(512);
    char num[32];
    // Builds the next request for `c` into msg.
    auto build = [&](Conn &c) {
        msg.clear();
        const size_t k = size_t(c.index % kKeys);
        char which = o.op[0]; // g, s, c, m
        if (which == 'm')
            which = rng.next() % 10 == 0 ? 's' : 'g';
        if (redis) {
            if (which == 'g')
                msg.append(getReq[k]);
            else if (which == 's')
                msg.append(setReq[k]);
            else
                wire::appendResp(msg,
                                 { "EVALSHA", m_casSha, "2", keyName(int(k)), keyName(int(k)) + ":rev",
                                   std::to_string(c.revision), kValue });
            return;
        }
        msg.append(which == 'g' ? getHead[k] : setHead[k]);
        msg.append(num, size_t(snprintf(num, sizeof num, "%lld", static_cast<long long>(++messageId))));
        if (which == 'c' && dayboard)
            msg.append(num,
                       size_t(snprintf(num, sizeof num, ",\"ifRevision\":%lld",
                                       static_cast<long long>(c.revision))));
        msg += '}';
    };

    enum class Phase { Warmup, Measure, Drain } phase = Phase::Warmup;
    LatencyStats lat;
    lat.reserve(size_t(std::min<long>(o.maxOps, 20000000)));
    long measuredOps = 0;
    long errors = 0;
    long outstanding = 0;
    std::string firstError;
    const bool recordLatency = o.inflight == 1;

    lc.setMessageHandler([&](Conn &c, std::string_view reply) {
        --outstanding;
        --c.inflight;
        bool bad;
        if (redis) {
            bad = reply.empty() || reply[0] == '-' || (o.op == "cas" && reply.substr(0, 3) == ":-1");
            if (o.op == "cas" && !bad)
                c.revision = strtoll(reply.data() + 1, nullptr, 10);
        } else if (dayboard) {
            bad = reply.find("\"error\"") != std::string_view::npos;
            if (o.op == "cas" && !bad)
                c.revision = wire::jsonInt(reply, "revision", c.revision);
        } else {
            bad = false;
        }
        if (bad) {
            ++errors;
            if (firstError.empty())
                firstError = std::string(reply.substr(0, 200));
        }
        if (phase == Phase::Measure) {
            ++measuredOps;
            if (recordLatency)
                lat.add(nowNs() - c.sentAt);
            if (measuredOps >= o.maxOps)
                phase = Phase::Drain;
        }
        if (phase != Phase::Drain) {
            build(c);
            c.sentAt = nowNs();
            lc.send(c, msg);
            ++c.inflight;
            ++outstanding;
        }
    });

    for (auto &c : lc.conns()) {
        for (int i = 0; i < o.inflight; ++i) {
            build(*c);
            c->sentAt = nowNs();
            lc.send(*c, msg);
            ++c->inflight;
            ++outstanding;
        }
    }
    lc.run([] { return false; }, o.warmup);
    Window w { m_target };
    phase = Phase::Measure;
    w.start();
    lc.run([&] { return phase == Phase::Drain; }, o.duration);
    w.stop();
    phase = Phase::Drain;
    const bool drained = lc.run([&] { return outstanding == 0; }, 10);

    const double secs = double(w.wall) / 1e9;
    const double ops = double(measuredOps);
    Fields f {
        { "op", quoted(o.op) },
        { "clients", std::to_string(o.clients) },
        { "inflight", std::to_string(o.inflight) },
        { "ops", std::to_string(measuredOps) },
        { "secs", fmt(secs, 3) },
        { "ops_per_s", fmt(ops / secs, 0) },
        { "errors", std::to_string(errors) },
        { "drained", drained ? "true" : "false" },
        { "closed", std::to_string(lc.closedCount()) },
        { "bench_cpu_ns_per_op", fmt(ops > 0 ? double(w.self) / ops : 0, 0) },
        { "server_cpu_ns_per_op", w.server >= 0 && ops > 0 ? fmt(double(w.server) / ops, 0) : "null" },
        { "server_cpu_util", w.server >= 0 ? fmt(double(w.server) / double(w.wall), 3) : "null" },
    };
    if (recordLatency) {
        f.push_back({ "p50_us", fmt(lat.percentileUs(50), 1) });
        f.push_back({ "p99_us", fmt(lat.percentileUs(99), 1) });
    }
    if (!firstError.empty())
        f.push_back({ "first_error", quoted(firstError) });
    emit("closed_loop", o, f);
    return errors == 0 && drained ? 0 : 2;
}

namespace {

/** Shared set-up of the fan-out workloads: conns[0] writes, conns[1..n] subscribe. */
struct FanoutRig
{
    static constexpr const char *kKey = "bench:fan";
    int64_t currentSeq = -1;
    int got = 0;
    long late = 0;
    long foreign = 0;
    long writerErrors = 0;
    long writerReplies = 0;
    int subscribedAcks = 0;
};

} // namespace

int Workloads::fanout(const WorkloadOptions &o)
{
    if (m_target.flavor == Target::Flavor::Echo) {
        fprintf(stderr, "fanout: the echo floor has no pub/sub\n");
        return 1;
    }
    const bool redis = m_target.flavor == Target::Flavor::Redis;
    LoadClient lc(redis ? Proto::Resp : Proto::WebSocket, m_target.port);
    lc.setPorts(m_target.ports);
    FanoutRig rig;
    const int n = o.subscribers;
    if (lc.open(1, apiPath(), 10) != 1) {
        fprintf(stderr, "fanout: writer did not connect (%s)\n", lc.lastError().c_str());
        return 1;
    }
    std::string subPath;
    if (!redis) {
        std::string error;
        const std::string token = fetchToken(FanoutRig::kKey, &error);
        if (token.empty()) {
            fprintf(stderr, "fanout: %s\n", error.c_str());
            return 1;
        }
        subPath = "/ws?token=" + token;
    }
    const int64_t setup0 = nowNs();
    const int opened = lc.open(n, subPath, 120, 128, o.mode == "slow" ? 4096 : 0);
    const double setupSecs = double(nowNs() - setup0) / 1e9;
    if (opened != n) {
        fprintf(stderr, "fanout: %d of %d subscribers connected (%s)\n", opened, n, lc.lastError().c_str());
        return 1;
    }
    lc.setMessageHandler([&](Conn &c, std::string_view msg) {
        if (c.index == 0) {
            ++rig.writerReplies;
            if (redis ? (!msg.empty() && msg[0] == '-') : msg.find("\"error\"") != std::string_view::npos)
                ++rig.writerErrors;
            return;
        }
        const int64_t seq = wire::findSeq(msg);
        if (seq < 0) {
            if (redis && msg.find("subscribe") != std::string_view::npos)
                ++rig.subscribedAcks;
            else
                ++rig.foreign;
            return;
        }
        ++c.received;
        if (seq == rig.currentSeq)
            ++rig.got;
        else
            ++rig.late;
    });
    if (redis) {
        std::string sub;
        wire::appendResp(sub, { "SUBSCRIBE", FanoutRig::kKey });
        for (size_t i = 1; i < lc.conns().size(); ++i)
            lc.send(*lc.conns()[i], sub);
        if (!lc.run([&] { return rig.subscribedAcks == n; }, 60)) {
            fprintf(stderr, "fanout: %d of %d subscriptions confirmed\n", rig.subscribedAcks, n);
            return 1;
        }
    }
    Conn &writer = *lc.conns().front();
    Conn *slow = o.mode == "slow" ? lc.conns()[1].get() : nullptr;
    const int expect = slow ? n - 1 : n;
    int64_t messageId = 0;
    auto write = [&](int64_t seq) {
        rig.currentSeq = seq;
        rig.got = 0;
        const std::string value = seqValue(seq);
        std::string msg;
        if (redis)
            wire::appendResp(msg, { "PUBLISH", FanoutRig::kKey, value });
        else
            msg = std::string("{\"op\":2,\"key\":\"") + FanoutRig::kKey + "\",\"value\":\""
                + jsonEscaped(value) + "\",\"messageId\":" + std::to_string(++messageId) + "}";
        lc.send(writer, msg);
    };
    // 10000 subscribers may legitimately take seconds per write on a slow server: not "lost".
    const double perWriteTimeout = std::max(5.0, n / 1000.0 * 3.0);
    // Warm-up writes prove the path works before anything is timed.
    int64_t seq = 0;
    for (int i = 0; i < 3; ++i) {
        write(++seq);
        if (!lc.run([&] { return rig.got >= expect; }, perWriteTimeout)) {
            fprintf(stderr, "fanout: warm-up write %lld reached %d of %d subscribers\n",
                    static_cast<long long>(seq), rig.got, expect);
            return 1;
        }
    }
    if (slow)
        lc.setPaused(*slow, true);
    const long rss0 = processRssKb(m_target.pid);
    long rssPeak = rss0;
    int64_t nextSample = nowNs();
    LatencyStats lat;
    long lost = 0;
    long writes = 0;
    const int64_t budgetNs = int64_t((slow ? o.stall : o.duration) * 1e9);
    Window w { m_target };
    w.start();
    const int64_t end = w.wall0 + budgetNs;
    if (slow) {
        // The writer keeps 16 writes in flight (paced by its own replies, not by deliveries),
        // so the server has to queue for the stalled socket while 999 others keep up.
        auto sample = [&] {
            if (nowNs() >= nextSample) {
                rssPeak = std::max(rssPeak, processRssKb(m_target.pid));
                nextSample = nowNs() + 100000000;
            }
        };
        while (nowNs() < end) {
            while (writes - (rig.writerReplies - 3) < 16) {
                write(++seq);
                ++writes;
            }
            lc.run(
                [&] {
                sample();
                return writes - (rig.writerReplies - 3) < 16;
                },
                std::max<double>(0.001, double(end - nowNs()) / 1e9));
        }
        // Every other subscriber must get every write.
        auto othersDeficit = [&] {
            long deficit = 0;
            for (size_t i = 2; i < lc.conns().size(); ++i)
                deficit += std::max<long>(0, long(writes + 3) - long(lc.conns()[i]->received));
            return deficit;
        };
        lc.run(
            [&] {
            sample();
            return othersDeficit() == 0;
            },
            15);
        lost = othersDeficit();
    }
    while (!slow && writes < o.writes && nowNs() < end) {
        const int64_t t0 = nowNs();
        write(++seq);
        const bool all = lc.run([&] { return rig.got >= expect; }, perWriteTimeout);
        ++writes;
        if (all)
            lat.add(nowNs() - t0);
        else
            lost += expect - rig.got;
    }
    w.stop();
    Fields f {
        { "subscribers", std::to_string(n) },
        { "writes", std::to_string(writes) },
        { "setup_secs", fmt(setupSecs, 2) },
        { "secs", fmt(double(w.wall) / 1e9, 3) },
        { "p50_us", fmt(lat.percentileUs(50), 1) },
        { "p99_us", fmt(lat.percentileUs(99), 1) },
        { "deliveries_per_s",
          fmt(double(slow ? writes : long(lat.count())) * expect / (double(w.wall) / 1e9), 0) },
        { "lost", std::to_string(lost) },
        { "late", std::to_string(rig.late) },
        { "foreign", std::to_string(rig.foreign) },
        { "writer_errors", std::to_string(rig.writerErrors) },
        { "bench_cpu_ns_per_delivery", fmt(double(w.self) / std::max(1.0, double(writes) * expect), 0) },
        { "server_cpu_ns_per_delivery",
          w.server >= 0 ? fmt(double(w.server) / std::max(1.0, double(writes) * expect), 0) : "null" },
    };
    if (slow) {
        Conn &s = *lc.conns()[1];
        const bool closedDuringStall = s.state == Conn::State::Closed;
        const long rssStall = processRssKb(m_target.pid);
        rssPeak = std::max(rssPeak, rssStall);
        lc.setPaused(s, false);
        const uint64_t before = s.received;
        lc.run([&] { return s.state == Conn::State::Closed || int64_t(s.received) >= writes + 3; }, 15);
        lc.run([] { return false; }, 1.0);
        const long rssAfter = processRssKb(m_target.pid);
        f.push_back({ "rss_before_kb", std::to_string(rss0) });
        f.push_back({ "rss_peak_kb", std::to_string(rssPeak) });
        f.push_back({ "rss_growth_kb", std::to_string(rssPeak - rss0) });
        f.push_back({ "rss_after_resume_kb", std::to_string(rssAfter) });
        f.push_back({ "slow_received_after_resume", std::to_string(s.received - before) });
        f.push_back({ "slow_closed_by_server", (s.closedByPeer || closedDuringStall) ? "true" : "false" });
        f.push_back(
            { "slow_missing", std::to_string(std::max<long>(0, long(writes + 3) - long(s.received))) });
        f.push_back({ "stall_secs", fmt(o.stall, 1) });
    }
    emit(slow ? "slow_consumer" : "fanout", o, f);
    return rig.writerErrors == 0 && (slow || lost == 0) ? 0 : 2;
}

int Workloads::slowConsumer(const WorkloadOptions &o)
{
    WorkloadOptions s = o;
    s.mode = "slow";
    return fanout(s);
}

int Workloads::idle(const WorkloadOptions &o)
{
    const bool redis = m_target.flavor == Target::Flavor::Redis;
    const bool sub = o.mode == "sub";
    std::string path = apiPath();
    if (sub && m_target.flavor == Target::Flavor::Dayboard) {
        std::string error;
        const std::string token = fetchToken("bench:idle", &error);
        if (token.empty()) {
            fprintf(stderr, "idle: %s\n", error.c_str());
            return 1;
        }
        path = "/ws?token=" + token;
    }
    LoadClient lc(redis ? Proto::Resp : Proto::WebSocket, m_target.port);
    int acks = 0;
    lc.setMessageHandler([&](Conn &, std::string_view) { ++acks; });
    // One connection first so lazily created server state is not charged to the idle ones.
    lc.open(1, path, 10);
    lc.run([] { return false; }, 0.3);
    const long rss0 = processRssKb(m_target.pid);
    const int64_t t0 = nowNs();
    const int opened = lc.open(o.connections, path, 120);
    const double setupSecs = double(nowNs() - t0) / 1e9;
    if (redis) {
        // Make sure redis has accepted and set up every client (and its subscription).
        std::string cmd;
        if (sub)
            wire::appendResp(cmd, { "SUBSCRIBE", "bench:idle" });
        else
            wire::appendResp(cmd, { "PING" });
        for (size_t i = 1; i < lc.conns().size(); ++i)
            lc.send(*lc.conns()[i], cmd);
        lc.run([&] { return acks >= opened; }, 60);
    }
    lc.run([] { return false; }, 1.0);
    const long rss1 = processRssKb(m_target.pid);
    Fields f {
        { "mode", quoted(o.mode) },
        { "connections", std::to_string(o.connections) },
        { "opened", std::to_string(opened) },
        { "setup_secs", fmt(setupSecs, 2) },
        { "rss_before_kb", std::to_string(rss0) },
        { "rss_after_kb", std::to_string(rss1) },
        { "kb_per_conn", fmt(opened > 0 ? double(rss1 - rss0) / opened : 0, 2) },
    };
    emit("idle", o, f);
    return opened == o.connections ? 0 : 2;
}

int Workloads::fsyncFloor(const WorkloadOptions &o)
{
    const std::string path = o.dir + "/fdatasync-floor.log";
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        fprintf(stderr, "fsync: %s: %s\n", path.c_str(), strerror(errno));
        return 1;
    }
    // What an append-only log does per acknowledged write: append a record, fdatasync.
    const std::string record = "SET bench:0 " + kValue + "\n";
    LatencyStats lat;
    const int64_t t0 = nowNs();
    const int64_t end = t0 + int64_t(o.duration * 1e9);
    long ops = 0;
    while (ops < o.maxOps && nowNs() < end) {
        const int64_t s = nowNs();
        if (write(fd, record.data(), record.size()) != ssize_t(record.size()) || fdatasync(fd) != 0) {
            fprintf(stderr, "fsync: %s\n", strerror(errno));
            close(fd);
            return 1;
        }
        lat.add(nowNs() - s);
        ++ops;
    }
    const double secs = double(nowNs() - t0) / 1e9;
    close(fd);
    unlink(path.c_str());
    emit("fsync_floor", o,
         {
             { "ops", std::to_string(ops) },
             { "secs", fmt(secs, 3) },
             { "ops_per_s", fmt(double(ops) / secs, 0) },
             { "p50_us", fmt(lat.percentileUs(50), 1) },
             { "p99_us", fmt(lat.percentileUs(99), 1) },
         });
    return 0;
}

int Workloads::selfTest()
{
    int passed = 0, failed = 0;
    auto check = [&](bool ok, const char *what) {
        printf("%s: %s\n", ok ? "PASS" : "FAIL", what);
        (ok ? passed : failed)++;
    };
    {
        LoadClient lc(Proto::WebSocket, m_target.port);
        check(lc.open(1, apiPath(), 5) == 1, "WebSocket upgrade with the API key");
        std::vector<int64_t> revisions;
        check(preload(lc, 3, revisions), "SET of 3 keys answered without error");
        check(revisions[2] > 0, "SET replies carry a revision");
        std::string last;
        lc.setMessageHandler([&](Conn &, std::string_view m) { last = m; });
        lc.send(*lc.conns()[0], "{\"op\":1,\"key\":\"bench:1\",\"messageId\":7}");
        lc.run([&] { return !last.empty(); }, 5);
        check(last.find("\"messageId\":7") != std::string::npos && last.find("Buy milk") != std::string::npos,
              "GET returns the stored value and echoes messageId");
        last.clear();
        lc.send(*lc.conns()[0],
                "{\"op\":2,\"key\":\"bench:1\",\"value\":\"x\",\"ifRevision\":"
                    + std::to_string(revisions[1] + 1000) + ",\"messageId\":8}");
        lc.run([&] { return !last.empty(); }, 5);
        check(last.find("409") != std::string::npos, "CAS-SET with a stale revision is refused (409)");
        lc.send(*lc.conns()[0], "garbage");
        last.clear();
        lc.run([&] { return !last.empty(); }, 5);
        check(last.find("400") != std::string::npos && lc.openCount() == 1,
              "a malformed frame gets 400 and the socket stays open");
    }
    WorkloadOptions o;
    o.duration = 0.3;
    o.warmup = 0.1;
    o.inflight = 16;
    o.label = "self-test";
    check(closedLoop(o) == 0, "16 in flight on one connection: every reply, no errors");
    o.inflight = 1;
    o.clients = 10;
    o.op = "mix";
    check(closedLoop(o) == 0, "10 clients 90/10 mix: no errors");
    o.clients = 1;
    o.op = "cas";
    check(closedLoop(o) == 0, "lockstep CAS-SET chain: no conflicts");
    o.subscribers = 5;
    o.writes = 20;
    o.duration = 5;
    check(fanout(o) == 0, "fan-out to 5 token sockets");
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

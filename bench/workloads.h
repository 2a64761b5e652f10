// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

/** @brief What is being measured and how to reach it. */
struct Target
{
    enum class Flavor { Dayboard, Echo, Redis };
    Flavor flavor = Flavor::Dayboard;
    int port = 0;
    std::string apiKey = "bench-key";
    pid_t pid = 0; ///< server process, for schedstat CPU time and RSS (0: not measured)
    /// Several instances: connection i goes to ports[i % size] (port = ports[0]).
    std::vector<int> ports;
    /// More server processes whose CPU time counts (the other instances, their Redis).
    std::vector<pid_t> extraPids;
};

/** @brief Workload parameters; every loop is bounded by a count and a time. */
struct WorkloadOptions
{
    std::string op = "get"; ///< get, set, cas, mix (90/10 GET/SET)
    int clients = 1;
    int inflight = 1;
    int subscribers = 1;
    int writes = 200;
    int connections = 1000;
    std::string mode = "plain"; ///< idle: plain or sub
    double duration = 3.0; ///< measured seconds (closed loops)
    double warmup = 0.5;
    long maxOps = 5000000;
    double stall = 10.0;
    std::string dir = "/tmp";
    std::string label;
};

/** @brief Runs one workload and prints one `RESULT {json}` line on stdout; returns 0 on success. */
class Workloads
{
public:
    explicit Workloads(Target target)
        : m_target(std::move(target))
    { }

    int closedLoop(const WorkloadOptions &o);
    int fanout(const WorkloadOptions &o);
    int slowConsumer(const WorkloadOptions &o);
    int idle(const WorkloadOptions &o);
    int fsyncFloor(const WorkloadOptions &o);
    /** Quick functional check of the tool against a Dayboard server; prints "N passed, M failed". */
    int selfTest();

private:
    using Fields = std::vector<std::pair<std::string, std::string>>;
    void emit(const std::string &workload, const WorkloadOptions &o, const Fields &fields);
    std::string apiPath() const;
    std::string fetchToken(const std::string &key, std::string *error) const;
    bool preload(class LoadClient &lc, int keys, std::vector<int64_t> &revisions);

    Target m_target;
    std::string m_casSha;
};

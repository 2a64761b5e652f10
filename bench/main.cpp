// SPDX-License-Identifier: MIT
// dayboard-bench: load generator for bench/run. See bench/RESULTS.md for what it measures.
#include "procstats.h"
#include "workloads.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

void usage()
{
    fprintf(
        stderr,
        "usage: dayboard-bench --target dayboard|echo|redis --port N[,N2..] [--api-key K] [--pid P[,P2..]]\n"
        "                      --workload lockstep|pipeline|clients|fanout|slow|idle|fsync [options]\n"
        "       dayboard-bench --self-test (--port N | --server PATH) [--api-key K]\n"
        "options: --op get|set|cas|mix  --clients N  --inflight K  --subscribers N  --writes N\n"
        "         --connections N  --mode plain|sub  --duration S  --warmup S  --max-ops N\n"
        "         --stall S  --dir D  --label L\n"
        "Several ports: connections round-robin over instances sharing one store (closed loops,\n"
        "fan-out; the writer is on the first). Several pids: their CPU time is summed.\n"
        "Prints one 'RESULT {json}' line per workload. Only 127.0.0.1 is ever contacted.\n");
}

/** Starts `server --memory --port 0`, returns its port from "listening on http://ADDR:PORT". */
int spawnServer(const std::string &path, const std::string &apiKey, pid_t *pid)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    *pid = fork();
    if (*pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        const int devnull = ::open("/dev/null", O_WRONLY);
        dup2(devnull, STDERR_FILENO); // the server's per-connection log is not the self-test's output
        close(fds[0]);
        close(fds[1]);
        // Throughput is what the self-test drives: no per-connection request limits.
        execl(path.c_str(), path.c_str(), "--memory", "--port", "0", "--api-key", apiKey.c_str(),
              "--rate-limit", "0", "--max-in-flight", "0", static_cast<char *>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    FILE *out = fdopen(fds[0], "r");
    char line[512];
    int port = -1;
    alarm(20); // a server that never says where it listens must not hang the self-test
    while (port < 0 && fgets(line, sizeof line, out)) {
        if (const char *at = strstr(line, "listening on http://")) {
            if (const char *colon = strrchr(at + 20, ':'))
                port = atoi(colon + 1);
        }
    }
    alarm(0);
    return port;
}

/** "a,b,c" -> {"a","b","c"}; never empty (an empty string gives {""}). */
std::vector<std::string> splitList(const std::string &list)
{
    std::vector<std::string> items;
    size_t start = 0;
    for (size_t comma; (comma = list.find(',', start)) != std::string::npos; start = comma + 1)
        items.push_back(list.substr(start, comma - start));
    items.push_back(list.substr(start));
    return items;
}

} // namespace

int main(int argc, char **argv)
{
    std::map<std::string, std::string> args;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            usage();
            return 0;
        }
        if (a == "--self-test") {
            args["self-test"] = "1";
            continue;
        }
        if (a.rfind("--", 0) != 0 || i + 1 >= argc) {
            usage();
            return 64;
        }
        args[a.substr(2)] = argv[++i];
    }
    auto get = [&](const char *k, const std::string &def) { return args.count(k) ? args[k] : def; };
    raiseFileLimit(200000);
    signal(SIGPIPE, SIG_IGN);

    Target t;
    const std::string flavor = get("target", "dayboard");
    t.flavor = flavor == "redis" ? Target::Flavor::Redis
        : flavor == "echo"       ? Target::Flavor::Echo
                                 : Target::Flavor::Dayboard;
    t.apiKey = get("api-key", "bench-key");
    for (const std::string &port : splitList(get("port", "0")))
        t.ports.push_back(atoi(port.c_str()));
    t.port = t.ports.front();
    if (t.ports.size() == 1)
        t.ports.clear();
    const std::vector<std::string> pids = splitList(get("pid", "0"));
    t.pid = pid_t(atoi(pids.front().c_str()));
    for (size_t i = 1; i < pids.size(); ++i)
        t.extraPids.push_back(pid_t(atoi(pids[i].c_str())));

    if (args.count("self-test")) {
        pid_t child = 0;
        if (args.count("server")) {
            t.port = spawnServer(args["server"], t.apiKey, &child);
            t.pid = child;
        }
        if (t.port <= 0) {
            fprintf(stderr, "self-test: no server port (give --port or --server)\n");
            if (child > 0)
                kill(child, SIGTERM);
            return 1;
        }
        const int rc = Workloads(t).selfTest();
        if (child > 0) {
            kill(child, SIGTERM);
            waitpid(child, nullptr, 0);
        }
        return rc;
    }
    if (t.port <= 0 && get("workload", "") != "fsync") {
        usage();
        return 64;
    }

    WorkloadOptions o;
    o.op = get("op", o.op);
    o.clients = atoi(get("clients", "1").c_str());
    o.inflight = atoi(get("inflight", "1").c_str());
    o.subscribers = atoi(get("subscribers", "1").c_str());
    o.writes = atoi(get("writes", "200").c_str());
    o.connections = atoi(get("connections", "1000").c_str());
    o.mode = get("mode", o.mode);
    o.duration = atof(get("duration", "3").c_str());
    o.warmup = atof(get("warmup", "0.5").c_str());
    o.maxOps = atol(get("max-ops", "5000000").c_str());
    o.stall = atof(get("stall", "10").c_str());
    o.dir = get("dir", o.dir);
    o.label = get("label", "");

    Workloads w(t);
    const std::string workload = get("workload", "");
    if (workload == "lockstep") {
        o.clients = 1;
        o.inflight = 1;
        return w.closedLoop(o);
    }
    if (workload == "pipeline") {
        o.clients = 1;
        return w.closedLoop(o);
    }
    if (workload == "clients")
        return w.closedLoop(o);
    if (workload == "fanout")
        return w.fanout(o);
    if (workload == "slow")
        return w.slowConsumer(o);
    if (workload == "idle")
        return w.idle(o);
    if (workload == "fsync")
        return w.fsyncFloor(o);
    usage();
    return 64;
}

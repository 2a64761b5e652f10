// SPDX-License-Identifier: MIT
// dayboard-loadtest: starts a real dayboard-server (SQLite in a fresh temporary data dir,
// loopback, port 0), holds N WebSocket connections writing at a steady total rate, and prints
// errors (must be 0), the server's RSS before/after and the write latency percentiles.
// Exit 0 only when every connection opened, no write failed, nothing was dropped, RSS stayed
// within the bound and the server shut down cleanly. See docs/security.md §7.
#include "procstats.h"
#include "steadyload.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

const char *const kApiKey = "loadtest-key-0123456789";

void usage()
{
    fprintf(stderr,
            "usage: dayboard-loadtest --server PATH [--seconds S] [--connections N] [--rate W]\n"
            "                         [--warmup S] [--rounds R] [--max-kb-per-connection K]\n"
            "  Defaults: 10 s, 5000 connections, 1000 writes/s in total, 1 s warm-up, 1 round,\n"
            "  server RSS bound: its idle RSS + 16 MiB + 64 KiB per connection, every round. Each\n"
            "  further round opens the connections again and prints the RSS growth since\n"
            "  round 1. Only 127.0.0.1 is contacted.\n");
}

struct Server
{
    pid_t pid = -1;
    int port = -1;
    std::string dataDir;
};

/** Starts the server on SQLite in `dataDir`; its log goes to `dataDir`/server.log. */
Server startServer(const std::string &path, const std::string &dataDir)
{
    Server server;
    server.dataDir = dataDir;
    int fds[2];
    if (pipe(fds) != 0)
        return server;
    server.pid = fork();
    if (server.pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        const std::string log = dataDir + "/server.log";
        const int logFd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(logFd, STDERR_FILENO);
        close(fds[0]);
        close(fds[1]);
        const std::string data = dataDir + "/data";
        execl(path.c_str(), path.c_str(), "--data-dir", data.c_str(), "--port", "0", "--api-key", kApiKey,
              static_cast<char *>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    FILE *out = fdopen(fds[0], "r");
    char line[512];
    alarm(30); // a server that never says where it listens must not hang the test
    while (server.port < 0 && fgets(line, sizeof line, out)) {
        if (const char *at = strstr(line, "listening on http://")) {
            if (const char *colon = strrchr(at + 20, ':'))
                server.port = atoi(colon + 1);
        }
    }
    alarm(0);
    fclose(out);
    return server;
}

/** SIGTERM and wait; true when the server exited with 0. */
bool stopServer(const Server &server)
{
    if (server.pid <= 0)
        return false;
    kill(server.pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 300; ++i) {
        if (waitpid(server.pid, &status, WNOHANG) == server.pid)
            return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        usleep(100000);
    }
    kill(server.pid, SIGKILL);
    waitpid(server.pid, &status, 0);
    return false;
}

void printResult(const SteadyLoadOptions &o, const SteadyLoadResult &r, long kbPerConnectionBound)
{
    printf("connections      %d of %d opened, %d closed by the server during the load\n", r.opened,
           o.connections, r.closedDuringLoad);
    printf("writes           %lld answered in %.1f s (%.0f/s), errors %lld (429: %lld), busy skips %lld%s\n",
           static_cast<long long>(r.writes), r.secs, double(r.writes) / (r.secs > 0 ? r.secs : 1),
           static_cast<long long>(r.errors), static_cast<long long>(r.refused429),
           static_cast<long long>(r.busySkips), r.drained ? "" : ", NOT DRAINED");
    printf("latency          p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", r.p50Us / 1000, r.p99Us / 1000,
           r.maxUs / 1000);
    printf("server RSS       %ld KiB idle, %ld KiB with the connections open, %ld KiB after the load, "
           "%ld KiB after closing them (bound: idle + 16 MiB + %ld KiB per connection)\n",
           r.rssIdleKb, r.rssOpenKb, r.rssEndKb, r.rssClosedKb, kbPerConnectionBound);
    if (!r.firstError.empty())
        printf("first error      %s\n", r.firstError.c_str());
    printf("RESULT {\"workload\":\"steady\",\"connections\":%d,\"opened\":%d,\"rate\":%.0f,\"secs\":%.1f,"
           "\"writes\":%lld,\"errors\":%lld,\"closed\":%d,\"p50_us\":%.0f,\"p99_us\":%.0f,\"max_us\":%.0f,"
           "\"rss_idle_kb\":%ld,\"rss_open_kb\":%ld,\"rss_end_kb\":%ld,\"rss_closed_kb\":%ld}\n",
           o.connections, r.opened, o.writesPerSecond, r.secs, static_cast<long long>(r.writes),
           static_cast<long long>(r.errors), r.closedDuringLoad, r.p50Us, r.p99Us, r.maxUs, r.rssIdleKb,
           r.rssOpenKb, r.rssEndKb, r.rssClosedKb);
    fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strncmp(argv[i], "--", 2) != 0) {
            usage();
            return 64;
        }
        args[argv[i] + 2] = argv[i + 1];
    }
    if (argc % 2 == 0 || !args.count("server")) {
        usage();
        return 64;
    }
    auto number = [&](const char *name, double fallback) {
        return args.count(name) ? atof(args[name].c_str()) : fallback;
    };
    SteadyLoadOptions o;
    o.seconds = number("seconds", 10);
    o.connections = int(number("connections", 5000));
    o.writesPerSecond = number("rate", 1000);
    o.warmupSeconds = number("warmup", 1);
    const long kbPerConnection = long(number("max-kb-per-connection", 64));
    const int rounds = std::max(1, int(number("rounds", 1)));
    constexpr long kFixedSlackKb = 16 * 1024; // storage caches, Qt's lazily created state

    signal(SIGPIPE, SIG_IGN);
    const long files = raiseFileLimit(o.connections + 256);
    if (files < o.connections + 64) {
        fprintf(stderr,
                "dayboard-loadtest: open-file limit %ld is too low for %d connections (raise ulimit -Hn)\n",
                files, o.connections);
        return 1;
    }
    char dirTemplate[] = "/tmp/dayboard-loadtest-XXXXXX";
    const char *dir = mkdtemp(dirTemplate);
    if (!dir) {
        perror("mkdtemp");
        return 1;
    }
    const Server server = startServer(args["server"], dir);
    if (server.port <= 0) {
        fprintf(stderr, "dayboard-loadtest: the server did not start (log in %s/server.log)\n", dir);
        if (server.pid > 0)
            stopServer(server);
        return 1;
    }
    printf("dayboard-server pid %d on port %d, SQLite in %s/data; %d connections, %.0f writes/s, %.0f s\n",
           int(server.pid), server.port, dir, o.connections, o.writesPerSecond, o.seconds);
    fflush(stdout);

    bool passedRounds = true;
    bool rssBounded = true;
    long idleKb = -1;
    long firstRoundEndKb = -1;
    for (int round = 1; round <= rounds; ++round) {
        printf("round %d of %d\n", round, rounds);
        const SteadyLoadResult r = runSteadyLoad(server.port, kApiKey, server.pid, o);
        printResult(o, r, kbPerConnection);
        passedRounds = passedRounds && r.passed(o.connections);
        if (round == 1) {
            idleKb = r.rssIdleKb;
            firstRoundEndKb = r.rssEndKb;
        } else {
            printf("server RSS growth since round 1: %ld KiB\n", r.rssEndKb - firstRoundEndKb);
        }
        rssBounded = rssBounded && idleKb > 0 && r.rssEndKb > 0
            && r.rssEndKb - idleKb <= kFixedSlackKb + kbPerConnection * long(o.connections);
    }
    const bool cleanExit = stopServer(server);
    const bool passed = passedRounds && rssBounded && cleanExit;
    printf("%s%s%s\n", passed ? "PASS" : "FAIL", rssBounded ? "" : " (server RSS over the bound)",
           cleanExit ? "" : " (server did not exit cleanly on SIGTERM)");
    if (!passed || std::system(("rm -rf '" + std::string(dir) + "'").c_str()) != 0)
        printf("server log and data kept in %s\n", dir);
    return passed ? 0 : 1;
}

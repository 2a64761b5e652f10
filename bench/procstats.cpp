// SPDX-License-Identifier: MIT
#include "procstats.h"

#include <cstdio>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <string>
#include <sys/resource.h>

int64_t nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

int64_t selfCpuNs()
{
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

int64_t processCpuNs(pid_t pid)
{
    if (pid <= 0)
        return -1;
    const std::string dir = "/proc/" + std::to_string(pid) + "/task";
    DIR *d = opendir(dir.c_str());
    if (!d)
        return -1;
    int64_t total = 0;
    while (dirent *e = readdir(d)) {
        if (e->d_name[0] == '.')
            continue;
        const std::string path = dir + "/" + e->d_name + "/schedstat";
        if (FILE *f = fopen(path.c_str(), "r")) {
            long long runNs = 0;
            if (fscanf(f, "%lld", &runNs) == 1)
                total += runNs;
            fclose(f);
        }
    }
    closedir(d);
    return total;
}

long processRssKb(pid_t pid)
{
    if (pid <= 0)
        return -1;
    const std::string path = "/proc/" + std::to_string(pid) + "/status";
    FILE *f = fopen(path.c_str(), "r");
    if (!f)
        return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "VmRSS:", 6) == 0) {
            kb = strtol(line + 6, nullptr, 10);
            break;
        }
    }
    fclose(f);
    return kb;
}

long raiseFileLimit(long wanted)
{
    rlimit rl {};
    getrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur >= rlim_t(wanted))
        return long(rl.rlim_cur);
    if (rl.rlim_max < rlim_t(wanted)) {
        rlimit raised { rlim_t(wanted), rlim_t(wanted) };
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            return wanted;
    }
    rl.rlim_cur = rl.rlim_max < rlim_t(wanted) ? rl.rlim_max : rlim_t(wanted);
    setrlimit(RLIMIT_NOFILE, &rl);
    getrlimit(RLIMIT_NOFILE, &rl);
    return long(rl.rlim_cur);
}

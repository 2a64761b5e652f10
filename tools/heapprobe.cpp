// SPDX-License-Identifier: MIT
// heapprobe: an LD_PRELOAD library for dayboard-server that appends, every 200 ms, one line
// "ms heap_in_use_kib mmap_kib arena_kib rss_kib live_qobjects" to $HEAPSTATS_FILE (glibc
// mallinfo2() and Qt's QObject add/remove hooks). Used for docs/security.md §9:
//   g++ -O2 -std=c++20 -shared -fPIC tools/heapprobe.cpp -o /tmp/libheapprobe.so
//   printf '#!/bin/sh\nLD_PRELOAD=/tmp/libheapprobe.so exec %s "$@"\n' \
//       "$PWD/build/server/dayboard-server" > /tmp/server-probe.sh && chmod +x /tmp/server-probe.sh
//   HEAPSTATS_FILE=/tmp/heapstats.txt build/bench/dayboard-loadtest --server /tmp/server-probe.sh \
//       --connections 2000 --rate 500 --seconds 5 --rounds 8
// Not built by CMake: a diagnostic, not part of the server.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <malloc.h>
#include <string>
#include <thread>
#include <unistd.h>

extern "C" uintptr_t qtHookData[]; // QtCore's qhooks_p.h: [3] AddQObject, [4] RemoveQObject

namespace {

std::atomic<long> liveObjects { 0 };

void added(void *)
{
    liveObjects.fetch_add(1, std::memory_order_relaxed);
}
void removed(void *)
{
    liveObjects.fetch_sub(1, std::memory_order_relaxed);
}

long rssKb()
{
    long pages = 0, rss = 0;
    if (FILE *f = fopen("/proc/self/statm", "r")) {
        if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

__attribute__((constructor)) void startProbe()
{
    const char *path = getenv("HEAPSTATS_FILE");
    if (!path)
        return;
    unsetenv("LD_PRELOAD");
    qtHookData[3] = reinterpret_cast<uintptr_t>(&added);
    qtHookData[4] = reinterpret_cast<uintptr_t>(&removed);
    std::thread([file = std::string(path)] {
        FILE *out = fopen(file.c_str(), "w");
        if (!out)
            return;
        const auto start = std::chrono::steady_clock::now();
        for (;;) {
            const struct mallinfo2 m = mallinfo2();
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - start);
            fprintf(out, "%lld %zu %zu %zu %ld %ld\n", static_cast<long long>(ms.count()), m.uordblks / 1024,
                    m.hblkhd / 1024, m.arena / 1024, rssKb(), liveObjects.load());
            fflush(out);
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }).detach();
}

} // namespace

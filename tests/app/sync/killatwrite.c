// SPDX-License-Identifier: MIT
// libdayboard-killatwrite: an LD_PRELOAD shim for tst_clientcrash that SIGKILLs the process at an
// exact moment of a file write, so a crash in the middle of writing the queue file is a certainty
// in every such run rather than a matter of timing.
//
//   DAYBOARD_KILL_AT_WRITE=N           the N-th write() (1-based) to a matching file kills the process,
//                                      before that write reaches the file
//   DAYBOARD_KILL_WRITE_MATCH=<text>   a file matches when its path contains <text> (the queue
//                                      file's folder: QSaveFile writes an unnamed O_TMPFILE there)
//
// Only write() is wrapped (Qt's file engine writes with it); anything else passes through.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long long matchingWrites = 0;

static int matches(int fd, const char *text)
{
    char link[64];
    char path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t length = readlink(link, path, sizeof path - 1);
    if (length <= 0)
        return 0;
    path[length] = '\0';
    return strstr(path, text) != NULL;
}

ssize_t write(int fd, const void *buffer, size_t count)
{
    static ssize_t (*realWrite)(int, const void *, size_t) = NULL;
    if (!realWrite)
        *(void **)&realWrite = dlsym(RTLD_NEXT, "write");
    const char *at = getenv("DAYBOARD_KILL_AT_WRITE");
    const char *text = getenv("DAYBOARD_KILL_WRITE_MATCH");
    if (at && text && *text && fd > 2 && matches(fd, text) && ++matchingWrites == atoll(at))
        kill(getpid(), SIGKILL);
    return realWrite(fd, buffer, count);
}

// SPDX-License-Identifier: MIT
#include "net/filelimit.h"

#include <climits>
#include <sys/resource.h>

namespace {

long toLong(rlim_t value)
{
    return value == RLIM_INFINITY || value > rlim_t(LONG_MAX) ? LONG_MAX : long(value);
}

} // namespace

long FileLimit::soft()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    return toLong(limit.rlim_cur);
}

long FileLimit::raiseSoftToHard()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur != limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
            return soft();
    }
    return toLong(limit.rlim_cur);
}

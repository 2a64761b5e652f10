// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QTest>

/**
 * DAYBOARD_ENVIRONMENT_SKIP(reason): skips a test that needs something this machine may lack
 * (root for a tmpfs mount, gnome-keyring on PATH, ...). CTest reports such a test as "Skipped",
 * not "Passed" (SKIP_REGULAR_EXPRESSION, cmake/Dayboard.cmake).
 *
 * Where the machine is known to have everything, a skip is a failure instead:
 * DAYBOARD_TESTS_REQUIRE_ALL=1 in the environment, which `./test` sets when it runs as root
 * (it has installed every test package and may mount; that is how CI runs it). So a test that
 * CI can run never silently stops running there. `DAYBOARD_TESTS_REQUIRE_ALL=0 ./test` turns it
 * off (a root container without CAP_SYS_ADMIN).
 */
#define DAYBOARD_ENVIRONMENT_SKIP(reason)                                                                    \
    do {                                                                                                     \
        const QString dayboardSkipReason_ = (reason);                                                        \
        if (qEnvironmentVariableIntValue("DAYBOARD_TESTS_REQUIRE_ALL") == 1)                                 \
            QFAIL(qPrintable(                                                                                \
                QStringLiteral("would skip (") + dayboardSkipReason_                                         \
                + QStringLiteral("), but DAYBOARD_TESTS_REQUIRE_ALL=1: this machine runs every test")));     \
        QSKIP(qPrintable(dayboardSkipReason_));                                                              \
    } while (false)

// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

/**
 * @brief The Redis password given apart from the `--redis` URL, so that it is not in the
 * command line (`ps` shows every process's arguments to every user).
 *
 * `--redis-password-file` / DAYBOARD_REDIS_PASSWORD_FILE names a file whose first line is the
 * password; DAYBOARD_REDIS_PASSWORD holds it directly (the environment of a process is readable
 * only by its user and root). Either is put into the URL in memory; a URL that already holds a
 * password, or both sources at once, is an error.
 */
namespace RedisPasswordOption {
/** Merges the password into `*url` when one is given; false with `*error` on a problem. */
bool apply(const QString &passwordFile, const QString &password, QString *url, QString *error);
}

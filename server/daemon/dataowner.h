// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

/**
 * @brief Refuses a data directory that belongs to another user.
 *
 * The server keeps its secrets (api-key, token-secret) and records in the data directory; its
 * owner can replace them (e.g. plant a token secret of their choosing) whatever their modes
 * are. A server running as root (or as anyone) in a directory owned by another user would trust
 * files that user controls, so it refuses unless told otherwise (`--allow-foreign-owner`,
 * docs/security.md §2).
 */
namespace DataOwner {
/** Why `dir` must not be used by this process (owned by another user); empty when it may. */
QString foreignOwnerRefusal(const QString &dir);
}

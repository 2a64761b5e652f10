// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

/**
 * Creates @p path (and its missing parents, with the usual permissions) as a directory open to
 * its owner only: mkdir() with mode 0700, so it is never open to others, not even between its
 * creation and a chmod. True when the directory exists afterwards (another process may have
 * created it meanwhile; its permissions are then the caller's to check).
 */
bool createPrivateDirectory(const QString &path);

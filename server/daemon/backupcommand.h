// SPDX-License-Identifier: MIT
#pragma once

#include <QProcessEnvironment>
#include <QStringList>
#include <optional>

/**
 * @brief `dayboard-server backup` and `dayboard-server restore` (docs/self-hosting.md, "Backup
 * and restore").
 *
 * `backup [--data-dir D] -o FILE` writes a consistent snapshot of D's database, also while a
 * server runs on D (SQLite's own locking; SqliteBackup::snapshot). `restore [--data-dir D]
 * [--revision-floor N] FILE` puts FILE in place of D's database while no server runs on D
 * (DatabaseRestore). Exit codes: 0 done, 1 refused or failed (the reason on stderr), 2 usage.
 */
class BackupCommand
{
public:
    /** The exit code when `arguments` (program name first) name one of the commands, else nullopt. */
    static std::optional<int> run(const QStringList &arguments,
                                  const QProcessEnvironment &environment
                                  = QProcessEnvironment::systemEnvironment());
};

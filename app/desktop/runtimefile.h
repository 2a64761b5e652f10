// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUrl>
#include <optional>

/**
 * @brief The per-user runtime file through which the command-line client finds the running app's
 * built-in server (docs/cli.md, "How it finds your Dayboard").
 *
 * `<runtime dir>/dayboard-<hash>.json` (QStandardPaths::RuntimeLocation, normally
 * `$XDG_RUNTIME_DIR`, a 0700 folder of this user), where `<hash>` is 16 hex digits of the SHA-256
 * of the built-in server's absolute data folder, so apps on different data folders do not
 * share one. It holds `{"url", "apiKey", "pid", "dataDir"}`, mode 0600 (it holds the key), and
 * is written when the built-in server listens and removed when it stops. read() ignores a file
 * readable by others or owned by another user.
 */
class RuntimeFile
{
public:
    struct Entry
    {
        QUrl url;
        QString apiKey;
        qint64 pid = 0;
    };

    /** Where the file of the built-in server keeping its data in `serverDataDir` lives. */
    static QString pathFor(const QString &serverDataDir);
    /** Writes it (0600, atomically) with this process's id. */
    static bool write(const QString &serverDataDir, const QUrl &url, const QString &apiKey, QString *error);
    /** Removes it when this process wrote it. */
    static void remove(const QString &serverDataDir);
    /** The entry, or nullopt (`*problem` says why when a file is there but unusable). */
    static std::optional<Entry> read(const QString &serverDataDir, QString *problem = nullptr);
};

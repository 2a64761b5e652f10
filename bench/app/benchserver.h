// SPDX-License-Identifier: MIT
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

/**
 * @brief A `dayboard-server` process on 127.0.0.1 (any free port) for the app benchmark.
 *
 * Memory or SQLite storage; the data dir (database, token secret) is a fresh temporary
 * folder. The server's log goes to a file in that folder and is quoted when it fails to start.
 */
class BenchServer
{
public:
    enum class Storage { Memory, Sqlite };

    static inline const QString apiKey = QStringLiteral("appbench-key");

    BenchServer(const QString &binary, Storage storage);
    ~BenchServer();

    /** Starts and waits (blocking, at most `timeoutMs`) for the "listening on" line. */
    bool start(QString *error, int timeoutMs = 20000);
    void stop();
    QUrl baseUrl() const { return m_baseUrl; }
    qint64 pid() const { return m_process.processId(); }

    static QString storageName(Storage storage);

private:
    QString m_binary;
    Storage m_storage;
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_baseUrl;
};

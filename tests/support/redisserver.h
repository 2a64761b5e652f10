// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

/**
 * @brief Runs a real redis-server for a test, on a free loopback port in its own temp dir.
 *
 * Durable like a production setup (`--appendonly yes --appendfsync always`, no RDB
 * snapshots), so a write Redis acknowledged survives kill(). restart() starts it again on the
 * same port and dir, so clients reconnect to the same URL and find the same data. The binary
 * is `redis-server` from PATH, or REDIS_SERVER_BINARY. The server is killed with the test
 * process, even when the test crashes.
 */
class RedisServer
{
public:
    static constexpr int defaultTimeoutMs = 30000;

    RedisServer();
    ~RedisServer();

    static QString binaryPath();

    /** Starts on a free port; true once it answers PING. */
    bool start(int timeoutMs = defaultTimeoutMs);
    /** Starts again on the same port and dir (after kill() or stop()). */
    bool restart(int timeoutMs = defaultTimeoutMs);
    /** SIGKILL, no chance to save anything beyond what it already fsynced; waits for the exit. */
    void kill();
    /** SIGSTOP: the server keeps its connections open but answers nothing (a frozen host). */
    void pause();
    /** SIGCONT after pause(). */
    void resume();
    /** SIGTERM and wait for a clean exit. */
    bool stop(int timeoutMs = defaultTimeoutMs);

    /** Before start()/restart(): false runs it without any persistence (no AOF, no RDB), so a
     *  restart comes back empty, as a cache-style Redis does. */
    void setPersistent(bool persistent) { m_persistent = persistent; }

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("redis://127.0.0.1:%1").arg(m_port); }
    QString dir() const { return m_dir.path(); }
    /** Why the last start failed, plus the server's output, for QVERIFY2 messages. */
    QString errorString() const { return m_error; }
    QByteArray output() const { return m_output; }

private:
    bool launch(int timeoutMs);
    bool answersPing(int timeoutMs) const;

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_output;
    QString m_error;
    bool m_persistent = true;
};

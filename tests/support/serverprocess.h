// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

/**
 * @brief Runs the dayboard-server executable for a test.
 *
 * The binary comes from the environment variable DAYBOARD_SERVER_BINARY (set by the test's
 * CMake). start() waits for the `listening on http://ADDR:PORT` line on stdout and parses the
 * URL. restart() starts the same arguments again on the same port (so the same data dir and
 * the same URL). Output of both streams is kept for failure messages.
 */
class ServerProcess : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultTimeoutMs = 30000;

    explicit ServerProcess(QObject *parent = nullptr);
    ~ServerProcess() override;

    /** The path from DAYBOARD_SERVER_BINARY; empty when unset. */
    static QString binaryPath();

    /** Starts the server with `arguments`; true once it printed its listening line. */
    bool start(const QStringList &arguments, int timeoutMs = defaultTimeoutMs);
    /** Starts again with the last arguments, `--port` replaced by the port it had. */
    bool restart(int timeoutMs = defaultTimeoutMs);
    /** SIGTERM, then waits for the exit; returns the exit code, or -1 on crash or timeout. */
    int terminate(int timeoutMs = defaultTimeoutMs);
    /** SIGKILL and wait. */
    void kill();

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QUrl baseUrl() const { return m_baseUrl; }
    quint16 port() const { return quint16(m_baseUrl.port()); }
    /** ws://host:port/ws?<query> */
    QUrl webSocketUrl(const QString &query = {}) const;
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    /** Everything printed on stdout and stderr so far (for QVERIFY2 messages). */
    QByteArray output() const { return m_stdout + m_stderr; }
    /** Why the last start() failed, for QVERIFY2 messages. */
    QString errorString() const { return m_error; }

private:
    void readOutput();

    QProcess m_process;
    QStringList m_arguments;
    QUrl m_baseUrl;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QString m_error;
};

// SPDX-License-Identifier: MIT
#include "redisserver.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <csignal>
#include <sys/prctl.h>

namespace {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

RedisServer::RedisServer()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // A test that crashes or is killed by its timeout must not leave redis-server running.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

RedisServer::~RedisServer()
{
    if (isRunning()) {
        resume();
        kill();
    }
}

QString RedisServer::binaryPath()
{
    const QString configured = qEnvironmentVariable("REDIS_SERVER_BINARY");
    return configured.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("redis-server")) : configured;
}

bool RedisServer::start(int timeoutMs)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    // Another process may take the probed port before redis-server binds it: try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freeLoopbackPort();
        if (m_port != 0 && launch(timeoutMs))
            return true;
        if (!m_output.contains("Address already in use"))
            return false;
    }
    return false;
}

bool RedisServer::restart(int timeoutMs)
{
    if (isRunning())
        stop(timeoutMs);
    return m_port != 0 && launch(timeoutMs);
}

bool RedisServer::launch(int timeoutMs)
{
    m_error.clear();
    m_output.clear();
    const QString binary = binaryPath();
    if (binary.isEmpty()) {
        m_error = QStringLiteral("redis-server not found (install the redis-server package)");
        return false;
    }
    m_process.start(binary,
                    { QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                      QStringLiteral("127.0.0.1"), QStringLiteral("--dir"), m_dir.path(),
                      QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                      m_persistent ? QStringLiteral("yes") : QStringLiteral("no"),
                      QStringLiteral("--appendfsync"), QStringLiteral("always"),
                      QStringLiteral("--daemonize"), QStringLiteral("no") });
    // redis-server logs this line once it listens (after loading the AOF on a restart).
    QDeadlineTimer deadline(timeoutMs);
    while (!m_output.contains("Ready to accept connections")) {
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired()
            || !m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            m_output += m_process.readAll();
            if (m_output.contains("Ready to accept connections"))
                break;
            m_error = QStringLiteral("redis-server did not start: ") + QString::fromUtf8(m_output);
            if (isRunning())
                kill();
            return false;
        }
        m_output += m_process.readAll();
    }
    if (!answersPing(int(qMax<qint64>(1, deadline.remainingTime())))) {
        m_error = QStringLiteral("redis-server does not answer PING: ") + QString::fromUtf8(m_output);
        return false;
    }
    return true;
}

bool RedisServer::answersPing(int timeoutMs) const
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write("PING\r\n");
    QByteArray answer;
    QDeadlineTimer deadline(timeoutMs);
    while (!answer.contains("\r\n")
           && socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
        answer += socket.readAll();
    return answer.startsWith("+PONG");
}

void RedisServer::kill()
{
    m_process.kill();
    m_process.waitForFinished(defaultTimeoutMs);
    m_output += m_process.readAll();
}

bool RedisServer::stop(int timeoutMs)
{
    m_process.terminate();
    const bool exited = m_process.waitForFinished(timeoutMs);
    m_output += m_process.readAll();
    return exited && m_process.exitStatus() == QProcess::NormalExit;
}

void RedisServer::pause()
{
    if (isRunning())
        ::kill(pid_t(m_process.processId()), SIGSTOP);
}

void RedisServer::resume()
{
    if (isRunning())
        ::kill(pid_t(m_process.processId()), SIGCONT);
}

// SPDX-License-Identifier: MIT
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;

ServerProcess::ServerProcess(QObject *parent)
    : QObject(parent)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ServerProcess::readOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, &ServerProcess::readOutput);
}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        kill();
}

QString ServerProcess::binaryPath()
{
    return qEnvironmentVariable("DAYBOARD_SERVER_BINARY");
}

bool ServerProcess::start(const QStringList &arguments, int timeoutMs)
{
    m_error.clear();
    m_baseUrl.clear();
    m_stdout.clear();
    m_stderr.clear();
    m_arguments = arguments;
    const QString binary = binaryPath();
    if (binary.isEmpty() || !QFileInfo(binary).isExecutable()) {
        m_error = u"DAYBOARD_SERVER_BINARY is unset or not executable: '"_s + binary + u'\'';
        return false;
    }
    m_process.start(binary, arguments);
    static const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        readOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_stdout));
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return m_baseUrl.isValid() && m_baseUrl.port() > 0;
        }
        if (m_process.state() == QProcess::NotRunning) {
            m_error = u"dayboard-server exited before listening, code "_s
                + QString::number(m_process.exitCode()) + u": "_s + QString::fromUtf8(output());
            return false;
        }
        QTest::qWait(5);
    }
    m_error = u"dayboard-server printed no 'listening on' line in time: "_s + QString::fromUtf8(output());
    kill();
    return false;
}

bool ServerProcess::restart(int timeoutMs)
{
    QStringList arguments = m_arguments;
    const QString port = QString::number(m_baseUrl.port());
    const qsizetype index = arguments.indexOf(QStringLiteral("--port"));
    if (index >= 0 && index + 1 < arguments.size())
        arguments[index + 1] = port;
    else
        arguments << QStringLiteral("--port") << port;
    if (isRunning())
        terminate(timeoutMs);
    return start(arguments, timeoutMs);
}

int ServerProcess::terminate(int timeoutMs)
{
    if (!isRunning())
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    QDeadlineTimer deadline(timeoutMs);
    while (isRunning() && !deadline.hasExpired())
        QTest::qWait(5);
    readOutput();
    if (isRunning()) {
        kill();
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(defaultTimeoutMs);
    readOutput();
}

QUrl ServerProcess::webSocketUrl(const QString &query) const
{
    QUrl url = m_baseUrl;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/ws"));
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

void ServerProcess::readOutput()
{
    m_stdout += m_process.readAllStandardOutput();
    m_stderr += m_process.readAllStandardError();
}

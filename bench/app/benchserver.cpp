// SPDX-License-Identifier: MIT
#include "benchserver.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

BenchServer::BenchServer(const QString &binary, Storage storage)
    : m_binary(binary)
    , m_storage(storage)
{ }

BenchServer::~BenchServer()
{
    stop();
}

QString BenchServer::storageName(Storage storage)
{
    return storage == Storage::Memory ? u"memory"_s : u"sqlite"_s;
}

bool BenchServer::start(QString *error, int timeoutMs)
{
    if (!m_dir.isValid()) {
        *error = u"no temporary directory: "_s + m_dir.errorString();
        return false;
    }
    QStringList arguments { u"--port"_s, u"0"_s, u"--api-key"_s, apiKey, u"--data-dir"_s, m_dir.path() };
    if (m_storage == Storage::Memory)
        arguments << u"--memory"_s;
    const QString log = m_dir.filePath(u"server.log"_s);
    m_process.setStandardErrorFile(log);
    m_process.start(m_binary, arguments);
    static const QRegularExpression listening(u"listening on (http://\\S+)"_s);
    QByteArray output;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        output += m_process.readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return true;
        }
    }
    QFile file(log);
    file.open(QIODevice::ReadOnly);
    *error = u"%1 did not start: %2 %3"_s.arg(m_binary, QString::fromUtf8(output),
                                              QString::fromUtf8(file.readAll()));
    stop();
    return false;
}

void BenchServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

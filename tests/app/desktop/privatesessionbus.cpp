// SPDX-License-Identifier: MIT
#include "privatesessionbus.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <csignal>
#include <sys/prctl.h>

PrivateSessionBus::PrivateSessionBus()
{
    dieWithParent(m_process);
}

PrivateSessionBus::~PrivateSessionBus()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(30000);
    }
}

void PrivateSessionBus::dieWithParent(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

bool PrivateSessionBus::writeConfig(const QString &path) const
{
    // Like Debian's session.conf, minus service activation.
    const QString config
        = QStringLiteral(
              "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
              " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
              "<busconfig>\n"
              "  <type>session</type>\n"
              "  <listen>unix:dir=%1</listen>\n"
              "  <auth>EXTERNAL</auth>\n"
              "  <policy context=\"default\">\n"
              "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
              "    <allow eavesdrop=\"true\"/>\n"
              "    <allow own=\"*\"/>\n"
              "  </policy>\n"
              "</busconfig>\n")
              .arg(m_dir.path().toHtmlEscaped());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(config.toUtf8()) == config.toUtf8().size();
}

bool PrivateSessionBus::start(int timeoutMs)
{
    const QString configPath = QDir(m_dir.path()).filePath(QStringLiteral("bus.conf"));
    if (!m_dir.isValid() || !writeConfig(configPath)) {
        m_error = QStringLiteral("cannot write %1").arg(configPath);
        return false;
    }
    m_process.start(QStringLiteral("dbus-daemon"),
                    { QStringLiteral("--config-file=") + configPath, QStringLiteral("--nofork"),
                      QStringLiteral("--print-address=1") });
    // dbus-daemon prints its address once it listens.
    QByteArray output;
    QDeadlineTimer deadline(timeoutMs);
    while (!output.contains('\n')) {
        if (!m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            m_error = QStringLiteral("dbus-daemon did not start: %1 %2")
                          .arg(m_process.errorString(), QString::fromUtf8(m_process.readAllStandardError()));
            return false;
        }
        output += m_process.readAllStandardOutput();
    }
    m_address = QString::fromUtf8(output.left(output.indexOf('\n')).trimmed());
    return true;
}

// SPDX-License-Identifier: MIT
#include "notificationdaemon.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTest>

namespace {
const QString notificationsName = QStringLiteral("org.freedesktop.Notifications");
const QString watcherConnection = QStringLiteral("dayboard-test-notification-watcher");

bool writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return false;
    file.close();
    return !executable || file.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner);
}
} // namespace

NotificationDaemon::NotificationDaemon()
{
    PrivateSessionBus::dieWithParent(m_xvfb);
    PrivateSessionBus::dieWithParent(m_dunst);
    m_dunst.setProcessChannelMode(QProcess::MergedChannels);
}

NotificationDaemon::~NotificationDaemon()
{
    QDBusConnection::disconnectFromBus(watcherConnection);
    for (QProcess *process : { &m_dunst, &m_xvfb }) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(defaultTimeoutMs);
        }
    }
}

QString NotificationDaemon::missingPrograms()
{
    QStringList missing;
    for (const char *program : { "Xvfb", "dbus-daemon", "dunst", "dunstctl" }) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(program)).isEmpty())
            missing << QString::fromLatin1(program);
    }
    return missing.join(QStringLiteral(", "));
}

bool NotificationDaemon::startDisplay(int timeoutMs)
{
    // -displayfd: Xvfb picks a free display number and prints it once it accepts clients.
    m_xvfb.start(QStringLiteral("Xvfb"),
                 { QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                   QStringLiteral("0"), QStringLiteral("800x600x24"), QStringLiteral("-nolisten"),
                   QStringLiteral("tcp") });
    QByteArray output;
    QDeadlineTimer deadline(timeoutMs);
    while (!output.contains('\n')) {
        if (!m_xvfb.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            m_error
                = QStringLiteral("Xvfb did not start: ") + QString::fromUtf8(m_xvfb.readAllStandardError());
            return false;
        }
        output += m_xvfb.readAllStandardOutput();
    }
    m_display = QLatin1Char(':') + QString::fromUtf8(output.trimmed());
    return true;
}

bool NotificationDaemon::start(int timeoutMs)
{
    const QDir dir(m_dir.path());
    // The "dmenu" reads lines like "#Done (Buy milk) [2,done]" and answers the requested one.
    const QString picker = dir.filePath(QStringLiteral("pick-action"));
    const QString config = dir.filePath(QStringLiteral("dunstrc"));
    if (!writeFile(picker, "#!/bin/sh\ngrep -F \",$(cat \"$0.key\")]\" | head -n 1\n", true)
        || !writeFile(config,
                      "[global]\n    dmenu = " + picker.toUtf8()
                          + "\n    browser = /bin/true\n[urgency_low]\n    timeout = 0\n"
                            "[urgency_normal]\n    timeout = 0\n[urgency_critical]\n    timeout = 0\n")) {
        m_error = QStringLiteral("cannot write the dunst configuration");
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    if (!m_bus.start(timeoutMs)) {
        m_error = m_bus.errorString();
        return false;
    }
    if (!startDisplay(int(qMax<qint64>(1, deadline.remainingTime()))))
        return false;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_dir.path());
    environment.insert(QStringLiteral("DISPLAY"), m_display);
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_bus.address());
    m_dunst.setProcessEnvironment(environment);
    m_dunst.start(QStringLiteral("dunst"), { QStringLiteral("-config"), config });
    if (!waitForName(int(qMax<qint64>(1, deadline.remainingTime())))) {
        m_error = QStringLiteral("dunst did not register %1: %2")
                      .arg(notificationsName, QString::fromUtf8(m_dunst.readAll()));
        return false;
    }
    return true;
}

bool NotificationDaemon::waitForName(int timeoutMs)
{
    QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), watcherConnection);
    return bus.isConnected()
        && QTest::qWaitFor([&bus] { return bus.interface()->isServiceRegistered(notificationsName).value(); },
                           timeoutMs);
}

QByteArray NotificationDaemon::dunstctl(const QStringList &arguments, bool *ok)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_bus.address());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("dunstctl"), arguments);
    if (!process.waitForFinished(defaultTimeoutMs) || process.exitCode() != 0) {
        qWarning("dunstctl %s failed: %s", qPrintable(arguments.join(u' ')),
                 process.readAllStandardError().constData());
        return {};
    }
    if (ok)
        *ok = true;
    return process.readAllStandardOutput();
}

int NotificationDaemon::displayedCount()
{
    bool ok = false;
    const int count = dunstctl({ QStringLiteral("count"), QStringLiteral("displayed") }).trimmed().toInt(&ok);
    return ok ? count : -1;
}

void NotificationDaemon::closeAll()
{
    dunstctl({ QStringLiteral("close-all") });
}

QJsonArray NotificationDaemon::history()
{
    const QJsonObject document = QJsonDocument::fromJson(dunstctl({ QStringLiteral("history") })).object();
    QJsonArray result;
    for (const QJsonValue &entry : document.value(u"data").toArray().at(0).toArray()) {
        const QJsonObject object = entry.toObject();
        result.append(
            QJsonObject { { QStringLiteral("id"), object.value(u"id").toObject().value(u"data") },
                          { QStringLiteral("summary"), object.value(u"summary").toObject().value(u"data") },
                          { QStringLiteral("body"), object.value(u"body").toObject().value(u"data") } });
    }
    return result;
}

bool NotificationDaemon::invokeAction(const QString &actionKey)
{
    if (!writeFile(QDir(m_dir.path()).filePath(QStringLiteral("pick-action.key")), actionKey.toUtf8()))
        return false;
    bool ok = false;
    dunstctl({ QStringLiteral("action"), QStringLiteral("0") }, &ok);
    return ok;
}

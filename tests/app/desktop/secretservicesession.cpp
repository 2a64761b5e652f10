// SPDX-License-Identifier: MIT
#include "secretservicesession.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusServiceWatcher>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTimer>
#include <csignal>
#include <sys/prctl.h>

namespace {

const QString secretsName = QStringLiteral("org.freedesktop.secrets");
const QString watcherConnection = QStringLiteral("dayboard-test-secret-service-watcher");
const QByteArray keyringPassword = QByteArrayLiteral("dayboard-test-password");

void dieWithParent(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

} // namespace

SecretServiceSession::SecretServiceSession()
{
    dieWithParent(m_bus);
    dieWithParent(m_keyring);
    m_keyring.setProcessChannelMode(QProcess::MergedChannels);
}

SecretServiceSession::~SecretServiceSession()
{
    QDBusConnection::disconnectFromBus(watcherConnection);
    for (QProcess *process : { &m_keyring, &m_bus }) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(defaultTimeoutMs);
        }
    }
}

QString SecretServiceSession::missingPrograms()
{
    QStringList missing;
    for (const QString &program : { QStringLiteral("dbus-daemon"), QStringLiteral("gnome-keyring-daemon") }) {
        if (QStandardPaths::findExecutable(program).isEmpty())
            missing << program;
    }
    return missing.join(QStringLiteral(", "));
}

QString SecretServiceSession::keyringDir() const
{
    return QDir(m_dir.path()).filePath(QStringLiteral("data/keyrings"));
}

bool SecretServiceSession::start(int timeoutMs)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    return startBus(timeoutMs) && startKeyring(int(qMax<qint64>(1, deadline.remainingTime())));
}

bool SecretServiceSession::writeBusConfig(const QString &path) const
{
    // Like Debian's session.conf, minus service activation: nothing may start a second keyring.
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

bool SecretServiceSession::startBus(int timeoutMs)
{
    const QString configPath = QDir(m_dir.path()).filePath(QStringLiteral("bus.conf"));
    if (!writeBusConfig(configPath)) {
        m_error = QStringLiteral("cannot write %1").arg(configPath);
        return false;
    }
    m_bus.start(QStringLiteral("dbus-daemon"),
                { QStringLiteral("--config-file=") + configPath, QStringLiteral("--nofork"),
                  QStringLiteral("--print-address=1") });
    // dbus-daemon prints its address once it listens.
    QByteArray output;
    QDeadlineTimer deadline(timeoutMs);
    while (!output.contains('\n')) {
        if (!m_bus.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            m_error = QStringLiteral("dbus-daemon did not start: %1 %2")
                          .arg(m_bus.errorString(), QString::fromUtf8(m_bus.readAllStandardError()));
            return false;
        }
        output += m_bus.readAllStandardOutput();
    }
    m_busAddress = QString::fromUtf8(output.left(output.indexOf('\n')).trimmed());
    return true;
}

bool SecretServiceSession::startKeyring(int timeoutMs)
{
    const QDir dir(m_dir.path());
    const QString runtimeDir = dir.filePath(QStringLiteral("runtime"));
    if (!dir.mkpath(QStringLiteral("runtime"))
        || !QFile::setPermissions(runtimeDir,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        m_error = QStringLiteral("cannot create %1").arg(runtimeDir);
        return false;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_dir.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_busAddress);
    environment.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
    m_keyring.setProcessEnvironment(environment);
    m_keyring.start(QStringLiteral("gnome-keyring-daemon"),
                    { QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                      QStringLiteral("--components=secrets") });
    if (!m_keyring.waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("gnome-keyring-daemon did not start: ") + m_keyring.errorString();
        return false;
    }
    // --unlock reads the password of the login keyring (created on first use) from stdin.
    m_keyring.write(keyringPassword);
    m_keyring.closeWriteChannel();
    if (!waitForSecretsName(true, timeoutMs)) {
        m_error = QStringLiteral("gnome-keyring-daemon did not register %1 on the bus: %2")
                      .arg(secretsName, QString::fromUtf8(m_keyring.readAll()));
        return false;
    }
    return true;
}

bool SecretServiceSession::killKeyring(int timeoutMs)
{
    m_keyring.kill();
    m_keyring.waitForFinished(timeoutMs);
    if (!waitForSecretsName(false, timeoutMs)) {
        m_error = QStringLiteral("%1 is still on the bus after the keyring was killed").arg(secretsName);
        return false;
    }
    return true;
}

bool SecretServiceSession::waitForSecretsName(bool registered, int timeoutMs)
{
    QDBusConnection bus = QDBusConnection::connectToBus(m_busAddress, watcherConnection);
    if (!bus.isConnected())
        return false;
    const auto isRegistered = [&bus] { return bus.interface()->isServiceRegistered(secretsName).value(); };
    QDBusServiceWatcher watcher(secretsName, bus,
                                registered ? QDBusServiceWatcher::WatchForRegistration
                                           : QDBusServiceWatcher::WatchForUnregistration);
    QEventLoop loop;
    QObject::connect(&watcher, &QDBusServiceWatcher::serviceRegistered, &loop, &QEventLoop::quit);
    QObject::connect(&watcher, &QDBusServiceWatcher::serviceUnregistered, &loop, &QEventLoop::quit);
    QObject::connect(&m_keyring, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (isRegistered() != registered)
        loop.exec();
    return isRegistered() == registered;
}

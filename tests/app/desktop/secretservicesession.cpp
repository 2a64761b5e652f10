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

namespace {

const QString secretsName = QStringLiteral("org.freedesktop.secrets");
const QString watcherConnection = QStringLiteral("dayboard-test-secret-service-watcher");
const QByteArray keyringPassword = QByteArrayLiteral("dayboard-test-password");

} // namespace

SecretServiceSession::SecretServiceSession()
{
    PrivateSessionBus::dieWithParent(m_keyring);
    m_keyring.setProcessChannelMode(QProcess::MergedChannels);
}

SecretServiceSession::~SecretServiceSession()
{
    QDBusConnection::disconnectFromBus(watcherConnection);
    if (m_keyring.state() != QProcess::NotRunning) {
        m_keyring.kill();
        m_keyring.waitForFinished(defaultTimeoutMs);
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
    if (!m_bus.start(timeoutMs)) {
        m_error = m_bus.errorString();
        return false;
    }
    m_busAddress = m_bus.address();
    return startKeyring(int(qMax<qint64>(1, deadline.remainingTime())));
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

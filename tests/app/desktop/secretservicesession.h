// SPDX-License-Identifier: MIT
#pragma once

#include "privatesessionbus.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

/**
 * @brief A real Secret Service for a test: a private D-Bus session bus with gnome-keyring on it.
 *
 * start() runs a PrivateSessionBus (no service activation, so a killed keyring stays gone) and
 * `gnome-keyring-daemon --foreground --unlock --components=secrets` with HOME, XDG_DATA_HOME and
 * XDG_RUNTIME_DIR in a temporary directory, the password on stdin. The `login` keyring that --unlock creates
 * there becomes the default collection. The user's own bus and keyring are never touched. Both daemons die
 * with the test process.
 */
class SecretServiceSession
{
public:
    static constexpr int defaultTimeoutMs = 30000;

    SecretServiceSession();
    ~SecretServiceSession();

    /** Empty when dbus-daemon and gnome-keyring-daemon are on PATH, else what is missing. */
    static QString missingPrograms();

    /** Starts the bus and the keyring; true once org.freedesktop.secrets is on the bus. */
    bool start(int timeoutMs = defaultTimeoutMs);
    /** SIGKILL the keyring daemon and wait until its name has left the bus. */
    bool killKeyring(int timeoutMs = defaultTimeoutMs);

    QString busAddress() const { return m_busAddress; }
    QString keyringDir() const;
    QString errorString() const { return m_error; }

private:
    bool startKeyring(int timeoutMs);
    bool waitForSecretsName(bool registered, int timeoutMs);

    QTemporaryDir m_dir;
    PrivateSessionBus m_bus;
    QProcess m_keyring;
    QString m_busAddress;
    QString m_error;
};

// SPDX-License-Identifier: MIT
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

/**
 * @brief A private D-Bus session bus for a test: `dbus-daemon` with a bus config of its own (no
 * service activation, so a killed daemon stays gone). The user's own bus is never touched; the
 * bus dies with the test process.
 */
class PrivateSessionBus
{
public:
    PrivateSessionBus();
    ~PrivateSessionBus();

    /** True once dbus-daemon listens; address() then names it. */
    bool start(int timeoutMs);
    QString address() const { return m_address; }
    QString errorString() const { return m_error; }

    /** Makes `process` die with the test process (SIGKILL when the parent goes). */
    static void dieWithParent(QProcess &process);

private:
    bool writeConfig(const QString &path) const;

    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_address;
    QString m_error;
};

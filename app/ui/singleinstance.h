// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

/**
 * @brief One Dayboard per user and data folder: a later launch asks the first for a window.
 *
 * The first process listens on a local socket named after the user and the data folder; a
 * second one connects, sends "new-window" and exits.
 */
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);

    /** True when another instance took the request (this process should exit). */
    bool forwardToRunning(int timeoutMs = 1000) const;
    /** Starts listening; false (logged) if that is impossible, which only costs the feature. */
    bool listen();
    QString serverName() const;

signals:
    void newWindowRequested();

private:
    void onNewConnection();

    QString m_name;
    QLocalServer *m_server = nullptr;
};

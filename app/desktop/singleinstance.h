// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

/**
 * @brief One Dayboard per user and data folder: a later launch asks the first for a window.
 *
 * The first process listens on a local socket named after the user and the data folder; a
 * second one connects, sends "new-window" and exits. A socket that accepts connections belongs
 * to a live instance (maybe still starting) and is never taken over; only a stale socket file
 * left by a crashed instance is replaced.
 */
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);

    /**
     * True when another instance took the request (this process should exit). Connecting
     * takes at most @p connectTimeoutMs; an instance that accepted the connection is alive
     * and gets @p answerTimeoutMs to answer (it may still be loading its first window).
     */
    bool forwardToRunning(int connectTimeoutMs = 1000, int answerTimeoutMs = 10000) const;
    /**
     * Starts listening. False when a live instance holds the socket (forward to it instead),
     * or, logged, when listening is impossible, which only costs the feature.
     */
    bool listen();
    /** After listen() failed: true when it failed because another instance is listening. */
    bool isHeldByOtherInstance() const;
    QString serverName() const;

signals:
    void newWindowRequested();

private:
    void onNewConnection();
    bool isAcceptingConnections(int timeoutMs) const;

    QString m_name;
    QLocalServer *m_server = nullptr;
    bool m_heldByOther = false;
};

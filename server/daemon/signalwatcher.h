// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

/**
 * @brief Turns SIGTERM and SIGINT (stop) and SIGHUP (reload credentials) into Qt signals on
 * the event loop (self-pipe trick).
 *
 * The handler only writes the signal number to a socket pair; everything else happens in
 * the event loop. One instance per process.
 */
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

signals:
    void terminationRequested(int signalNumber);
    /** SIGHUP: reload the API keys file, the TLS certificate and key, the token revocations. */
    void reloadRequested();

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

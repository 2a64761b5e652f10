// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class WebSocketSession;

/**
 * @brief Writes the WebSocket output produced during one event-loop pass right before the loop
 * goes back to sleep, as Redis does in its beforeSleep hook.
 *
 * QAbstractSocket::write() only appends to the socket's buffer and enables its write
 * notifier, so a reply otherwise waits a whole extra loop iteration (poll, notifier toggles,
 * eventfd wake-ups) before it reaches the kernel. Flushing on every message would lose the
 * batching of pipelined requests; flushing once per pass keeps one write() per socket per pass
 * and removes the round trip. The write notifier stays the fallback: a dispatcher that never
 * reports aboutToBlock only loses the speed-up.
 *
 * One flusher per thread, owned by (and living as long as) that thread's event dispatcher.
 */
class SocketFlusher : public QObject
{
    Q_OBJECT

public:
    /// The current thread's flusher, or nullptr when the thread has no event dispatcher.
    static SocketFlusher *forCurrentThread();

    /// Call @p session's flushOutput() before the loop next blocks. The session calls this once
    /// per pass (it keeps its own flag), so the list stays linear in the sessions written to.
    void schedule(WebSocketSession *session);

private:
    explicit SocketFlusher(QObject *dispatcher);
    void flushAll();

    QList<QPointer<WebSocketSession>> m_pending;
};

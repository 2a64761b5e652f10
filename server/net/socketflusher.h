// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class WebSocketConnection;

/**
 * @brief Writes the WebSocket output produced during one event-loop pass right before the loop
 * goes back to sleep, as Redis does in its beforeSleep hook.
 *
 * A WebSocketConnection collects the frames of one pass; writing them through the socket's
 * write notifier would cost a whole extra loop iteration (poll, notifier toggles, eventfd
 * wake-ups) before they reach the kernel, and writing each frame at once would lose the batching
 * of pipelined requests. Flushing once per pass keeps one write() per socket per pass and
 * removes the round trip.
 *
 * A loop that never blocks (processEvents() polled in a loop, QTest::qWait) never reports
 * aboutToBlock: the first schedule() of a pass also posts one event, so the output goes at the
 * start of the next pass at the latest.
 *
 * One flusher per thread, owned by (and living as long as) that thread's event dispatcher.
 */
class SocketFlusher : public QObject
{
    Q_OBJECT

public:
    /// The current thread's flusher, or nullptr when the thread has no event dispatcher.
    static SocketFlusher *forCurrentThread();

    /// Call @p connection's flush() before the loop next blocks. The connection calls this once
    /// per pass (it keeps its own flag), so the list stays linear in the connections written to.
    void schedule(WebSocketConnection *connection);

protected:
    bool event(QEvent *event) override;

private:
    explicit SocketFlusher(QObject *dispatcher);
    void flushAll();

    QList<QPointer<WebSocketConnection>> m_pending;
    bool m_eventPosted = false;
};

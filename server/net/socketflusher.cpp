// SPDX-License-Identifier: MIT
#include "socketflusher.h"

#include "websocketsession.h"

#include <QAbstractEventDispatcher>
#include <QThread>

SocketFlusher *SocketFlusher::forCurrentThread()
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(QThread::currentThread());
    if (!dispatcher)
        return nullptr;
    thread_local QPointer<SocketFlusher> cached;
    if (!cached || cached->parent() != dispatcher)
        cached = new SocketFlusher(dispatcher);
    return cached;
}

SocketFlusher::SocketFlusher(QObject *dispatcher)
    : QObject(dispatcher)
{
    connect(static_cast<QAbstractEventDispatcher *>(dispatcher), &QAbstractEventDispatcher::aboutToBlock,
            this, &SocketFlusher::flushAll);
}

void SocketFlusher::schedule(WebSocketSession *session)
{
    m_pending.append(session);
}

void SocketFlusher::flushAll()
{
    // flush() may emit signals that schedule more output: take the list first.
    const QList<QPointer<WebSocketSession>> sessions = std::exchange(m_pending, {});
    for (const QPointer<WebSocketSession> &session : sessions) {
        if (session)
            session->flushOutput();
    }
}

// SPDX-License-Identifier: MIT
#include "net/socketflusher.h"

#include "net/websocketconnection.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QEvent>
#include <QThread>

namespace {
const QEvent::Type flushEvent = QEvent::Type(QEvent::registerEventType());
}

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

void SocketFlusher::schedule(WebSocketConnection *connection)
{
    if (!m_eventPosted) {
        m_eventPosted = true;
        QCoreApplication::postEvent(this, new QEvent(flushEvent));
    }
    m_pending.append(connection);
}

bool SocketFlusher::event(QEvent *event)
{
    if (event->type() != flushEvent)
        return QObject::event(event);
    m_eventPosted = false;
    flushAll();
    return true;
}

void SocketFlusher::flushAll()
{
    // flush() may emit signals that schedule more output: take the list first.
    const QList<QPointer<WebSocketConnection>> connections = std::exchange(m_pending, {});
    for (const QPointer<WebSocketConnection> &connection : connections) {
        if (connection)
            connection->flush();
    }
}

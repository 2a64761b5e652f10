// SPDX-License-Identifier: MIT
#include "storage/redisqtadapter.h"

#include <QSocketNotifier>
#include <hiredis/async.h>

bool RedisQtAdapter::attach(redisAsyncContext *context, QObject *parent)
{
    if (context->ev.data)
        return false;
    new RedisQtAdapter(context, parent);
    return true;
}

RedisQtAdapter::RedisQtAdapter(redisAsyncContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    context->ev.data = this;
    context->ev.addRead = &RedisQtAdapter::addRead;
    context->ev.delRead = &RedisQtAdapter::delRead;
    context->ev.addWrite = &RedisQtAdapter::addWrite;
    context->ev.delWrite = &RedisQtAdapter::delWrite;
    context->ev.cleanup = &RedisQtAdapter::cleanup;
}

RedisQtAdapter::~RedisQtAdapter()
{
    // Destroyed before hiredis freed the context (owner torn down first): detach so hiredis
    // never calls into a dead adapter.
    if (m_context) {
        m_context->ev = {};
        m_context = nullptr;
    }
}

void RedisQtAdapter::addRead(void *self)
{
    auto *a = static_cast<RedisQtAdapter *>(self);
    a->enable(a->m_read, true, true);
}
void RedisQtAdapter::delRead(void *self)
{
    auto *a = static_cast<RedisQtAdapter *>(self);
    a->enable(a->m_read, true, false);
}
void RedisQtAdapter::addWrite(void *self)
{
    auto *a = static_cast<RedisQtAdapter *>(self);
    a->enable(a->m_write, false, true);
}
void RedisQtAdapter::delWrite(void *self)
{
    auto *a = static_cast<RedisQtAdapter *>(self);
    a->enable(a->m_write, false, false);
}

void RedisQtAdapter::cleanup(void *self)
{
    auto *adapter = static_cast<RedisQtAdapter *>(self);
    // Called while hiredis frees the context, possibly from inside one of our notifier slots:
    // disable (never delete) the notifiers now, before the fd is closed, and go later.
    adapter->enable(adapter->m_read, true, false);
    adapter->enable(adapter->m_write, false, false);
    adapter->m_context = nullptr;
    adapter->deleteLater();
}

void RedisQtAdapter::enable(QSocketNotifier *&notifier, bool read, bool on)
{
    if (!notifier) {
        if (!on || !m_context)
            return;
        notifier = new QSocketNotifier(m_context->c.fd, read ? QSocketNotifier::Read : QSocketNotifier::Write,
                                       this);
        connect(notifier, &QSocketNotifier::activated, this,
                read ? &RedisQtAdapter::readable : &RedisQtAdapter::writable);
    }
    notifier->setEnabled(on);
}

void RedisQtAdapter::readable()
{
    if (m_context)
        redisAsyncHandleRead(m_context);
}

void RedisQtAdapter::writable()
{
    if (m_context)
        redisAsyncHandleWrite(m_context);
}

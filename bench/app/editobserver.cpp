// SPDX-License-Identifier: MIT
#include "editobserver.h"

#include "monotonicclock.h"
#include "sync/monitorclient.h"

#include <cstdio>

EditObserver::EditObserver(const QDate &day, const QString &todoId, const QString &queueFile)
    : m_day(day)
    , m_todoId(todoId)
    , m_session(&m_cache, queueFile)
{
    connect(&m_cache, &DayCache::dayChanged, this, &EditObserver::onDayChanged);
    connect(m_session.monitor(), &MonitorClient::connected, this, &EditObserver::maybeReady);
}

void EditObserver::start(const ServerEndpoint &endpoint)
{
    m_cache.watch(m_day);
    m_session.setEndpoint(endpoint);
}

void EditObserver::onDayChanged(const QDate &date)
{
    const int64_t now = monotonicNs();
    if (date != m_day)
        return;
    for (const Todo &todo : m_cache.day(date).todos) {
        if (todo.id != m_todoId)
            continue;
        if (m_ready && todo.text != m_lastText)
            print("seen " + todo.text.toUtf8() + ' ' + QByteArray::number(qint64(now)));
        m_lastText = todo.text;
        break;
    }
    maybeReady();
}

void EditObserver::maybeReady()
{
    if (m_ready || !m_session.monitor()->isConnected() || m_cache.day(m_day).status != DayCache::Status::Ready
        || m_lastText.isEmpty())
        return;
    m_ready = true;
    print("ready " + m_lastText.toUtf8());
}

void EditObserver::print(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// SPDX-License-Identifier: MIT
#include "ui/searchindex.h"

#include "sync/daycache.h"
#include "sync/hpkvclient.h"
#include "sync/syncsession.h"
#include "ui/exchangedays.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSearch, "dayboard.search")

SearchIndex *SearchIndex::of(SyncSession *session)
{
    if (!session)
        return nullptr;
    if (auto *index = session->findChild<SearchIndex *>(QString(), Qt::FindDirectChildrenOnly))
        return index;
    auto *index = new SearchIndex(session);
    index->attach(session);
    return index;
}

SearchIndex::SearchIndex(QObject *parent)
    : QObject(parent)
{ }

void SearchIndex::attach(SyncSession *session)
{
    m_session = session;
    connect(session->cache(), &DayCache::dayChanged, this, [this](const QDate &day) {
        const DayCache::Day &cached = m_session->cache()->day(day);
        if (cached.status == DayCache::Status::Ready)
            setDay(day, cached.todos);
    });
    // Notifications may have been missed while disconnected: read everything again.
    connect(session->client(), &HpkvClient::connected, this, [this] {
        if (m_wanted)
            fetch();
    });
}

void SearchIndex::load()
{
    if (m_wanted)
        return;
    m_wanted = true;
    fetch();
}

void SearchIndex::fetch()
{
    if (!m_session || m_loading)
        return;
    m_loading = true;
    emit loadingChanged();
    auto *days = new ExchangeDays(m_session->client(), m_session->cache(), this);
    days->fetch({}, {}, [this, days](const ExchangeDays::Result &result) {
        days->deleteLater();
        m_loading = false;
        m_error = result.error;
        if (result.error.isEmpty()) {
            setAll(result.days);
            m_loaded = true;
            qCDebug(lcSearch) << "history read:" << m_days.size() << "days," << m_count << "todos";
        } else {
            qCInfo(lcSearch) << "history not read:" << result.error;
        }
        emit loadingChanged();
    });
}

SearchIndex::Entry SearchIndex::entryFor(const Todo &todo)
{
    Entry entry { todo.id, todo.text, todo.notes, todo.status, todo.priority, todo.text.toCaseFolded(), 0 };
    entry.foldedTextLength = int(entry.folded.size());
    if (!todo.notes.isEmpty())
        entry.folded += u'\n' + todo.notes.toCaseFolded();
    return entry;
}

void SearchIndex::setDay(const QDate &day, const TodoList &todos)
{
    m_count -= int(m_days.value(day).size());
    if (todos.isEmpty()) {
        m_days.remove(day);
    } else {
        QList<Entry> entries;
        entries.reserve(todos.size());
        for (const Todo &todo : todos)
            entries.append(entryFor(todo));
        m_days.insert(day, entries);
        m_count += int(entries.size());
    }
    emit changed();
}

void SearchIndex::setAll(const QMap<QDate, TodoList> &days)
{
    m_days.clear();
    m_count = 0;
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        QList<Entry> entries;
        entries.reserve(it->size());
        for (const Todo &todo : *it)
            entries.append(entryFor(todo));
        m_count += int(entries.size());
        m_days.insert(it.key(), entries);
    }
    emit changed();
}

SearchIndex::Hits SearchIndex::search(const Days &days, const QString &query, int limit)
{
    Hits result;
    const QStringList words = query.simplified().toCaseFolded().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return result;
    for (auto day = days.cend(); day != days.cbegin();) {
        --day;
        for (const Entry &entry : day.value()) {
            bool all = true;
            for (const QString &word : words) {
                if (!entry.folded.contains(word)) {
                    all = false;
                    break;
                }
            }
            if (!all)
                continue;
            ++result.total;
            if (result.hits.size() >= limit)
                continue;
            bool inNotes = false;
            for (const QString &word : words)
                inNotes = inNotes || entry.folded.indexOf(word) >= entry.foldedTextLength;
            result.hits.append(Hit { day.key(), entry, inNotes });
        }
    }
    return result;
}
